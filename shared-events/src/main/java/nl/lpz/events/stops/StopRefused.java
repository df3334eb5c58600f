package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * A declaration was refused by the last-in-region rule: no other provider of the kind in the veiligheidsregio would
 * have stayed open. Recorded because the ROAZ office counts refusals; {@code code} is the problem code the
 * requester got ({@code LAST_IN_REGION}), {@code reason} the reason the requester gave for the stop.
 */
@Revision("1")
public record StopRefused(SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                          OrganisationId organisationId, StopType type, long expectedDurationMinutes, String code,
                          String reason, Instant refusedAt, Actor requestedBy) implements StopEvent {
}
