package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * The hospital extended an active stop before its end; {@code expectedDurationMinutes} is the new total, counted
 * from the start. A pending expiry warning no longer applies: the stop warns again 10 minutes before the new end.
 */
@Revision("1")
public record StopExtended(String stopId, SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                           OrganisationId organisationId, Instant startedAt, Instant previousExpectedEnd,
                           Instant expectedEnd, long expectedDurationMinutes, boolean mkaContacted, String reason,
                           Instant extendedAt, Actor extendedBy) implements StopOfLocation {
}
