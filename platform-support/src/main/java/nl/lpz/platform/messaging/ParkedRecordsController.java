package nl.lpz.platform.messaging;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of parked records ({@code ./lpz parked}): not routed by the gateway, like the other
 * {@code /internal} endpoints. A replay applies each open record of the consumers this service has through its
 * {@link ParkedRecordReplayer}; a record that applies is closed, one that still fails stays open with the error.
 */
@Hidden
@RestController
@RequestMapping("/internal/parked")
public class ParkedRecordsController {
    private static final Logger log = LoggerFactory.getLogger(ParkedRecordsController.class);
    static final int MAX_LISTED = 500;

    private final ParkedRecords parked;
    private final Map<String, ParkedRecordReplayer> replayers = new LinkedHashMap<>();

    public ParkedRecordsController(ParkedRecords parked, List<ParkedRecordReplayer> replayers) {
        this.parked = parked;
        replayers.forEach(r -> this.replayers.put(r.consumer(), r));
    }

    public record Listing(Map<String, Long> open, List<ParkedRecords.Parked> records) {
    }

    public record ReplayOutcome(long id, String consumer, String eventId, boolean applied, String outcome) {
    }

    @GetMapping
    public Listing list(@RequestParam(required = false) String consumer) {
        Map<String, Long> open = new LinkedHashMap<>();
        replayers.keySet().forEach(c -> open.put(c, parked.openCount(c)));
        return new Listing(open, parked.open(consumer, MAX_LISTED));
    }

    @PostMapping("/replay")
    public List<ReplayOutcome> replay(@RequestParam(required = false) String consumer,
                                      @RequestParam(required = false) Long id) {
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (ParkedRecords.Parked p : parked.open(consumer, MAX_LISTED)) {
            if (id != null && p.id() != id) {
                continue;
            }
            ParkedRecordReplayer replayer = replayers.get(p.consumer());
            if (replayer == null) {
                outcomes.add(new ReplayOutcome(p.id(), p.consumer(), p.eventId(), false,
                        "no consumer " + p.consumer() + " in this service"));
                continue;
            }
            try {
                replayer.replay(parked.record(p));
                parked.replayed(p.id(), true, "applied");
                outcomes.add(new ReplayOutcome(p.id(), p.consumer(), p.eventId(), true, "applied"));
                log.info("replayed parked record {} ({}-{}@{}, event id {}): applied", p.id(), p.topic(),
                        p.partition(), p.offset(), p.eventId());
            } catch (RuntimeException e) {
                String why = Failures.describe(e);
                parked.replayed(p.id(), false, why);
                outcomes.add(new ReplayOutcome(p.id(), p.consumer(), p.eventId(), false, why));
                log.warn("replay of parked record {} (event id {}) failed again: {}", p.id(), p.eventId(), why);
            }
        }
        return outcomes;
    }
}
