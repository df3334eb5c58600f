package nl.lpz.reporting.capacity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.EventJson;
import nl.lpz.reporting.capacity.RegionalCapacity.Contact;
import nl.lpz.reporting.capacity.RegionalCapacity.Contacts;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the regional picture reads per location besides its beds: thresholds (as they stood) and contacts. */
final class LocationSettings {
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    LocationSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per location the thresholds (element → beds) that held at {@code asOf} (null: now). */
    Map<String, Map<String, Integer>> thresholds(String[] locationIds, Instant asOf) {
        Map<String, Map<String, Integer>> thresholds = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (location_id) location_id, thresholds::text as thresholds
                    from threshold_history where location_id = any(?) and set_at <= coalesce(?, 'infinity'::timestamptz)
                    order by location_id, set_at desc, id desc""");
            ps.setArray(1, con.createArrayOf("text", locationIds));
            ps.setObject(2, Sql.ts(asOf), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            return ps;
        }, rs -> {
            Map<String, Integer> byElement = new HashMap<>();
            for (Map<String, Object> t : readList(rs.getString("thresholds"))) {
                Object beds = t.get("beds");
                byElement.merge(String.valueOf(t.get("specialistisch")),
                        beds instanceof Number n ? n.intValue() : 0, Integer::sum);
            }
            thresholds.put(rs.getString("location_id"), byElement);
        });
        return thresholds;
    }

    /** Per location the contacts as they now stand. */
    Map<String, Contacts> contacts(String[] locationIds) {
        Map<String, Contacts> contacts = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, regiehouder_seh::text as seh, beddencoordinator::text as bc
                    from contacts where location_id = any(?)""");
            ps.setArray(1, con.createArrayOf("text", locationIds));
            return ps;
        }, rs -> {
            contacts.put(rs.getString("location_id"),
                    new Contacts(contactList(rs.getString("seh")), contactList(rs.getString("bc"))));
        });
        return contacts;
    }

    private List<Contact> contactList(String text) {
        return readList(text).stream()
                .map(m -> new Contact((String) m.get("name"), (String) m.get("phone"))).toList();
    }

    private List<Map<String, Object>> readList(String text) {
        try {
            return json.readValue(text, LIST_OF_MAPS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
