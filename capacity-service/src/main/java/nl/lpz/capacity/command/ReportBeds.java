package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bed events of one request that concern one location, handled in one transaction; answers
 * {@link BedReportResult} with one outcome per report, in order. {@code receivedAt} is the server's clock, against
 * which reports from the future are refused; reports before {@code backfillHorizon}
 * ({@link ReceiptSettings#backfillHorizon}) are refused as too early.
 */
public record ReportBeds(@TargetAggregateIdentifier LocationId locationId, List<BedReport> reports,
                         Instant receivedAt, Instant backfillHorizon) {
    public ReportBeds {
        reports = List.copyOf(reports);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }
}
