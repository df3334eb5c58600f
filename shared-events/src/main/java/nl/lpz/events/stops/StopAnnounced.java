package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * A hospital announced a planned stop to its region (seed 001 §2.1). The announcement shows in the region's stop
 * view until a stop is declared for it ({@link StopDeclared#announcementId()}) or it lapses.
 */
@Revision("1")
public record StopAnnounced(String announcementId, SafetyRegionId safetyRegionId, CareKind kind,
                            LocationId locationId, OrganisationId organisationId, Instant plannedStart,
                            Instant plannedEnd, String reason, Instant announcedAt, Actor announcedBy)
        implements AnnouncementEvent {
}
