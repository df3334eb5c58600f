package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/** Ten minutes before its expected end a stop signals that it will expire (seed 001 §6): {@code expiresSoon}. */
@Revision("1")
public record StopExpiryWarned(String stopId, SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                               OrganisationId organisationId, Instant expectedEnd, Instant warnedAt)
        implements StopOfLocation {
}
