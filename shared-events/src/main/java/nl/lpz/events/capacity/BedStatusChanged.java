package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.UUID;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * The EPD reported a bed's status at {@code occurredAt}. {@code stale} is true when a later report for the same bed
 * had already been applied: the bed's current state stays as it was, but the report still belongs to the bed's
 * history, so a view "as of" an earlier instant sees it. {@code sourceEventId} is the EPD's idempotency key (null for
 * a snapshot resync).
 */
@Revision("1")
public record BedStatusChanged(LocationId locationId, OrganisationId organisationId, DepartmentId departmentId,
                               BedId bedId, BedStatus status, BedLabels labels, PatientCovidStatus patientCovidStatus,
                               Instant occurredAt, boolean stale, BedChangeSource source, UUID sourceEventId,
                               String codeListVersion) implements LocationEvent {
}
