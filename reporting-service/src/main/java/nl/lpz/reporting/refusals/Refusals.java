package nl.lpz.reporting.refusals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answers of the refusals read model (weigeringen geboortezorg). */
final class Refusals {
    private Refusals() {
    }

    /** The refusals about one hospital location, oldest first; the recording practice is not shown. */
    record AboutLocation(String locationId, String name, String roazRegionId, LocalDate from, LocalDate to,
                         List<AboutLocationRefusal> refusals) {
    }

    /** {@code midwifeRegionId}: the ROAZ region of the midwife who recorded it. */
    record AboutLocationRefusal(Instant occurredAt, String reason, String takenByLocationId, String takenByName,
                                String midwifeRegionId) {
    }

    /** What one midwife practice recorded, oldest first. */
    record OfPractice(String practiceId, LocalDate from, LocalDate to, List<PracticeRefusal> refusals) {
    }

    /** {@code eventId}: the practice's own id of the refusal, as it sent it. */
    record PracticeRefusal(UUID eventId, Instant occurredAt, String reason, String refusedLocationId,
                           String refusedName, String takenByLocationId, String takenByName, String midwifeRegionId,
                           Instant recordedAt) {
    }

    /** Per hospital of a ROAZ region and month ({@code YYYY-MM} in {@code timeZone}), and the region's totals. */
    record Monthly(String roazRegionId, String from, String to, String timeZone, List<Hospital> hospitals, List<Month> totals) {
    }

    record Hospital(String locationId, String name, List<Month> months) {
    }

    /**
     * One month (Europe/Amsterdam): {@code total} refusals, {@code byReason} every reason with its count (zeros
     * included), {@code takenElsewhere}: those after which another hospital took her.
     */
    record Month(String month, long total, Map<String, Long> byReason, long takenElsewhere) {
    }
}
