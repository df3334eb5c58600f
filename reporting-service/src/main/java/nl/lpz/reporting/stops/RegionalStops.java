package nl.lpz.reporting.stops;

import java.time.Instant;
import java.util.List;

/**
 * The stop view of one veiligheidsregio ({@code GET /api/v1/safety-regions/{safetyRegionId}/stops}): the active stops
 * and the open announcements of planned stops, as they stand at {@code asOf} (the moment of the answer).
 */
public record RegionalStops(String safetyRegionId, Instant asOf, List<ActiveStop> stops,
                            List<Announcement> announcements) {

    /** Who did it: the token's subject and, for hospital users, their organisation. */
    public record Actor(String subject, String organisation) {
    }

    /**
     * An active stop: no end event yet and {@code expectedEnd} in the future. {@code expiresSoon}: the end is at most
     * 10 minutes away (computed at read time, so it holds even before the warning event arrives); {@code graceUntil}:
     * ambulances that left before it may still present patients. {@code extensions}: how often it was extended.
     */
    public record ActiveStop(String stopId, String locationId, String locationName, String organisationId,
                             String kind, String type, String reason, Instant startedAt, Instant expectedEnd,
                             Instant graceUntil, boolean expiresSoon, long expectedDurationMinutes,
                             long normTimeMinutes, boolean mkaContacted, int extensions, String announcementId,
                             Actor declaredBy) {
    }

    /** An announced planned stop that has not been declared and has not lapsed. */
    public record Announcement(String announcementId, String locationId, String locationName, String organisationId,
                               String kind, Instant plannedStart, Instant plannedEnd, String reason,
                               Instant announcedAt) {
    }
}
