package nl.lpz.capacity.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;

/** One EPD bed event, structurally valid; {@code eventId} is the EPD's idempotency key. */
public record BedReport(UUID eventId, DepartmentId departmentId, BedId bedId, BedStatus status, BedLabels labels,
                        PatientCovidStatus patientCovidStatus, Instant occurredAt) {

    /**
     * SHA-256 (hex) of what the event says, which tells a resend from a reused id: every field but the id, with
     * {@code occurredAt} as an instant, so the same moment written with another offset is the same content. Each
     * value is length-prefixed, so no choice of text can make two different events hash alike by shifting a separator.
     */
    String payloadHash(LocationId locationId) {
        StringBuilder canonical = new StringBuilder("bed-event/1");
        for (Object value : new Object[] {locationId.value(), departmentId.value(), bedId.value(), status.name(),
                labels.specialistisch(), labels.specialisme(),
                labels.snijdendBeschouwend() == null ? null : labels.snijdendBeschouwend().name(), labels.covid(),
                patientCovidStatus == null ? null : patientCovidStatus.name(),
                occurredAt.getEpochSecond() + "." + occurredAt.getNano()}) {
            String text = value == null ? null : value.toString();
            canonical.append('|').append(text == null ? "~" : text.length() + ":" + text);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
