package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Objects;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;

/** Current state of one bed in the {@link Location} aggregate; {@code lastOccurredAt} of the last applied report. */
record BedState(DepartmentId departmentId, BedId bedId, BedStatus status, BedLabels labels,
                PatientCovidStatus patientCovidStatus, Instant lastOccurredAt) {

    static String key(DepartmentId departmentId, BedId bedId) {
        return departmentId.value() + "/" + bedId.value();
    }

    boolean sameStateAs(BedStatus otherStatus, BedLabels otherLabels, PatientCovidStatus otherPatient) {
        return status == otherStatus && Objects.equals(labels, otherLabels) && patientCovidStatus == otherPatient;
    }
}
