package nl.lpz.reporting.stops;

import java.time.Instant;
import java.util.List;
import nl.lpz.reporting.readmodel.ActiveStop;

/**
 * The stop view of one veiligheidsregio ({@code GET /api/v1/safety-regions/{safetyRegionId}/stops}): the active stops
 * and the open announcements of planned stops, as they stand at {@code asOf} (the moment of the answer).
 */
record RegionalStops(String safetyRegionId, Instant asOf, List<ActiveStop> stops,
                            List<Announcement> announcements) {

    /** An announced planned stop that has not been declared and has not lapsed. */
    public record Announcement(String announcementId, String locationId, String locationName, String organisationId,
                               String kind, Instant plannedStart, Instant plannedEnd, String reason,
                               Instant announcedAt) {
    }
}
