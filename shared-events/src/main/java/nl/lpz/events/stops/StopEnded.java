package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/** The hospital ended a stop before its expected end. */
@Revision("1")
public record StopEnded(String stopId, SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                        OrganisationId organisationId, Instant startedAt, Instant expectedEnd, Instant endedAt,
                        String reason, Actor endedBy) implements StopOfLocation {
}
