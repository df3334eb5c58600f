package nl.lpz.reporting.acutecare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;
import nl.lpz.reporting.readmodel.OpeningHours;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a scenario's closures and limited hours on the stop history ({@code stop}, of the care kind), the current
 * registrations ({@code location}) and opening hours, and for emergency departments the Spoed module's crowding
 * reports ({@code module_history}): reads, never writes. A stop lasts from its start to its end ({@code ended_at}),
 * else its expected end, and a running one up to now.
 */
@Component
class ReplayQuery {
    static final String SEH = "SEH";
    static final String VERLOSKUNDE = "VERLOSKUNDE";
    /** A registered location offering the kind asked. */
    record Ed(String locationId, String name, String safetyRegionId) {
    }

    /** A location the scenario keeps open only from {@code opens} to {@code closes} every day (wall clock). */
    record Limit(String locationId, LocalTime opens, LocalTime closes) {
    }

    /** What to replay; {@code known} holds every location named. */
    record Scenario(String careKind, List<String> closed, List<Limit> limits, List<String> receiving,
                    List<String> notShown, Map<String, Ed> known) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final OpeningHours openingHours;
    private final ReplayCrowding crowding;
    private final Clock clock;

    ReplayQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OpeningHours openingHours,
                ReplayCrowding crowding, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.openingHours = openingHours;
        this.crowding = crowding;
        this.clock = clock;
    }

    /** The registered locations among these ids, offering the care kind or not (absent: not registered). */
    Map<String, Ed> locations(Set<String> ids, String careKind, Map<String, Boolean> offers) {
        Map<String, Ed> found = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select location_id, name, safety_region_id, care_offered from location "
                    + "where location_id = any(?)");
            ps.setArray(1, Sql.textArray(con, List.copyOf(ids)));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), new Ed(rs.getString(1), rs.getString(2), rs.getString(3)));
            offers.put(rs.getString(1), (',' + rs.getString(4) + ',').contains(',' + careKind + ','));
        });
        return found;
    }

    Replay replay(Scenario scenario, LocalDate from, LocalDate to) {
        return readOnly.execute(status -> compute(scenario, from, to));
    }

    private Replay compute(Scenario sc, LocalDate from, LocalDate to) {
        Set<String> vrs = new TreeSet<>();
        sc.closed().forEach(id -> vrs.add(sc.known().get(id).safetyRegionId()));
        sc.limits().forEach(l -> vrs.add(sc.known().get(l.locationId()).safetyRegionId()));
        Map<String, List<Ed>> edsByVr = providers(vrs, sc.careKind());
        Instant start = from.atStartOfDay(ReportMoments.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
        Set<String> watched = new TreeSet<>(sc.receiving());
        edsByVr.values().forEach(list -> list.forEach(e -> watched.add(e.locationId())));

        // closed as it was: on stop, or outside the current hours of the kind
        Map<String, List<Interval>> stops = stops(watched, sc.careKind(), start, end);
        Map<String, List<Interval>> outsideHours = new HashMap<>();
        openingHours.at(watched, sc.careKind(), clock.instant()).forEach((id, hours) -> {
            if (!hours.aroundTheClock()) {
                outsideHours.put(id, StopTimeline.closedOutsideWeekly(hours.periods(), from, to,
                        ReportMoments.ZONE));
            }
        });
        Map<String, List<Interval>> baselineClosed = StopTimeline.union(stops, outsideHours);
        Map<String, List<Interval>> limited = new HashMap<>();
        for (Limit l : sc.limits()) {
            limited.put(l.locationId(), StopTimeline.closedOutsideDaily(l.opens(), l.closes(), from, to,
                    ReportMoments.ZONE));
        }
        Map<String, List<Interval>> scenarioClosed = StopTimeline.union(baselineClosed, limited);

        Optional<ReplayCrowding.Rule> rule = SEH.equals(sc.careKind()) ? crowding.rule() : Optional.empty();
        Map<String, List<Interval>> over = new HashMap<>();
        Map<String, List<Interval>> knownCrowding = new HashMap<>();
        rule.ifPresent(r -> crowding.load(r, watched, start, end, over, knownCrowding));
        Map<String, List<Interval>> baselineUnavailable = StopTimeline.union(baselineClosed, over);
        Map<String, List<Interval>> scenarioUnavailable = StopTimeline.union(scenarioClosed, over);

        Set<String> closedSet = Set.copyOf(sc.closed());
        List<Replay.RegionReplay> regions = new ArrayList<>();
        for (String vr : vrs) {
            Set<String> before = new TreeSet<>();
            edsByVr.getOrDefault(vr, List.of()).forEach(e -> before.add(e.locationId()));
            Set<String> after = new TreeSet<>(before);
            after.removeAll(closedSet);
            List<Replay.RegionDay> days = new ArrayList<>();
            long[] totals = new long[4];
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Instant dayStart = d.atStartOfDay(ReportMoments.ZONE).toInstant();
                Instant dayEnd = d.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
                long[] day = {
                    StopTimeline.minutesAllStopped(baselineClosed, before, dayStart, dayEnd),
                    StopTimeline.minutesAllStopped(scenarioClosed, after, dayStart, dayEnd),
                    StopTimeline.minutesAllStopped(baselineUnavailable, before, dayStart, dayEnd),
                    StopTimeline.minutesAllStopped(scenarioUnavailable, after, dayStart, dayEnd)};
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += day[i];
                }
                days.add(new Replay.RegionDay(d, day[0], day[1], ifCrowding(rule, day[2]), ifCrowding(rule, day[3])));
            }
            regions.add(new Replay.RegionReplay(vr, before.size(), after.size(), totals[0], totals[1],
                    ifCrowding(rule, totals[2]), ifCrowding(rule, totals[3]), days));
        }

        List<Replay.ReceivingReplay> received = new ArrayList<>();
        for (String id : sc.receiving()) {
            received.add(receiving(sc.known().get(id), stops.getOrDefault(id, List.of()),
                    over.getOrDefault(id, List.of()), knownCrowding.getOrDefault(id, List.of()), rule.isPresent(),
                    from, to));
        }
        List<Replay.LimitedHours> limits = sc.limits().stream()
                .map(l -> new Replay.LimitedHours(l.locationId(), l.opens().toString(), l.closes().toString()))
                .toList();
        return new Replay(from, to, ReportMoments.ZONE.getId(), (int) (to.toEpochDay() - from.toEpochDay()) + 1,
                sc.careKind(), sc.closed(), limits, List.copyOf(new TreeSet<>(outsideHours.keySet())),
                rule.map(ReplayCrowding.Rule::describe).orElse(null), regions, received, sc.notShown());
    }

    private static Long ifCrowding(Optional<ReplayCrowding.Rule> rule, long minutes) {
        return rule.isPresent() ? minutes : null;
    }

    private static Replay.ReceivingReplay receiving(Ed ed, List<Interval> stops, List<Interval> over,
                                                    List<Interval> known, boolean withCrowding, LocalDate from,
                                                    LocalDate to) {
        Instant start = from.atStartOfDay(ReportMoments.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
        List<Interval> either = new ArrayList<>(stops);
        either.addAll(over);
        List<Replay.ReceivingDay> days = new ArrayList<>();
        long daysWithAStop = 0;
        long daysOver = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(ReportMoments.ZONE).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(ReportMoments.ZONE).toInstant();
            long onStop = StopTimeline.minutesStopped(stops, dayStart, dayEnd);
            long overCapacity = StopTimeline.minutesStopped(over, dayStart, dayEnd);
            daysWithAStop += onStop > 0 ? 1 : 0;
            daysOver += overCapacity > 0 ? 1 : 0;
            days.add(new Replay.ReceivingDay(d, onStop, withCrowding ? overCapacity : null));
        }
        long minutes = (end.getEpochSecond() - start.getEpochSecond()) / 60;
        return new Replay.ReceivingReplay(ed.locationId(), ed.name(), ed.safetyRegionId(),
                StopTimeline.minutesStopped(stops, start, end), daysWithAStop,
                withCrowding ? StopTimeline.minutesStopped(over, start, end) : null,
                withCrowding ? daysOver : null,
                withCrowding ? StopTimeline.minutesStopped(either, start, end) : null,
                withCrowding ? minutes - StopTimeline.minutesStopped(known, start, end) : null, days);
    }

    /** The registered providers of the kind in these VRs, by VR. */
    private Map<String, List<Ed>> providers(Set<String> vrs, String careKind) {
        Map<String, List<Ed>> edsByVr = new TreeMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select location_id, name, safety_region_id from location "
                    + "where safety_region_id = any(?) and ',' || care_offered || ',' like '%,' || ? || ',%' "
                    + "order by location_id");
            ps.setArray(1, Sql.textArray(con, List.copyOf(vrs)));
            ps.setString(2, careKind);
            return ps;
        }, rs -> {
            edsByVr.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                    .add(new Ed(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return edsByVr;
    }

    /** Stops of the kind at these locations that ran at some moment of [start, end), per location. */
    private Map<String, List<Interval>> stops(Set<String> locations, String kind, Instant start, Instant end) {
        Instant now = clock.instant();
        Map<String, List<Interval>> stops = new LinkedHashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select location_id, started_at, coalesce(ended_at, expected_end) as until
                    from stop
                    where kind = ? and location_id = any(?) and started_at < ?
                      and coalesce(ended_at, expected_end) > ?""");
            ps.setString(1, kind);
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
