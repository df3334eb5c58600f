package nl.lpz.reporting.stops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.EventJson;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.ChangeLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code stop} rows of the change log (the SSE stream), one per ROAZ region a stop change concerns. */
class StopChanges {
    private static final Logger log = LoggerFactory.getLogger(StopChanges.class);
    static final String CHANGE_KIND_STOP = "stop";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    StopChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The {@code stop} change of the regional stream, for the ROAZ region of the location (as registered; else as
     * declared; else every ROAZ region with a location in the VR). Nothing when no region is known.
     */
    void change(Batch batch, String vr, String kind, String locationId, String organisationId,
                        String declaredRoaz, String change, String stopId, String announcementId, Instant expectedEnd,
                        Instant changedAt) {
        batch.changes(() -> rows(vr, kind, locationId, organisationId, declaredRoaz, change, stopId, announcementId,
                expectedEnd, changedAt));
    }

    private List<ChangeLogEntry> rows(String vr, String kind, String locationId, String organisationId,
                                      String declaredRoaz, String change, String stopId, String announcementId,
                                      Instant expectedEnd, Instant changedAt) {
        List<String> regions = jdbc.queryForList("select roaz_region_id from location where location_id = ?",
                String.class, locationId);
        if (regions.isEmpty() && declaredRoaz == null && stopId != null) {
            declaredRoaz = jdbc.query("select roaz_region_id from stop where stop_id = ?",
                    rs -> rs.next() ? rs.getString(1) : null, stopId);
        }
        if (regions.isEmpty() && declaredRoaz != null) {
            regions = List.of(declaredRoaz);
        }
        if (regions.isEmpty()) {
            regions = jdbc.queryForList("""
                    select distinct roaz_region_id from location where safety_region_id = ?
                    order by roaz_region_id""", String.class, vr);
        }
        if (regions.isEmpty()) {
            log.debug("stop change of {} in {}: no ROAZ region known, not streamed", locationId, vr);
            return List.of();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stopId", stopId);
        if (announcementId != null) {
            payload.put("announcementId", announcementId);
        }
        payload.put("safetyRegionId", vr);
        payload.put("locationId", locationId);
        payload.put("kind", kind);
        payload.put("change", change);
        payload.put("expectedEnd", expectedEnd == null ? null : expectedEnd.toString());
        payload.put("changedAt", changedAt == null ? null : changedAt.toString());
        String text;
        try {
            text = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        List<ChangeLogEntry> rows = new ArrayList<>();
        for (String region : regions) {
            rows.add(new ChangeLogEntry(region, locationId, organisationId, null, CHANGE_KIND_STOP, text));
        }
        return rows;
    }
}
