package nl.lpz.reporting.lcps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lpz.reporting.readmodel.BedCounts;
import nl.lpz.reporting.readmodel.MomentFigures;
import nl.lpz.reporting.readmodel.MomentFigures.Location;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The LCPS feed, computed from {@code bed_history} at each region's report moment (by occurredAt) when asked: the
 * latest report per bed at or before the moment ({@link MomentFigures}), the counting rules of the regional picture,
 * visibility as it stood ({@link Visibility}), no thresholds; resumable by a cursor over the read model's log.
 */
@Component
class LcpsQuery {
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    /** A position in the read model: the newest bed_history id and visibility_history id seen. */
    record Cursor(long bedHistoryId, long visibilityChangeId) {
        static Optional<Cursor> parse(String text) {
            Matcher m = CURSOR.matcher(text == null ? "" : text.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }

        String text() {
            return bedHistoryId + "-" + visibilityChangeId;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ReportMoments moments;
    private final MomentFigures figures;
    private final Clock clock;

    LcpsQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ReportMoments moments, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.moments = moments;
        this.figures = new MomentFigures(jdbc);
        this.clock = clock;
    }

    /** Today in Europe/Amsterdam. */
    LocalDate today() {
        return ReportMoments.today(clock);
    }

    /**
     * The LCPS feed: per report day (newest first) per ROAZ region and nationally, shared organisations only.
     *
     * @param since a cursor of an earlier answer: only the days whose picture may have changed since; null for all
     * @param date  only this day; null for every day from the first with data up to the last whose moments passed
     */
    LcpsFeed lcps(Cursor since, LocalDate date) {
        return readOnly.execute(status -> {
            LcpsFeed.Reflects reflects = position();
            Cursor now = new Cursor(reflects.bedHistoryId(), reflects.visibilityChangeId());
            List<Location> locations = figures.locations(null);
            TreeSet<String> regions = new TreeSet<>();
            locations.forEach(l -> regions.add(l.roazRegionId()));
            List<LocalDate> days = days(date, regions);
            if (since != null) {
                days = changedDays(days, since, now, regions);
            }
            Map<String, List<Visibility.Change>> visibility = figures.visibility();
            List<LcpsFeed.LcpsDay> result = new ArrayList<>();
            for (LocalDate day : days) {
                result.add(day(day, regions, locations, visibility));
            }
            return new LcpsFeed(now.text(), reflects, ReportMoments.ZONE.getId(), result);
        });
    }

    private LcpsFeed.LcpsDay day(LocalDate day, Collection<String> regions, List<Location> locations,
                        Map<String, List<Visibility.Change>> visibility) {
        // regions sharing a report moment are counted in one pass over the history
        Map<Instant, List<String>> locationsByMoment = new TreeMap<>();
        Map<String, Instant> momentOf = new HashMap<>();
        for (String region : regions) {
            momentOf.put(region, moments.momentOf(region, day));
        }
        Map<String, String> regionOf = new HashMap<>();
        for (Location l : locations) {
            Instant moment = momentOf.get(l.roazRegionId());
            if (Visibility.sharedAt(visibility.getOrDefault(l.organisationId(), List.of()), moment)) {
                locationsByMoment.computeIfAbsent(moment, k -> new ArrayList<>()).add(l.locationId());
                regionOf.put(l.locationId(), l.roazRegionId());
            }
        }
        Map<String, BedCounts.Groups> byRegion = new LinkedHashMap<>();
        regions.forEach(r -> byRegion.put(r, new BedCounts.Groups()));
        for (Map.Entry<Instant, List<String>> e : locationsByMoment.entrySet()) {
            figures.counts(e.getKey(), e.getValue()).forEach((loc, c) -> byRegion.get(regionOf.get(loc)).add(c));
        }
        BedCounts.Groups national = new BedCounts.Groups();
        List<LcpsFeed.LcpsRegion> perRegion = new ArrayList<>();
        for (Map.Entry<String, BedCounts.Groups> e : byRegion.entrySet()) {
            national.add(e.getValue());
            BedCounts.Groups g = e.getValue();
            perRegion.add(new LcpsFeed.LcpsRegion(e.getKey(), momentOf.get(e.getKey()), g.icu.block(),
                    g.clinic.block(), g.picu.block(), g.nicu.block()));
        }
        return new LcpsFeed.LcpsDay(day, national.figures(), perRegion);
    }

    /** The report days asked for, newest first. */
    private List<LocalDate> days(LocalDate date, Collection<String> regions) {
        if (date != null) {
            return List.of(date);
        }
        Instant first = jdbc.query("select min(occurred_at) as first from bed_history",
                rs -> rs.next() ? Sql.instant(rs, "first") : null);
        if (first == null) {
            return List.of();
        }
        LocalDate from = LocalDate.ofInstant(first, ReportMoments.ZONE);
        LocalDate to = today();
        if (!allMomentsPassed(to, regions)) {
            to = to.minusDays(1);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** Whether every region's report moment of that day has passed (a day is issued once all regions reported). */
    boolean allMomentsPassed(LocalDate day, Collection<String> regions) {
        Instant now = clock.instant();
        Instant latest = day.atTime(moments.timeOf(null)).atZone(ReportMoments.ZONE).toInstant();
        for (String r : regions) {
            Instant m = moments.momentOf(r, day);
            if (m.isAfter(latest)) {
                latest = m;
            }
        }
        return !now.isBefore(latest);
    }

    /**
     * Days whose picture may differ from the answer at {@code since}: all of them after a visibility switch (it may
     * release or hide history) or when the cursor is ahead of the model (rebuilt); otherwise those whose report
     * moment (of any region) is at or after the earliest occurredAt among the bed reports projected since.
     */
    private List<LocalDate> changedDays(List<LocalDate> days, Cursor since, Cursor now, Collection<String> regions) {
        if (since.visibilityChangeId() != now.visibilityChangeId() || since.bedHistoryId() > now.bedHistoryId()) {
            return days;
        }
        Instant earliest = jdbc.query("select min(occurred_at) as earliest from bed_history where id > ?",
                rs -> rs.next() ? Sql.instant(rs, "earliest") : null, since.bedHistoryId());
        if (earliest == null) {
            return List.of();
        }
        List<LocalDate> changed = new ArrayList<>();
        for (LocalDate d : days) {
            boolean affected = !moments.momentOf(null, d).isBefore(earliest);
            for (String r : regions) {
                affected |= !moments.momentOf(r, d).isBefore(earliest);
            }
            if (affected) {
                changed.add(d);
            }
        }
        return changed;
    }

    private LcpsFeed.Reflects position() {
        return jdbc.query("""
                select (select coalesce(max(id), 0) from bed_history) as bed,
                       (select coalesce(max(id), 0) from visibility_history) as vis,
                       (select max(projected_at) from bed_history) as projected_at""", rs -> {
            rs.next();
            long bed = rs.getLong("bed");
            long vis = rs.getLong("vis");
            return new LcpsFeed.Reflects(new Cursor(bed, vis).text(), bed, vis, Sql.instant(rs, "projected_at"));
        });
    }

}
