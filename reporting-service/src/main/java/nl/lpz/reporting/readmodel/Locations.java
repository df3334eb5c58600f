package nl.lpz.reporting.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the registrations ({@code location}, learnt from LocationRegistered) tell every read model: which ROAZ regions,
 * veiligheidsregio's and organisations are known and how they relate.
 */
@Component
public class Locations {
    private final JdbcTemplate jdbc;

    public Locations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a location of this ROAZ region is known. */
    public boolean regionExists(String roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where roaz_region_id = ?)", Boolean.class, roazRegionId));
    }

    /** Whether a location of this veiligheidsregio lies in this ROAZ region. */
    public boolean safetyRegionInRoaz(String safetyRegionId, String roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where safety_region_id = ? and roaz_region_id = ?)",
                Boolean.class, safetyRegionId, roazRegionId));
    }

    /** The veiligheidsregio's with a location in this ROAZ region. */
    public Set<String> safetyRegionsOf(String roazRegionId) {
        return new TreeSet<>(jdbc.queryForList(
                "select distinct safety_region_id from location where roaz_region_id = ?", String.class,
                roazRegionId));
    }

    /** Organisations with a location in this ROAZ region. */
    public List<String> organisationsIn(String roazRegionId) {
        return jdbc.queryForList("select distinct organisation_id from location where roaz_region_id = ?",
                String.class, roazRegionId);
    }

    /** location id → ROAZ region id of the organisation's locations; empty: unknown organisation. */
    public Map<String, String> locationsOf(String organisationId) {
        Map<String, String> result = new TreeMap<>();
        jdbc.query("select location_id, roaz_region_id from location where organisation_id = ?",
                rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                }, organisationId);
        return result;
    }
}
