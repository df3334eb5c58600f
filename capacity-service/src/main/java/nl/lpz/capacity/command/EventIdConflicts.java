package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.lpz.capacity.command.EventReceipts.Receipt;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * The edge's look at a request's event ids before any command is sent: a request may span several locations (or
 * module providers), i.e. several transactions, and one that reuses an id with other content must write nothing at
 * all. The claim inside each command checks again, for a concurrent request that slips in between. Bed events and
 * module reports share the receipts, so an id is one organisation's whatever it was sent for.
 */
@Component
public class EventIdConflicts {
    private final EventReceipts receipts;

    EventIdConflicts(EventReceipts receipts) {
        this.receipts = receipts;
    }

    /**
     * One report of a request (a bed event, a module report), with the organisation that owns its location (the
     * sender) and the hash of its content ({@link BedReport#payloadHash}, {@link ModuleReport#payloadHash}), computed
     * once per report: the command's claim uses the same one.
     */
    public record SentReport(OrganisationId organisation, UUID eventId, Instant occurredAt, String payloadHash) {
        public SentReport(OrganisationId organisation, LocationId locationId, BedReport report) {
            this(organisation, report.eventId(), report.occurredAt(), report.payloadHash(locationId));
        }
    }

    /**
     * The ids that the request carries twice with different content, or that the sending organisation sent before
     * with other content; sorted, empty when there is none.
     */
    public Set<UUID> find(List<SentReport> sent) {
        Set<UUID> conflicts = new TreeSet<>();
        Map<OrganisationId, Map<UUID, Receipt>> byOrganisation = new LinkedHashMap<>();
        for (SentReport s : sent) {
            UUID id = s.eventId();
            Receipt receipt = new Receipt(id, s.payloadHash(), s.occurredAt());
            Receipt first = byOrganisation.computeIfAbsent(s.organisation(), o -> new HashMap<>())
                    .putIfAbsent(id, receipt);
            if (first != null && !first.payloadHash().equals(receipt.payloadHash())) {
                conflicts.add(id);
            }
        }
        byOrganisation.forEach((organisation, byId) ->
                conflicts.addAll(receipts.conflicting(organisation, new ArrayList<>(byId.values()))));
        return conflicts;
    }
}
