package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/** The location's thresholds (drempelwaarden) from {@code setAt} on; replaces all earlier ones. */
@Revision("1")
public record ThresholdsSet(LocationId locationId, OrganisationId organisationId, List<Threshold> thresholds,
                            Instant setAt, Actor setBy) implements LocationEvent {
    public ThresholdsSet {
        thresholds = List.copyOf(thresholds);
    }
}
