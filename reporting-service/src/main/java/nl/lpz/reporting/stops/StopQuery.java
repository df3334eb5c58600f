package nl.lpz.reporting.stops;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.reporting.readmodel.ActiveStop;
import nl.lpz.reporting.readmodel.ActiveStops;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers the stop read models from the stop tables: the active stops and open announcements of a veiligheidsregio,
 * and the stop statistics, computed from the stored stop history when asked (a changed definition applies to the
 * whole past at once; a rebuild re-derives the rows from the topic).
 */
@Component
class StopQuery {
    /** The 25 veiligheidsregio's: VR01..VR25. */
    private static final Pattern SAFETY_REGION = Pattern.compile("VR(0[1-9]|1[0-9]|2[0-5])");
    public static final ZoneId STATISTICS_ZONE = ZoneId.of("Europe/Amsterdam");

    private final JdbcTemplate jdbc;
    private final ActiveStops activeStops;
    private final TransactionTemplate readOnly;

    StopQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ActiveStops activeStops) {
        this.jdbc = jdbc;
        this.activeStops = activeStops;
        this.readOnly = Sql.snapshotReads(transactionManager);
    }

    public static boolean isSafetyRegion(String id) {
        return id != null && SAFETY_REGION.matcher(id).matches();
    }

    /** Active stops (no end event, expected end after {@code now}) and open announcements of the region. */
    public RegionalStops activeStops(String safetyRegionId, Instant now) {
        return readOnly.execute(status -> {
            List<ActiveStop> stops = activeStops.inRegion(safetyRegionId, now);
            List<RegionalStops.Announcement> announcements = jdbc.query("""
                            select a.announcement_id, a.location_id, l.name, a.organisation_id, a.kind,
                                   a.planned_start, a.planned_end, a.reason, a.announced_at
                            from stop_announcement a left join location l on l.location_id = a.location_id
                            where a.safety_region_id = ? and a.status = 'OPEN' and a.planned_end > ?
                            order by a.planned_start, a.announcement_id""",
                    (rs, i) -> new RegionalStops.Announcement(rs.getString("announcement_id"),
                            rs.getString("location_id"), rs.getString("name"), rs.getString("organisation_id"),
                            rs.getString("kind"), Sql.instant(rs, "planned_start"), Sql.instant(rs, "planned_end"),
                            rs.getString("reason"), Sql.instant(rs, "announced_at")), safetyRegionId, Sql.ts(now));
            return new RegionalStops(safetyRegionId, now, stops, announcements);
        });
    }

    /**
     * The stops and open announcements of the region as they stood at {@code asOf} (a past instant), derived from the
     * stop history: a stop counts when it started at or before {@code asOf}, had no end (ended, expired, lapsed) at or
     * before it, and its expected end as it stood then (the declaration's, or the last extension's recorded at or
     * before {@code asOf}) lies after it. Duration, {@code mkaContacted} and {@code extensions} as they stood then;
     * {@code expiresSoon} relative to {@code asOf}. An announcement counts when it was announced at or before
     * {@code asOf}, its planned end lies after it and it was not yet declared or lapsed at that instant.
     */
    public RegionalStops stopsAsOf(String safetyRegionId, Instant asOf) {
        return readOnly.execute(status -> {
            List<ActiveStop> stops = activeStops.inRegionAsOf(safetyRegionId, asOf);
            List<RegionalStops.Announcement> announcements = jdbc.query("""
                            select a.announcement_id, a.location_id, l.name, a.organisation_id, a.kind,
                                   a.planned_start, a.planned_end, a.reason, a.announced_at
                            from stop_announcement a left join location l on l.location_id = a.location_id
                            where a.safety_region_id = ? and a.planned_end > ?
                              and coalesce(a.announced_at, (select e.occurred_at from stop_event e
                                                            where e.event_id = a.event_id)) <= ?
                              and (a.status = 'OPEN' or a.closed_at is null or a.closed_at > ?)
                            order by a.planned_start, a.announcement_id""",
                    (rs, i) -> new RegionalStops.Announcement(rs.getString("announcement_id"),
                            rs.getString("location_id"), rs.getString("name"), rs.getString("organisation_id"),
                            rs.getString("kind"), Sql.instant(rs, "planned_start"), Sql.instant(rs, "planned_end"),
                            rs.getString("reason"), Sql.instant(rs, "announced_at")),
                    safetyRegionId, Sql.ts(asOf), Sql.ts(asOf), Sql.ts(asOf));
            return new RegionalStops(safetyRegionId, asOf, stops, announcements);
        });
    }

    private static final String STATISTICS = """
            with s as (
                select safety_region_id, kind, count(*) as stops, count(ended_at) as ended,
                       coalesce(sum(extract(epoch from ended_at - started_at)), 0) as seconds,
                       count(*) filter (where ended_at - started_at > norm_time_minutes * interval '1 minute')
                           as past_norm,
                       count(*) filter (where end_kind = 'LAPSED') as lapsed_stops
                from stop
                where started_at >= ? and started_at < ? and (? or safety_region_id = any(?))
                group by safety_region_id, kind
            ), r as (
                select safety_region_id, kind, count(*) as refused
                from stop_refusal
                where code = 'LAST_IN_REGION' and refused_at >= ? and refused_at < ?
                  and (? or safety_region_id = any(?))
                group by safety_region_id, kind
            ), l as (
                select safety_region_id, kind, count(*) as lapses
                from stop_lapse
                where stops > 0 and lapsed_at >= ? and lapsed_at < ? and (? or safety_region_id = any(?))
                group by safety_region_id, kind
            )
            select safety_region_id, kind, coalesce(s.stops, 0) as stops, coalesce(s.ended, 0) as ended,
                   coalesce(s.seconds, 0) as seconds, coalesce(s.past_norm, 0) as past_norm,
                   coalesce(s.lapsed_stops, 0) as lapsed_stops, coalesce(r.refused, 0) as refused,
                   coalesce(l.lapses, 0) as lapses
            from s full join r using (safety_region_id, kind) full join l using (safety_region_id, kind)""";

    /**
     * @param from             first day (inclusive), Europe/Amsterdam
     * @param to               last day (inclusive)
     * @param safetyRegions    the veiligheidsregio's to report; null for all
     */
    public StopStatistics statistics(LocalDate from, LocalDate to, Collection<String> safetyRegions) {
        Instant start = from.atStartOfDay(STATISTICS_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(STATISTICS_ZONE).toInstant();
        boolean all = safetyRegions == null;
        String[] regions = all ? new String[0] : safetyRegions.toArray(new String[0]);
        List<StopStatistics.Row> rows = new ArrayList<>();
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(STATISTICS);
            int p = 1;
            for (int i = 0; i < 3; i++) {
                Sql.setTs(ps, p++, start);
                Sql.setTs(ps, p++, end);
                ps.setBoolean(p++, all);
                ps.setArray(p++, con.createArrayOf("text", regions));
            }
            return ps;
        }, rs -> {
            long ended = rs.getLong("ended");
            double minutes = rs.getDouble("seconds") / 60.0;
            Double mean = ended == 0 ? null : Math.round(minutes / ended * 10.0) / 10.0;
            long stops = rs.getLong("stops");
            rows.add(new StopStatistics.Row(rs.getString("safety_region_id"), rs.getString("kind"), stops, ended,
                    stops - ended, Math.round(minutes), mean, rs.getLong("past_norm"), rs.getLong("refused"),
                    rs.getLong("lapses"), rs.getLong("lapsed_stops")));
        }));
        rows.sort(Comparator.comparing(StopStatistics.Row::safetyRegionId)
                .thenComparing(r -> kindOrder(r.kind())));
        return new StopStatistics(from.toString(), to.toString(), STATISTICS_ZONE.getId(), rows);
    }

    private static int kindOrder(String kind) {
        try {
            return CareKind.valueOf(kind).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }


}
