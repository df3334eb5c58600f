package nl.lpz.reporting.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.lpz.events.EventJson;
import nl.lpz.reporting.pipeline.ChangeLogEntry;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code capacity} rows of the change log for the locations a batch changed: the location, its newest bed
 * report and when it changed, visible to everyone while its organisation is shared (or on a visibility switch), else
 * only to the organisation itself.
 */
class CapacityChanges {
    static final String CHANGE_KIND_CAPACITY = "capacity";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    CapacityChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record LocationRef(String locationId, String roazRegionId, String organisationId) {
    }

    /** One {@code capacity} row per changed, registered location, for its ROAZ region. */
    List<ChangeLogEntry> rows(ChangedLocations changes) {
        List<ChangeLogEntry> rows = new ArrayList<>();
        Set<String> all = changes.all();
        if (all.isEmpty()) {
            return rows;
        }
        Map<String, LocationRef> locations = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, roaz_region_id, organisation_id from location
                    where location_id = any(?) order by location_id""");
            ps.setArray(1, Sql.textArray(con, all));
            return ps;
        }, rs -> {
            locations.put(rs.getString(1), new LocationRef(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        if (locations.isEmpty()) {
            return rows; // beds of locations not registered (yet): their registration will announce them
        }
        Map<String, Instant> lastEventAt = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, max(occurred_at) as last_event_at from bed_current
                    where location_id = any(?) group by location_id""");
            ps.setArray(1, Sql.textArray(con, locations.keySet()));
            return ps;
        }, rs -> {
            lastEventAt.put(rs.getString(1), Sql.instant(rs, "last_event_at"));
        });
        Set<String> organisations = new TreeSet<>();
        locations.values().forEach(l -> organisations.add(l.organisationId()));
        Map<String, Boolean> sharedNow = sharedNow(organisations);

        Instant changedAt = Instant.now();
        for (LocationRef l : locations.values()) {
            boolean everyone = changes.announced.contains(l.locationId())
                    || sharedNow.getOrDefault(l.organisationId(), false);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("locationId", l.locationId());
            Instant last = lastEventAt.get(l.locationId());
            payload.put("lastEventAt", last == null ? null : last.toString());
            payload.put("changedAt", changedAt.toString());
            rows.add(new ChangeLogEntry(l.roazRegionId(), l.locationId(), l.organisationId(),
                    everyone ? null : l.organisationId(), CHANGE_KIND_CAPACITY, toJson(payload)));
        }
        return rows;
    }

    /** Whether each organisation's figures are shared right now (latest visibility change; none: hidden). */
    private Map<String, Boolean> sharedNow(Collection<String> organisations) {
        Map<String, Boolean> shared = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (organisation_id) organisation_id, shared from visibility_history
                    where organisation_id = any(?) order by organisation_id, changed_at desc, id desc""");
            ps.setArray(1, Sql.textArray(con, organisations));
            return ps;
        }, rs -> {
            shared.put(rs.getString(1), rs.getBoolean(2));
        });
        return shared;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
