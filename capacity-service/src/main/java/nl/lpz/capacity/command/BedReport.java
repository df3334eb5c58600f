package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;

/** One EPD bed event, structurally valid; {@code eventId} is the EPD's idempotency key. */
public record BedReport(UUID eventId, DepartmentId departmentId, BedId bedId, BedStatus status, BedLabels labels,
                        PatientCovidStatus patientCovidStatus, Instant occurredAt) implements ReceiptedItem {

    @Override
    public Map<String, Instant> instants() {
        return Map.of("occurredAt", occurredAt);
    }

    /**
     * SHA-256 (hex) of what the event says ({@link PayloadHash}), which tells a resend from a reused id: every field
     * but the id, with {@code occurredAt} as an instant, so the same moment written with another offset is the same
     * content.
     */
    String payloadHash(LocationId locationId) {
        return PayloadHash.of("bed-event/1", locationId.value(), departmentId.value(), bedId.value(), status.name(),
                labels.specialistisch(), labels.specialisme(),
                labels.snijdendBeschouwend() == null ? null : labels.snijdendBeschouwend().name(), labels.covid(),
                patientCovidStatus == null ? null : patientCovidStatus.name(),
                occurredAt.getEpochSecond() + "." + occurredAt.getNano());
    }
}
