package nl.lpz.events.capacity;

import nl.lpz.events.ids.OrganisationId;

/** Events of the Organisation aggregate. */
public sealed interface OrganisationEvent extends CapacityEvent permits VisibilityChanged {
    OrganisationId organisationId();

    @Override
    default String partitionKey() {
        return organisationId().value();
    }
}
