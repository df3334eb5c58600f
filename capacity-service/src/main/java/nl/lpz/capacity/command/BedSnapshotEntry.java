package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;

/** One bed of a full snapshot: its state as of the snapshot, and since when ({@code occurredAt}). */
public record BedSnapshotEntry(DepartmentId departmentId, BedId bedId, BedStatus status, BedLabels labels,
                               PatientCovidStatus patientCovidStatus, Instant occurredAt) {
}
