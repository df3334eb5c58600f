package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/** An announcement reached its planned end without a stop declared for it and no longer shows. */
@Revision("1")
public record StopAnnouncementLapsed(String announcementId, SafetyRegionId safetyRegionId, CareKind kind,
                                     LocationId locationId, OrganisationId organisationId, Instant plannedEnd,
                                     Instant lapsedAt, String reason, Actor lapsedBy) implements AnnouncementEvent {
}
