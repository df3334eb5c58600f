package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * A stop reached its expected end and ended by itself. {@code expiredAt} is the expected end;
 * {@code recordedAt} is when stop-service noticed (later only if it was down at that moment).
 */
@Revision("1")
public record StopExpired(String stopId, SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                          OrganisationId organisationId, Instant startedAt, Instant expiredAt, Instant recordedAt,
                          String reason, Actor expiredBy) implements StopOfLocation {
}
