package nl.lpz.events.stops;

import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;

/**
 * An event in the life of one announcement of a planned stop: announced, reminded at its start, lapsed. (A
 * declaration that closes an announcement is a {@link StopOfLocation}: {@link StopDeclared#announcementId()}.)
 */
public sealed interface AnnouncementEvent extends StopEvent
        permits StopAnnounced, StopAnnouncementLapsed, PlannedStopReminder {
    String announcementId();

    LocationId locationId();

    OrganisationId organisationId();
}
