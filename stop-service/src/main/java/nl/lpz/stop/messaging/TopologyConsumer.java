package nl.lpz.stop.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.platform.messaging.Failures;
import nl.lpz.platform.messaging.ParkedRecordReplayer;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.stop.command.StopDesk;
import nl.lpz.stop.config.StopsProperties;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.query.TopologyLocation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local topology (location → organisation, veiligheidsregio, ROAZ region, care offered) from
 * {@code LocationRegistered} on {@link Topics#CAPACITY_TOPOLOGY}, once per {@code lpz-event-id}. After a change the
 * boards of the affected regions re-check whether all providers of a kind now have a stop (then all lapse).
 * <p>
 * No record stops this consumer and none is lost: one that cannot be read, or whose values {@link ValueRules}
 * refuses, is parked at once (retrying cannot change it); one whose application fails is left to the container's
 * parking error handler ({@code KafkaConfig}), which retries a transient failure until it passes and parks a
 * deterministic one after a few attempts.
 */
@Component
class TopologyConsumer implements ParkedRecordReplayer {
    static final String UNREADABLE = "UNREADABLE";
    static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    private static final Logger log = LoggerFactory.getLogger(TopologyConsumer.class);

    private final Topology topology;
    private final StopDesk desk;
    private final ParkedRecords parked;
    private final String consumer;
    private final Counter unreadable;

    TopologyConsumer(Topology topology, StopDesk desk, ParkedRecords parked, MeterRegistry meters,
                     StopsProperties stops) {
        this.topology = topology;
        this.desk = desk;
        this.parked = parked;
        this.consumer = stops.topologyGroup();
        this.unreadable = Counter.builder("lpz.topology.records.unreadable")
                .description("topology records that could not be read (each is parked)").register(meters);
    }

    @KafkaListener(topics = Topics.CAPACITY_TOPOLOGY, groupId = "#{__listener.consumer()}",
            containerFactory = "topologyListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        apply(record, false);
    }

    @Override
    public String consumer() {
        return consumer;
    }

    /** A parked record after the fix: applied as a consumed one, or refused again with the reason (it stays parked). */
    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        apply(record, true);
    }

    private void apply(ConsumerRecord<String, byte[]> record, boolean replay) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!LocationRegistered.class.getSimpleName().equals(type)) {
            if (type == null || EventJson.classOf(type).isEmpty()) {
                // kept, not skipped: a type of a newer language version may matter here once this one is upgraded
                unreadable(record, "no event type this version of the published language knows: " + type, replay);
            }
            return; // thresholds, contacts, visibility: not needed for stops
        }
        LocationRegistered event;
        try {
            event = EventJson.fromBytes(record.value(), LocationRegistered.class);
        } catch (RuntimeException e) {
            unreadable(record, Failures.describe(e), replay);
            return;
        }
        Optional<String> violation = ValueRules.firstViolation(event);
        if (violation.isPresent()) {
            if (replay) {
                throw new IllegalStateException(OUT_OF_RANGE + ": " + violation.get());
            }
            parked.park(consumer, record, OUT_OF_RANGE, violation.get(), 1);
            return;
        }
        String eventId = Optional.ofNullable(header(record, EventHeaders.EVENT_ID))
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
        // a failure here propagates to the container's error handler: retried or parked, never skipped
        Optional<Optional<TopologyLocation>> applied = topology.apply(eventId, event);
        if (applied.isEmpty()) {
            return; // seen before
        }
        // a new provider cannot leave all providers stopped; a provider that moved or dropped a kind can
        applied.get().filter(before -> !before.safetyRegionId().equals(event.safetyRegionId())
                        || !event.careOffered().containsAll(before.careOffered()))
                .ifPresent(before -> {
                    Set<SafetyRegionId> regions = new LinkedHashSet<>();
                    regions.add(before.safetyRegionId());
                    regions.add(event.safetyRegionId());
                    try {
                        desk.reconcile(regions);
                    } catch (RuntimeException e) {
                        // the registration is applied; a redelivery would not reconcile again, so say it loudly
                        log.error("could not re-check the stops of {} after the change of location {}: {}", regions,
                                event.locationId(), e.toString());
                    }
                });
    }

    /** Parking logs the record at ERROR; counted after it, so a redelivery after a failed park counts once. */
    private void unreadable(ConsumerRecord<String, byte[]> record, String error, boolean replay) {
        if (replay) {
            throw new IllegalStateException(UNREADABLE + ": " + error);
        }
        parked.park(consumer, record, UNREADABLE, error, 1);
        unreadable.increment();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
