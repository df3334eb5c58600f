package nl.lpz.events.capacity;

import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;

/** Events of the Location aggregate: its registration, settings and beds. */
public sealed interface LocationEvent extends CapacityEvent
        permits LocationRegistered, BedStatusChanged, BedRemoved, ThresholdsSet, ContactsUpdated, OpeningHoursSet,
        CareProfileSet {
    LocationId locationId();

    OrganisationId organisationId();

    @Override
    default String partitionKey() {
        return locationId().value();
    }
}
