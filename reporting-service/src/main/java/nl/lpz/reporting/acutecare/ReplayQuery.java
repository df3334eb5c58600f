package nl.lpz.reporting.acutecare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a scenario's closures on the stop history ({@code stop}, kind SEH) and the registrations ({@code location}):
 * reads, never writes. A stop lasts from its start to its end ({@code ended_at}), else its expected end, and a
 * running one up to now.
 */
@Component
class ReplayQuery {
    private static final String SEH = "SEH";

    /** A registered location offering SEH. */
    record Ed(String locationId, String name, String safetyRegionId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ReplayQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.clock = clock;
    }

    /** The registered locations among these ids, offering SEH or not (absent: not registered). */
    Map<String, Ed> locations(Set<String> ids, Map<String, Boolean> offersSeh) {
        Map<String, Ed> found = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select location_id, name, safety_region_id, care_offered from location "
                    + "where location_id = any(?)");
            ps.setArray(1, Sql.textArray(con, List.copyOf(ids)));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), new Ed(rs.getString(1), rs.getString(2), rs.getString(3)));
            offersSeh.put(rs.getString(1), (',' + rs.getString(4) + ',').contains(",SEH,"));
        });
        return found;
    }

    Replay replay(List<String> closed, List<String> receiving, List<String> notShown, Map<String, Ed> known,
                  LocalDate from, LocalDate to) {
        return readOnly.execute(status -> compute(closed, receiving, notShown, known, from, to));
    }

    private Replay compute(List<String> closed, List<String> receiving, List<String> notShown, Map<String, Ed> known,
                           LocalDate from, LocalDate to) {
        Set<String> vrs = new TreeSet<>();
        closed.forEach(id -> vrs.add(known.get(id).safetyRegionId()));
        Map<String, List<Ed>> edsByVr = new TreeMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select location_id, name, safety_region_id from location "
                    + "where safety_region_id = any(?) and ',' || care_offered || ',' like '%,SEH,%' "
                    + "order by location_id");
            ps.setArray(1, Sql.textArray(con, List.copyOf(vrs)));
            return ps;
        }, rs -> {
            edsByVr.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                    .add(new Ed(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        Instant start = from.atStartOfDay(ReportMoments.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
        Set<String> watched = new TreeSet<>(receiving);
        edsByVr.values().forEach(list -> list.forEach(e -> watched.add(e.locationId())));
        Map<String, List<Interval>> stops = stops(watched, start, end);

        Set<String> closedSet = Set.copyOf(closed);
        List<Replay.RegionReplay> regions = new ArrayList<>();
        for (String vr : vrs) {
            List<Ed> eds = edsByVr.getOrDefault(vr, List.of());
            Set<String> before = new TreeSet<>();
            eds.forEach(e -> before.add(e.locationId()));
            Set<String> after = new TreeSet<>(before);
            after.removeAll(closedSet);
            List<Replay.RegionDay> days = new ArrayList<>();
            long baseline = 0;
            long scenario = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Instant dayStart = d.atStartOfDay(ReportMoments.ZONE).toInstant();
                Instant dayEnd = d.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
                long b = StopTimeline.minutesAllStopped(stops, before, dayStart, dayEnd);
                long s = StopTimeline.minutesAllStopped(stops, after, dayStart, dayEnd);
                baseline += b;
                scenario += s;
                days.add(new Replay.RegionDay(d, b, s));
            }
            regions.add(new Replay.RegionReplay(vr, before.size(), after.size(), baseline, scenario, days));
        }
        List<Replay.ReceivingReplay> received = new ArrayList<>();
        for (String id : receiving) {
            Ed ed = known.get(id);
            List<Interval> own = stops.getOrDefault(id, List.of());
            long minutes = StopTimeline.minutesStopped(own, start, end);
            long daysWithAStop = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (StopTimeline.minutesStopped(own, d.atStartOfDay(ReportMoments.ZONE).toInstant(),
                        d.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant()) > 0) {
                    daysWithAStop++;
                }
            }
            received.add(new Replay.ReceivingReplay(id, ed.name(), ed.safetyRegionId(), minutes, daysWithAStop));
        }
        return new Replay(from, to, ReportMoments.ZONE.getId(), (int) (to.toEpochDay() - from.toEpochDay()) + 1,
                closed, regions, received, notShown);
    }

    /** SEH stops of these locations that ran at some moment of [start, end), per location. */
    private Map<String, List<Interval>> stops(Set<String> locations, Instant start, Instant end) {
        Instant now = clock.instant();
        Map<String, List<Interval>> stops = new LinkedHashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select location_id, started_at, coalesce(ended_at, expected_end) as until
                    from stop
                    where kind = ? and location_id = any(?) and started_at < ?
                      and coalesce(ended_at, expected_end) > ?""");
            ps.setString(1, SEH);
            ps.setArray(2, Sql.textArray(con, List.copyOf(locations)));
            Sql.setTs(ps, 3, end);
            Sql.setTs(ps, 4, start);
            return ps;
        }, rs -> {
            Instant until = Sql.instant(rs, "until");
            Instant from = Sql.instant(rs, "started_at");
            stops.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>())
                    .add(new Interval(from, until.isAfter(now) ? now : until));
        });
        return stops;
    }
}
