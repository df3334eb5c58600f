package nl.lpz.reporting.readmodel;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The stops active at an instant, from the stop tables: now, or as they stood at an earlier instant (the declaration's
 * expected end, or the last extension's recorded by then, still ahead; no end by then). For the stop view of a
 * veiligheidsregio and for every view that shows stops beside other figures of the same locations (a module's
 * units), so both read the same stops the same way. Runs in the caller's transaction, which gives the snapshot.
 */
@Component
public class ActiveStops {
    /** {@code expiresSoon} from this long before the expected end. */
    public static final Duration EXPIRES_SOON = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;

    public ActiveStops(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The active stops of a veiligheidsregio now. */
    public List<ActiveStop> inRegion(String safetyRegionId, Instant now) {
        return active(inRegion(safetyRegionId), now);
    }

    /** The stops of a veiligheidsregio as they stood at an earlier instant. */
    public List<ActiveStop> inRegionAsOf(String safetyRegionId, Instant asOf) {
        return activeAsOf(inRegion(safetyRegionId), asOf);
    }

    /**
     * The stops of these locations and care kinds active at {@code at}: now when {@code past} is false, else as they
     * stood at that earlier instant (the same rules as {@link #inRegionAsOf}).
     */
    public List<ActiveStop> activeAt(Collection<String> locationIds, Collection<String> kinds,
                                                   Instant at, boolean past) {
        if (locationIds.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        StopFilter filter = new StopFilter("s.location_id = any(?) and s.kind = any(?)", (con, ps, p) -> {
            ps.setArray(p, con.createArrayOf("text", locationIds.toArray(new String[0])));
            ps.setArray(p + 1, con.createArrayOf("text", kinds.toArray(new String[0])));
            return p + 2;
        });
        return past ? activeAsOf(filter, at) : active(filter, at);
    }

    /** A where-clause on {@code stop s} and what binds its parameters from index {@code p} (returns the next). */
    private record StopFilter(String sql, Binder binder) {
    }

    @FunctionalInterface
    private interface Binder {
        int bind(java.sql.Connection con, PreparedStatement ps, int p) throws java.sql.SQLException;
    }

    private static StopFilter inRegion(String safetyRegionId) {
        return new StopFilter("s.safety_region_id = ?", (con, ps, p) -> {
            ps.setString(p, safetyRegionId);
            return p + 1;
        });
    }

    private List<ActiveStop> active(StopFilter filter, Instant now) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select s.stop_id, s.location_id, l.name, s.organisation_id, s.kind, s.stop_type, s.reason,
                           s.started_at, s.expected_end, s.grace_until, s.expected_duration_minutes,
                           s.norm_time_minutes, s.mka_contacted, s.extensions, s.announcement_id,
                           s.declared_by_subject, s.declared_by_organisation
                    from stop s left join location l on l.location_id = s.location_id
                    where %s and s.end_kind is null and s.expected_end > ?
                    order by s.started_at, s.stop_id""".formatted(filter.sql()));
            Sql.setTs(ps, filter.binder().bind(con, ps, 1), now);
            return ps;
        }, activeStop(now));
    }

    private List<ActiveStop> activeAsOf(StopFilter filter, Instant asOf) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(STOPS_AS_OF.formatted(filter.sql()));
            Sql.setTs(ps, 1, asOf);
            Sql.setTs(ps, 2, asOf);
            int p = filter.binder().bind(con, ps, 3);
            Sql.setTs(ps, p, asOf);
            Sql.setTs(ps, p + 1, asOf);
            Sql.setTs(ps, p + 2, asOf);
            return ps;
        }, activeStop(asOf));
    }

    private static final String STOPS_AS_OF = """
            select * from (
                select s.stop_id, s.location_id, l.name, s.organisation_id, s.kind, s.stop_type,
                       s.reason, s.started_at, s.grace_until, s.norm_time_minutes, s.announcement_id,
                       s.declared_by_subject, s.declared_by_organisation,
                       coalesce(x.expected_end, (d.payload->>'expectedEnd')::timestamptz,
                                s.expected_end) as expected_end,
                       coalesce(x.duration, (d.payload->>'expectedDurationMinutes')::bigint,
                                s.expected_duration_minutes) as expected_duration_minutes,
                       coalesce((d.payload->>'mkaContacted')::boolean, false)
                           or coalesce(c.mka, false) as mka_contacted,
                       coalesce(c.extensions, 0) as extensions
                from stop s
                left join location l on l.location_id = s.location_id
                left join stop_event d on d.event_id = s.declared_event_id
                left join lateral (
                    select (e.payload->>'expectedEnd')::timestamptz as expected_end,
                           (e.payload->>'expectedDurationMinutes')::bigint as duration
                    from stop_event e
                    where e.stop_id = s.stop_id and e.event_type = 'StopExtended'
                      and e.occurred_at <= ? and (s.ended_at is null or e.occurred_at <= s.ended_at)
                    order by e.occurred_at desc, e.id desc limit 1) x on true
                left join lateral (
                    select count(*) as extensions,
                           bool_or((e.payload->>'mkaContacted')::boolean) as mka
                    from stop_event e
                    where e.stop_id = s.stop_id and e.event_type = 'StopExtended'
                      and e.occurred_at <= ? and (s.ended_at is null or e.occurred_at <= s.ended_at)
                    ) c on true
                where %s and s.started_at <= ?
                  and (s.ended_at is null or s.ended_at > ?)) a
            where a.expected_end > ?
            order by a.started_at, a.stop_id""";

    /** A row of {@code stop} (or of the same columns as they stood at an instant) as an active stop at {@code at}. */
    private static RowMapper<ActiveStop> activeStop(Instant at) {
        return (rs, i) -> {
            Instant expectedEnd = Sql.instant(rs, "expected_end");
            return new ActiveStop(rs.getString("stop_id"), rs.getString("location_id"),
                    rs.getString("name"), rs.getString("organisation_id"), rs.getString("kind"),
                    rs.getString("stop_type"), rs.getString("reason"), Sql.instant(rs, "started_at"),
                    expectedEnd, Sql.instant(rs, "grace_until"), !at.isBefore(expectedEnd.minus(EXPIRES_SOON)),
                    rs.getLong("expected_duration_minutes"), rs.getLong("norm_time_minutes"),
                    rs.getBoolean("mka_contacted"), rs.getInt("extensions"), rs.getString("announcement_id"),
                    new ActiveStop.Actor(rs.getString("declared_by_subject"),
                            rs.getString("declared_by_organisation")));
        };
    }
}
