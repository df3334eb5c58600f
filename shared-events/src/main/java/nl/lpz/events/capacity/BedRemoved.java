package nl.lpz.events.capacity;

import java.time.Instant;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/** A bed left the location's capacity because a full snapshot taken at {@code occurredAt} no longer lists it. */
@Revision("1")
public record BedRemoved(LocationId locationId, OrganisationId organisationId, DepartmentId departmentId, BedId bedId,
                         Instant occurredAt) implements LocationEvent {
}
