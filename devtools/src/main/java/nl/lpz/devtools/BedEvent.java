package nl.lpz.devtools;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A bed event as the EPD pushes it ({@code POST /api/v1/bed-events}); without an eventId it is a bed of a full
 * snapshot ({@code PUT /api/v1/locations/{id}/beds}).
 */
record BedEvent(@JsonInclude(JsonInclude.Include.NON_NULL) UUID eventId, String locationId, String departmentId,
                String bedId, String status, Labels labels, String patientCovidStatus, OffsetDateTime occurredAt) {

    record Labels(String specialistisch, String specialisme, String snijdendBeschouwend, boolean covid) {
    }

    BedEvent withoutEventId() {
        return new BedEvent(null, locationId, departmentId, bedId, status, labels, patientCovidStatus, occurredAt);
    }
}
