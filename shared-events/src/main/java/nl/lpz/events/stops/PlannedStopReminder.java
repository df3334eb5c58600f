package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * The planned start of an announced stop came: the announcing hospital is reminded to declare the stop now (a
 * planned stop cannot be declared before its start).
 */
@Revision("1")
public record PlannedStopReminder(String announcementId, SafetyRegionId safetyRegionId, CareKind kind,
                                  LocationId locationId, OrganisationId organisationId, Instant plannedStart,
                                  Instant plannedEnd, Instant remindedAt) implements AnnouncementEvent {
}
