package nl.lpz.reporting.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.WeeklyHours;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The opening hours of a care kind at locations as they held at an instant (the last setting by then), for every
 * view that shows a location's availability. A location without hours for the kind is open around the clock and is
 * not in the answer. Runs in the caller's transaction, which gives the snapshot.
 */
@Component
public class OpeningHours {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<OpeningPeriod>> PERIODS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public OpeningHours(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per location with hours for {@code careKind} at {@code at}, those hours. */
    public Map<String, WeeklyHours> at(Collection<String> locationIds, String careKind, Instant at) {
        Map<String, WeeklyHours> hours = new HashMap<>();
        if (locationIds.isEmpty()) {
            return hours;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (location_id) location_id, periods::text as periods
                    from opening_hours_history
                    where location_id = any(?) and care_kind = ? and set_at <= ?
                    order by location_id, set_at desc, seq desc""");
            ps.setArray(1, con.createArrayOf("text", locationIds.toArray(new String[0])));
            ps.setString(2, careKind);
            ps.setObject(3, Sql.ts(at));
            return ps;
        }, rs -> {
            List<OpeningPeriod> periods = read(rs.getString("periods"));
            if (!periods.isEmpty()) {
                hours.put(rs.getString("location_id"), new WeeklyHours(periods));
            }
        });
        return hours;
    }

    /**
     * Per location with hours at {@code at}, the hours of each of its care kinds that has them, by care kind: every
     * kind of many locations in one query (the acute-care map's national answer).
     */
    public Map<String, Map<String, WeeklyHours>> ofLocations(Collection<String> locationIds, Instant at) {
        Map<String, Map<String, WeeklyHours>> hours = new HashMap<>();
        if (locationIds.isEmpty()) {
            return hours;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (location_id, care_kind) location_id, care_kind, periods::text as periods
                    from opening_hours_history
                    where location_id = any(?) and set_at <= ?
                    order by location_id, care_kind, set_at desc, seq desc""");
            ps.setArray(1, con.createArrayOf("text", locationIds.toArray(new String[0])));
            ps.setObject(2, Sql.ts(at));
            return ps;
        }, rs -> {
            List<OpeningPeriod> periods = read(rs.getString("periods"));
            if (!periods.isEmpty()) {
                hours.computeIfAbsent(rs.getString("location_id"), k -> new HashMap<>())
                        .put(rs.getString("care_kind"), new WeeklyHours(periods));
            }
        });
        return hours;
    }

    /** The hours of every care kind of one location that has hours at {@code at}, by care kind. */
    public Map<String, List<OpeningPeriod>> ofLocation(String locationId, Instant at) {
        Map<String, List<OpeningPeriod>> hours = new java.util.TreeMap<>();
        jdbc.query("""
                select distinct on (care_kind) care_kind, periods::text as periods from opening_hours_history
                where location_id = ? and set_at <= ? order by care_kind, set_at desc, seq desc""", rs -> {
            List<OpeningPeriod> periods = read(rs.getString("periods"));
            if (!periods.isEmpty()) {
                hours.put(rs.getString("care_kind"), periods);
            }
        }, locationId, Sql.ts(at));
        return hours;
    }

    private static List<OpeningPeriod> read(String json) {
        try {
            return JSON.readValue(json, PERIODS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable opening hours " + json, e);
        }
    }
}
