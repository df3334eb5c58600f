package nl.lpz.events.capacity;

import java.time.Instant;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/** The care profile of a location as it now stands, from {@code setAt} on; replaces the earlier one. */
@Revision("1")
public record CareProfileSet(LocationId locationId, OrganisationId organisationId, CareProfile profile,
                             Instant setAt, Actor setBy) implements LocationEvent {
}
