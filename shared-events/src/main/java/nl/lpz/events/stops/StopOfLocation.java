package nl.lpz.events.stops;

import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;

/** An event in the life of one stop of one location: declared, extended, warned, ended or expired. */
public sealed interface StopOfLocation extends StopEvent
        permits StopDeclared, StopExtended, StopEnded, StopExpired, StopExpiryWarned {
    String stopId();

    LocationId locationId();

    OrganisationId organisationId();
}
