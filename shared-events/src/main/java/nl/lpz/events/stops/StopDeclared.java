package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * A location declared a stop: ambulances are asked to spare it for this kind of care until {@code expectedEnd}.
 * Patients already announced and ambulances that left before {@code graceUntil} (start + 20 minutes) may still be
 * presented. {@code normTimeMinutes} is the region's norm time for the kind when the stop was declared;
 * {@code announcementId} links a planned stop to its announcement (null otherwise).
 */
@Revision("1")
public record StopDeclared(String stopId, SafetyRegionId safetyRegionId, CareKind kind, LocationId locationId,
                           OrganisationId organisationId, RoazRegionId roazRegionId, StopType type,
                           Instant startedAt, Instant expectedEnd, Instant graceUntil, long expectedDurationMinutes,
                           long normTimeMinutes, boolean mkaContacted, String reason, String announcementId,
                           Actor declaredBy) implements StopOfLocation {
}
