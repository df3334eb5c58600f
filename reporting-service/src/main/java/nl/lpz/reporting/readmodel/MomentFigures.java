package nl.lpz.reporting.readmodel;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.codelist.LabelCodeList;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bed picture at a report moment, as the RCPS daily report and the LCPS feed count it: ICU, clinic, PICU and NICU
 * counts per location from {@code bed_history} (one DISTINCT ON pass per moment), the locations and the visibility
 * histories.
 * Call it inside the caller's read-only snapshot.
 */
public class MomentFigures {
    private final JdbcTemplate jdbc;
    private final LabelCodeList codeList = LabelCodeList.current();

    public MomentFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered location as it now stands. */
    public record Location(String locationId, String organisationId, String name, String roazRegionId,
                           String safetyRegionId) {
    }

    /** The registered locations of a ROAZ region (null: of every region), by id. */
    public List<Location> locations(String roazRegionId) {
        return jdbc.query("""
                        select location_id, organisation_id, name, roaz_region_id, safety_region_id from location
                        where ?::text is null or roaz_region_id = ? order by location_id""",
                (rs, i) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), roazRegionId, roazRegionId);
    }

    /** Every organisation's visibility changes, oldest first (the history {@link Visibility} reads). */
    public Map<String, List<Visibility.Change>> visibility() {
        Map<String, List<Visibility.Change>> visibility = new HashMap<>();
        jdbc.query("select organisation_id, changed_at, shared, release_history from visibility_history "
                + "order by organisation_id, changed_at, id", rs -> {
            visibility.computeIfAbsent(rs.getString("organisation_id"), k -> new ArrayList<>())
                    .add(new Visibility.Change(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                            rs.getBoolean("release_history")));
        });
        return visibility;
    }

    /**
     * ICU, clinic, PICU and NICU counts per location at the moment: per bed its latest report with occurredAt at or before the
     * moment (ties: later arrival), as the regional picture's asOf; removed, BLOCKED and unlabelled beds count nowhere.
     */
    public Map<String, BedCounts.Groups> counts(Instant moment, List<String> locationIds) {
        Map<String, BedCounts.Groups> counts = new HashMap<>();
        if (locationIds.isEmpty()) {
            return counts;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select h.location_id, h.specialistisch, coalesce(h.covid, false) as covid, h.status,
                           h.patient_covid_status, count(*) as beds
                    from (select distinct on (location_id, department_id, bed_id)
                                 location_id, specialistisch, covid, status, patient_covid_status, removed
                          from bed_history
                          where location_id = any(?) and occurred_at <= ?
                          order by location_id, department_id, bed_id, occurred_at desc, id desc) h
                    where not h.removed and h.status in ('AVAILABLE', 'OCCUPIED', 'RESERVED')
                      and h.specialistisch is not null
                    group by 1, 2, 3, 4, 5""");
            ps.setArray(1, Sql.textArray(con, locationIds));
            ps.setObject(2, Sql.ts(moment));
            return ps;
        }, rs -> {
            counts.computeIfAbsent(rs.getString("location_id"), k -> new BedCounts.Groups()).add(codeList,
                    rs.getString("specialistisch"), rs.getString("status"), rs.getBoolean("covid"),
                    rs.getString("patient_covid_status"), rs.getInt("beds"));
        });
        return counts;
    }
}
