package nl.lpz.reporting.refusals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.refusals.Refusals.AboutLocation;
import nl.lpz.reporting.refusals.Refusals.AboutLocationRefusal;
import nl.lpz.reporting.refusals.Refusals.Hospital;
import nl.lpz.reporting.refusals.Refusals.Month;
import nl.lpz.reporting.refusals.Refusals.Monthly;
import nl.lpz.reporting.refusals.Refusals.OfPractice;
import nl.lpz.reporting.refusals.Refusals.PracticeRefusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code birth_refusal} with the registrations ({@code location}): a location's refusals, a practice's own, and
 * the monthly counts per hospital of a ROAZ region (a location belongs to the region it is registered in now).
 */
@Component
class RefusalQuery {
    /** A registered location: who owns it and in which ROAZ region it lies. */
    record RegisteredLocation(String locationId, String organisationId, String roazRegionId, String name) {
    }

    private static final String ABOUT_LOCATION = """
            select r.occurred_at, r.reason, r.taken_by_location_id, t.name as taken_by_name, r.midwife_region_id
            from birth_refusal r
            left join location t on t.location_id = r.taken_by_location_id
            where r.refused_location_id = ? and r.day between ? and ?
            order by r.occurred_at, r.event_id""";

    private static final String OF_PRACTICE = """
            select r.source_event_id, r.occurred_at, r.reason, r.refused_location_id, l.name as refused_name,
                   r.taken_by_location_id, t.name as taken_by_name, r.midwife_region_id, r.recorded_at
            from birth_refusal r
            left join location l on l.location_id = r.refused_location_id
            left join location t on t.location_id = r.taken_by_location_id
            where r.practice_id = ? and r.day between ? and ?
            order by r.occurred_at, r.event_id""";

    /** The region's hospitals: those offering acute obstetric care and any other with a refusal in the period. */
    private static final String HOSPITALS = """
            select l.location_id, l.name
            from location l
            where l.roaz_region_id = ?
              and (',' || l.care_offered || ',' like '%,VERLOSKUNDE,%'
                   or exists (select 1 from birth_refusal r
                              where r.refused_location_id = l.location_id and r.day between ? and ?))
            order by l.location_id""";

    private static final String MONTHLY = """
            select r.refused_location_id, to_char(r.day, 'YYYY-MM') as month, r.reason, count(*) as refusals,
                   count(r.taken_by_location_id) as taken_elsewhere
            from birth_refusal r
            join location l on l.location_id = r.refused_location_id
            where l.roaz_region_id = ? and r.day between ? and ?
            group by r.refused_location_id, to_char(r.day, 'YYYY-MM'), r.reason""";

    private final JdbcTemplate jdbc;

    RefusalQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RegisteredLocation> location(String locationId) {
        return jdbc.query("select location_id, organisation_id, roaz_region_id, name from location "
                        + "where location_id = ?",
                (rs, n) -> new RegisteredLocation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), locationId).stream().findFirst();
    }

    boolean regionExists(String roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where roaz_region_id = ?)", Boolean.class, roazRegionId));
    }

    AboutLocation aboutLocation(RegisteredLocation location, LocalDate from, LocalDate to) {
        List<AboutLocationRefusal> refusals = jdbc.query(ABOUT_LOCATION, (rs, n) -> new AboutLocationRefusal(
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"),
                rs.getString("taken_by_location_id"), rs.getString("taken_by_name"),
                rs.getString("midwife_region_id")), location.locationId(), Date.valueOf(from), Date.valueOf(to));
        return new AboutLocation(location.locationId(), location.name(), location.roazRegionId(), from, to, refusals);
    }

    OfPractice ofPractice(String practiceId, LocalDate from, LocalDate to) {
        List<PracticeRefusal> refusals = jdbc.query(OF_PRACTICE, RefusalQuery::practiceRefusal, practiceId,
                Date.valueOf(from), Date.valueOf(to));
        return new OfPractice(practiceId, from, to, refusals);
    }

    private static PracticeRefusal practiceRefusal(ResultSet rs, int row) throws SQLException {
        return new PracticeRefusal(rs.getObject("source_event_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"),
                rs.getString("refused_location_id"), rs.getString("refused_name"),
                rs.getString("taken_by_location_id"), rs.getString("taken_by_name"),
                rs.getString("midwife_region_id"), rs.getTimestamp("recorded_at").toInstant());
    }

    /** Every month from {@code from} to {@code to} for every hospital of the region, zeros included. */
    Monthly monthly(String roazRegionId, YearMonth from, YearMonth to) {
        Date first = Date.valueOf(from.atDay(1));
        Date last = Date.valueOf(to.atEndOfMonth());
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query(HOSPITALS, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        }, roazRegionId, first, last);
        Map<String, Map<YearMonth, Counts>> byHospital = new LinkedHashMap<>();
        names.keySet().forEach(id -> byHospital.put(id, emptyMonths(from, to)));
        Map<YearMonth, Counts> totals = emptyMonths(from, to);
        jdbc.query(MONTHLY, rs -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            String reason = rs.getString("reason");
            long refusals = rs.getLong("refusals");
            long takenElsewhere = rs.getLong("taken_elsewhere");
            byHospital.computeIfAbsent(rs.getString("refused_location_id"), id -> emptyMonths(from, to))
                    .get(month).add(reason, refusals, takenElsewhere);
            totals.get(month).add(reason, refusals, takenElsewhere);
        }, roazRegionId, first, last);
        List<Hospital> hospitals = new ArrayList<>();
        byHospital.forEach((id, months) -> hospitals.add(new Hospital(id, names.get(id), months(months))));
        return new Monthly(roazRegionId, from.toString(), to.toString(), ReportMoments.ZONE.getId(), hospitals,
                months(totals));
    }

    private static Map<YearMonth, Counts> emptyMonths(YearMonth from, YearMonth to) {
        Map<YearMonth, Counts> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, new Counts());
        }
        return months;
    }

    private static List<Month> months(Map<YearMonth, Counts> counts) {
        List<Month> months = new ArrayList<>();
        counts.forEach((month, c) -> months.add(new Month(month.toString(), c.total,
                Collections.unmodifiableMap(new LinkedHashMap<>(c.byReason)), c.takenElsewhere)));
        return months;
    }

    /** One month's counts while they are summed. */
    private static final class Counts {
        private final Map<String, Long> byReason = new LinkedHashMap<>();
        private long total;
        private long takenElsewhere;

        Counts() {
            for (RefusalReason reason : RefusalReason.values()) {
                byReason.put(reason.name(), 0L);
            }
        }

        void add(String reason, long refusals, long taken) {
            byReason.merge(reason, refusals, Long::sum);
            total += refusals;
            takenElsewhere += taken;
        }
    }
}
