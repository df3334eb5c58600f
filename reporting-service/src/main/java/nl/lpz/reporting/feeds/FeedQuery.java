package nl.lpz.reporting.feeds;

import java.sql.PreparedStatement;
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
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.reporting.feeds.Feeds.LcpsDay;
import nl.lpz.reporting.feeds.Feeds.LcpsFeed;
import nl.lpz.reporting.feeds.Feeds.LcpsRegion;
import nl.lpz.reporting.feeds.Feeds.RcpsDaily;
import nl.lpz.reporting.feeds.Feeds.RcpsLocation;
import nl.lpz.reporting.feeds.Feeds.Reflects;
import nl.lpz.reporting.projection.Sql;
import nl.lpz.reporting.query.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RCPS daily report and the LCPS feed, computed from {@code bed_history} at each region's report moment (by
 * occurredAt) when asked: the latest report per bed at or before the moment (one DISTINCT ON pass per moment), the
 * counting rules of the regional picture, visibility as it stood (query.Visibility), no thresholds.
 */
public class FeedQuery {
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    /** A position in the read model: the newest bed_history id and visibility_history id seen. */
    public record Cursor(long bedHistoryId, long visibilityChangeId) {
        public static Optional<Cursor> parse(String text) {
            Matcher m = CURSOR.matcher(text == null ? "" : text.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }

        public String text() {
            return bedHistoryId + "-" + visibilityChangeId;
        }
    }

    private record LocationRow(String locationId, String organisationId, String name, String roazRegionId,
                               String safetyRegionId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ReportMoments moments;
    private final Clock clock;
    private final LabelCodeList codeList = LabelCodeList.current();

    public FeedQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ReportMoments moments,
                     Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.moments = moments;
        this.clock = clock;
    }

    public ReportMoments moments() {
        return moments;
    }

    /** Today in Europe/Amsterdam. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReportMoments.ZONE);
    }

    public boolean regionExists(String roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where roaz_region_id = ?)", Boolean.class, roazRegionId));
    }

    /**
     * @param viewerOrganisation the organisation a HOSPITAL/EPD_SYSTEM caller acts for (sees it even while hidden)
     * @param ownOnly            list only the viewer's own locations (HOSPITAL/EPD_SYSTEM without a wider role)
     * @return empty when no location of the region is known
     */
    public Optional<RcpsDaily> rcpsDaily(String roazRegionId, LocalDate date, String viewerOrganisation,
                                         boolean ownOnly) {
        return readOnly.execute(status -> {
            List<LocationRow> locations = locations(roazRegionId);
            if (locations.isEmpty()) {
                return Optional.<RcpsDaily>empty();
            }
            Instant moment = moments.momentOf(roazRegionId, date);
            Map<String, List<Visibility.Change>> visibility = visibility();
            List<LocationRow> shown = new ArrayList<>();
            Map<String, Boolean> sharedOf = new HashMap<>();
            for (LocationRow l : locations) {
                boolean shared = Visibility.sharedAt(visibility.getOrDefault(l.organisationId(), List.of()), moment);
                boolean own = l.organisationId().equals(viewerOrganisation);
                sharedOf.put(l.locationId(), shared);
                if (own || (!ownOnly && shared)) {
                    shown.add(l);
                }
            }
            Map<String, Counts.Pair> counts = counts(moment, shown.stream().map(LocationRow::locationId).toList());
            List<RcpsLocation> result = new ArrayList<>();
            Counts.Pair total = new Counts.Pair();
            for (LocationRow l : shown) {
                Counts.Pair c = counts.getOrDefault(l.locationId(), new Counts.Pair());
                total.add(c);
                result.add(new RcpsLocation(l.locationId(), l.name(), l.organisationId(), l.safetyRegionId(),
                        sharedOf.get(l.locationId()), l.organisationId().equals(viewerOrganisation),
                        c.icu.block(), c.clinic.block()));
            }
            return Optional.of(new RcpsDaily(roazRegionId, date, moment, ReportMoments.ZONE.getId(), result,
                    total.figures()));
        });
    }

    /**
     * The LCPS feed: per report day (newest first) per ROAZ region and nationally, shared organisations only.
     *
     * @param since a cursor of an earlier answer: only the days whose picture may have changed since; null for all
     * @param date  only this day; null for every day from the first with data up to the last whose moments passed
     */
    public LcpsFeed lcps(Cursor since, LocalDate date) {
        return readOnly.execute(status -> {
            Reflects reflects = position();
            Cursor now = new Cursor(reflects.bedHistoryId(), reflects.visibilityChangeId());
            List<LocationRow> locations = locations(null);
            TreeSet<String> regions = new TreeSet<>();
            locations.forEach(l -> regions.add(l.roazRegionId()));
            List<LocalDate> days = days(date, regions);
            if (since != null) {
                days = changedDays(days, since, now, regions);
            }
            Map<String, List<Visibility.Change>> visibility = visibility();
            List<LcpsDay> result = new ArrayList<>();
            for (LocalDate day : days) {
                result.add(day(day, regions, locations, visibility));
            }
            return new LcpsFeed(now.text(), reflects, ReportMoments.ZONE.getId(), result);
        });
    }

    private LcpsDay day(LocalDate day, Collection<String> regions, List<LocationRow> locations,
                        Map<String, List<Visibility.Change>> visibility) {
        // regions sharing a report moment are counted in one pass over the history
        Map<Instant, List<String>> locationsByMoment = new TreeMap<>();
        Map<String, Instant> momentOf = new HashMap<>();
        for (String region : regions) {
            momentOf.put(region, moments.momentOf(region, day));
        }
        Map<String, String> regionOf = new HashMap<>();
        for (LocationRow l : locations) {
            Instant moment = momentOf.get(l.roazRegionId());
            if (Visibility.sharedAt(visibility.getOrDefault(l.organisationId(), List.of()), moment)) {
                locationsByMoment.computeIfAbsent(moment, k -> new ArrayList<>()).add(l.locationId());
                regionOf.put(l.locationId(), l.roazRegionId());
            }
        }
        Map<String, Counts.Pair> byRegion = new LinkedHashMap<>();
        regions.forEach(r -> byRegion.put(r, new Counts.Pair()));
        for (Map.Entry<Instant, List<String>> e : locationsByMoment.entrySet()) {
            counts(e.getKey(), e.getValue()).forEach((loc, c) -> byRegion.get(regionOf.get(loc)).add(c));
        }
        Counts.Pair national = new Counts.Pair();
        List<LcpsRegion> perRegion = new ArrayList<>();
        for (Map.Entry<String, Counts.Pair> e : byRegion.entrySet()) {
            national.add(e.getValue());
            perRegion.add(new LcpsRegion(e.getKey(), momentOf.get(e.getKey()), e.getValue().icu.block(),
                    e.getValue().clinic.block()));
        }
        return new LcpsDay(day, national.figures(), perRegion);
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
    public boolean allMomentsPassed(LocalDate day, Collection<String> regions) {
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

    private Reflects position() {
        return jdbc.query("""
                select (select coalesce(max(id), 0) from bed_history) as bed,
                       (select coalesce(max(id), 0) from visibility_history) as vis,
                       (select max(projected_at) from bed_history) as projected_at""", rs -> {
            rs.next();
            long bed = rs.getLong("bed");
            long vis = rs.getLong("vis");
            return new Reflects(new Cursor(bed, vis).text(), bed, vis, Sql.instant(rs, "projected_at"));
        });
    }

    private List<LocationRow> locations(String roazRegionId) {
        return jdbc.query("""
                        select location_id, organisation_id, name, roaz_region_id, safety_region_id from location
                        where ?::text is null or roaz_region_id = ? order by location_id""",
                (rs, i) -> new LocationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), roazRegionId, roazRegionId);
    }

    private Map<String, List<Visibility.Change>> visibility() {
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
     * ICU and clinic counts per location at the moment: per bed its latest report with occurredAt at or before the
     * moment (ties: later arrival), as the regional picture's asOf; removed, BLOCKED and unlabelled beds count nowhere.
     */
    private Map<String, Counts.Pair> counts(Instant moment, List<String> locationIds) {
        Map<String, Counts.Pair> counts = new HashMap<>();
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
            Counts.Pair pair = counts.computeIfAbsent(rs.getString("location_id"), k -> new Counts.Pair());
            Counts c = codeList.isIcu(rs.getString("specialistisch")) ? pair.icu : pair.clinic;
            c.add(rs.getString("status"), rs.getBoolean("covid"), rs.getString("patient_covid_status"),
                    rs.getInt("beds"));
        });
        return counts;
    }
}
