package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A full snapshot of the location's beds as of {@code asOf} (EPD resync); beds it leaves out are removed unless a
 * newer report is known for them. Answers {@link ResyncResult}.
 */
public record ResyncBeds(@TargetAggregateIdentifier LocationId locationId, Instant asOf, List<BedSnapshotEntry> beds,
                         Instant receivedAt) {
    public ResyncBeds {
        beds = List.copyOf(beds);
    }
}
