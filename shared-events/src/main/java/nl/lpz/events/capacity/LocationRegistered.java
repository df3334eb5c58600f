package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.Set;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * A location was registered, or its registration changed; the event carries the registration as it now stands.
 * {@code latitude}/{@code longitude} (WGS84) may be null.
 */
@Revision("1")
public record LocationRegistered(LocationId locationId, OrganisationId organisationId, String name,
                                 RoazRegionId roazRegionId, SafetyRegionId safetyRegionId, Set<CareKind> careOffered,
                                 String locationType, Double latitude, Double longitude, Instant registeredAt,
                                 Actor registeredBy) implements LocationEvent {
    public LocationRegistered {
        careOffered = Set.copyOf(careOffered);
    }
}
