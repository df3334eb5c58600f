package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bed events of one request that concern one location, handled in one transaction; answers
 * {@link ReportResult} with one outcome per report, in order. {@code receivedAt} is the server's clock, against
 * which reports from the future are refused; reports before {@code backfillHorizon}
 * ({@link ReceiptSettings#backfillHorizon}) are refused as too early. {@code payloadHashes} holds each report's
 * {@link BedReport#payloadHash} in the same order: the edge hashes every event once, for its look at conflicting ids
 * and for the receipts the command claims (SHA-256 was 8 % of the service's CPU when done twice).
 */
public record ReportBeds(@TargetAggregateIdentifier LocationId locationId, List<BedReport> reports,
                         Instant receivedAt, Instant backfillHorizon, List<String> payloadHashes) {
    public ReportBeds {
        reports = List.copyOf(reports);
        payloadHashes = List.copyOf(payloadHashes);
        if (payloadHashes.size() != reports.size()) {
            throw new IllegalArgumentException(payloadHashes.size() + " hashes for " + reports.size() + " reports");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }

    /** The reports hashed here. */
    public ReportBeds(LocationId locationId, List<BedReport> reports, Instant receivedAt, Instant backfillHorizon) {
        this(locationId, reports, receivedAt, backfillHorizon,
                reports.stream().map(r -> r.payloadHash(locationId)).toList());
    }
}
