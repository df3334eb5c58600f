package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.UUID;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;

/** One EPD bed event, structurally valid; {@code eventId} is the EPD's idempotency key. */
public record BedReport(UUID eventId, DepartmentId departmentId, BedId bedId, BedStatus status, BedLabels labels,
                        PatientCovidStatus patientCovidStatus, Instant occurredAt) {
}
