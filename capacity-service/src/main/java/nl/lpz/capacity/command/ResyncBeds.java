package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A full snapshot of the location's beds as of {@code asOf} (EPD resync); beds it leaves out are removed unless a
 * newer report is known for them. Answers {@link ResyncResult}. Instants before {@code backfillHorizon} or more than
 * 5 minutes after {@code receivedAt} refuse the whole snapshot.
 */
public record ResyncBeds(@TargetAggregateIdentifier LocationId locationId, Instant asOf, List<BedSnapshotEntry> beds,
                         Instant receivedAt, Instant backfillHorizon) {
    public ResyncBeds {
        beds = List.copyOf(beds);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }
}
