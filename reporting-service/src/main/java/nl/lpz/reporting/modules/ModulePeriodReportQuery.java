package nl.lpz.reporting.modules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.lpz.events.EventJson;
import nl.lpz.modules.LevelRule;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitPassages;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;
import nl.lpz.reporting.modules.ModulePeriodReport.Area;
import nl.lpz.reporting.modules.ModulePeriodReport.Band;
import nl.lpz.reporting.modules.ModulePeriodReport.Level;
import nl.lpz.reporting.modules.ModulePeriodReport.StopFigures;
import nl.lpz.reporting.modules.ModulePeriodReport.UnitKind;
import nl.lpz.reporting.modules.RegionalModuleQuery.Reading;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.DayRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ROAZ office's report of a module over a period of days, per veiligheidsregio of the ROAZ region and for the
 * region, computed when asked in one snapshot: the providers that reported and those expected (delivery compliance's
 * rule), the unit reports of the period ({@code module_history}) and per derived level how they fell in its bands
 * (each report read with its own definition version and the region's bounds, as the regional picture derives them),
 * the stops of the kinds the definition names at the area's locations ({@code stop}, clipped to the period) and the
 * lead times over the period ({@link PassageSpans}, the lead-time query's rule). A VR is that of the registered
 * location as it now stands.
 */
@Component
class ModulePeriodReportQuery {
    private static final TypeReference<Map<String, Long>> NUMBERS = new TypeReference<>() {
    };
    /** The unit reports of the period, the same figures of a unit kind and version counted once per provider. */
    private static final String REPORTS = """
            select l.safety_region_id, h.provider_id, h.unit_kind, h.definition_version,
                   h.figure_values::text as figure_values, count(*) as reports
            from module_history h join location l on l.location_id = h.provider_id
            where h.module_id = ? and h.provider_kind = ? and l.roaz_region_id = ? and not h.removed
              and h.occurred_at >= ? and h.occurred_at < ?
            group by 1, 2, 3, 4, 5""";
    /**
     * The stops of the kinds at the region's locations that ran in the period, and their time within it: from their
     * start to their end (ended, expired or lapsed: {@code ended_at}; no end event: the expected end, or now while it
     * runs), clipped to the period. Parameters: now, end, start, region, kinds, end, now, now, start.
     */
    private static final String STOPS = """
            select l.safety_region_id, s.kind, count(*) as stops,
                   coalesce(sum(extract(epoch from least(coalesce(s.ended_at, s.expected_end), ?, ?)
                                                   - greatest(s.started_at, ?))), 0)::float8 as seconds
            from stop s join location l on l.location_id = s.location_id
            where l.roaz_region_id = ? and s.kind = any(?) and s.started_at < least(?, ?)
              and least(coalesce(s.ended_at, s.expected_end), ?) > ?
            group by 1, 2""";
    private static final String LEAD_TIMES = PassageSpans.SPANS + """
            select grouping(safety_region_id) as region_total, safety_region_id, unit_kind, interval_id,
            """ + PassageSpans.FIGURES + """

            from span
            group by grouping sets ((safety_region_id, unit_kind, interval_id), (unit_kind, interval_id))""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ModuleCatalogue catalogue;
    private final ModuleProperties properties;
    private final PassageSpans spans;
    private final Clock clock;
    private final ObjectMapper json = EventJson.mapper();

    ModulePeriodReportQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            ModuleCatalogue catalogue, ModuleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.catalogue = catalogue;
        this.properties = properties;
        this.spans = new PassageSpans(catalogue, properties);
        this.clock = clock;
    }

    /** What is counted of one area (a VR, or the region: key null) while the rows are read. */
    private static final class Tally {
        final Set<String> providers = new HashSet<>();
        int expected;
        int reports;
        final Map<String, Integer> reportsByKind = new HashMap<>();
        /** unit kind → level → band → reports */
        final Map<String, Map<String, Map<String, Integer>>> levels = new HashMap<>();
        /** stop kind → {stops, seconds} */
        final Map<String, double[]> stops = new HashMap<>();
        /** unit kind → interval → figures */
        final Map<String, Map<String, IntervalFigures>> leadTimes = new HashMap<>();
        boolean stopsShown = true;
    }

    /**
     * @param module  the module's current definition
     * @param reading the caller's reading, of every provider of the region ({@link ModuleReaders#reportReading}); a
     *                VR's stops are shown only to readers of that VR's stops
     */
    ModulePeriodReport find(ModuleDefinition module, String roazRegionId, DayRange period, Reading reading) {
        Instant start = period.from().atStartOfDay(ModuleComplianceQuery.ZONE).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(ModuleComplianceQuery.ZONE).toInstant();
        Instant now = clock.instant();
        Set<String> stopKinds = new LinkedHashSet<>();
        module.units().forEach(u -> stopKinds.addAll(u.stops().kinds()));
        Map<String, Tally> areas = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Tally region = new Tally();
        readOnly.executeWithoutResult(status -> {
            read(module, roazRegionId, start, end, areas, region);
            if (!stopKinds.isEmpty()) {
                readStops(roazRegionId, stopKinds, start, end, now, areas, region);
            }
            readLeadTimes(module.id(), roazRegionId, period, areas, region);
        });
        areas.forEach((vr, tally) -> tally.stopsShown = reading.readsStopsOf().test(vr));
        region.stopsShown = areas.values().stream().allMatch(t -> t.stopsShown);
        List<Area> safetyRegions = new ArrayList<>();
        areas.forEach((vr, tally) -> safetyRegions.add(area(module, roazRegionId, vr, tally)));
        return new ModulePeriodReport(module.id(), module.name(), module.version(), roazRegionId, period.from(),
                period.to(), (int) ChronoUnit.DAYS.between(period.from(), period.to()) + 1,
                ModuleComplianceQuery.ZONE.getId(), start, end, safetyRegions,
                area(module, roazRegionId, null, region));
    }

    /** The region's VRs and expected providers, then its reports of the period with their levels. */
    private void read(ModuleDefinition module, String roazRegionId, Instant start, Instant end,
                      Map<String, Tally> areas, Tally region) {
        boolean registered = module.providerKinds().contains(ProviderKind.HOSPITAL_LOCATION);
        jdbc.query("select safety_region_id, care_offered from location where roaz_region_id = ?", rs -> {
            Tally vr = areas.computeIfAbsent(rs.getString(1), k -> new Tally());
            String care = rs.getString(2);
            if (registered && module.expectedFrom(care == null ? List.of() : List.of(care.split(",")))) {
                vr.expected++;
                region.expected++;
            }
        }, roazRegionId);
        jdbc.query(REPORTS, rs -> {
            int reports = rs.getInt("reports");
            String unitKind = rs.getString("unit_kind");
            String values = rs.getString("figure_values");
            Map<String, String> levels = catalogue.version(module.id(), rs.getInt("definition_version"))
                    .flatMap(v -> v.unit(unitKind))
                    .map(u -> properties.levelsOf(module.id(), u, numbers(values), roazRegionId))
                    .orElse(Map.of());
            for (Tally t : List.of(areas.computeIfAbsent(rs.getString("safety_region_id"), k -> new Tally()),
                    region)) {
                t.providers.add(rs.getString("provider_id"));
                t.reports += reports;
                t.reportsByKind.merge(unitKind, reports, Integer::sum);
                levels.forEach((level, band) -> t.levels.computeIfAbsent(unitKind, k -> new HashMap<>())
                        .computeIfAbsent(level, k -> new HashMap<>()).merge(band, reports, Integer::sum));
            }
        }, module.id(), ProviderKind.HOSPITAL_LOCATION.name(), roazRegionId, Sql.ts(start), Sql.ts(end));
    }

    private void readStops(String roazRegionId, Set<String> kinds, Instant start, Instant end, Instant now,
                           Map<String, Tally> areas, Tally region) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(STOPS);
            Sql.setTs(ps, 1, now);
            Sql.setTs(ps, 2, end);
            Sql.setTs(ps, 3, start);
            ps.setString(4, roazRegionId);
            ps.setArray(5, Sql.textArray(con, kinds));
            Sql.setTs(ps, 6, end);
            Sql.setTs(ps, 7, now);
            Sql.setTs(ps, 8, now);
            Sql.setTs(ps, 9, start);
            return ps;
        }, rs -> {
            for (Tally t : List.of(areas.computeIfAbsent(rs.getString("safety_region_id"), k -> new Tally()),
                    region)) {
                double[] sum = t.stops.computeIfAbsent(rs.getString("kind"), k -> new double[2]);
                sum[0] += rs.getInt("stops");
                sum[1] += rs.getDouble("seconds");
            }
        });
    }

    private void readLeadTimes(String moduleId, String roazRegionId, DayRange period, Map<String, Tally> areas,
                               Tally region) {
        List<PassageSpans.IntervalRow> intervals = spans.intervals(moduleId, roazRegionId);
        if (intervals.isEmpty()) {
            return;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(LEAD_TIMES);
            PassageSpans.bind(con, ps, intervals, moduleId, roazRegionId, null, period.from(), period.to());
            return ps;
        }, rs -> {
            Tally t = rs.getInt("region_total") == 1 ? region
                    : areas.computeIfAbsent(rs.getString("safety_region_id"), k -> new Tally());
            String interval = rs.getString("interval_id");
            t.leadTimes.computeIfAbsent(rs.getString("unit_kind"), k -> new HashMap<>())
                    .put(interval, PassageSpans.figures(interval, rs));
        });
    }

    private Area area(ModuleDefinition module, String roazRegionId, String safetyRegionId, Tally tally) {
        Set<String> kinds = new LinkedHashSet<>();
        module.units().forEach(u -> kinds.add(u.kind()));
        kinds.addAll(new TreeSet<>(tally.reportsByKind.keySet()));
        kinds.addAll(new TreeSet<>(tally.leadTimes.keySet()));
        List<UnitKind> units = new ArrayList<>();
        for (String kind : kinds) {
            UnitDefinition current = module.unit(kind).orElse(null);
            units.add(new UnitKind(kind, tally.reportsByKind.getOrDefault(kind, 0),
                    levels(current, tally.levels.getOrDefault(kind, Map.of())),
                    tally.stopsShown ? stops(current, tally.stops) : null,
                    leadTimes(module.id(), roazRegionId, current, tally.leadTimes.getOrDefault(kind, Map.of()))));
        }
        return new Area(safetyRegionId, tally.providers.size(), tally.expected, tally.reports, units);
    }

    /** The current definition's levels and bands in order (also at 0), then those only older versions had. */
    private static List<Level> levels(UnitDefinition current, Map<String, Map<String, Integer>> counted) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        if (current != null) {
            current.levels().forEach(l -> order.put(l.id(),
                    l.bands().stream().map(LevelRule.Band::level).toList()));
        }
        new TreeSet<>(counted.keySet()).forEach(l -> order.putIfAbsent(l, List.of()));
        List<Level> levels = new ArrayList<>();
        order.forEach((level, bands) -> {
            Map<String, Integer> byBand = counted.getOrDefault(level, Map.of());
            Set<String> values = new LinkedHashSet<>(bands);
            values.addAll(new TreeSet<>(byBand.keySet()));
            int reports = byBand.values().stream().mapToInt(Integer::intValue).sum();
            levels.add(new Level(level, reports, values.stream().map(v -> {
                int n = byBand.getOrDefault(v, 0);
                return new Band(v, n, reports == 0 ? null : Math.round(n * 1000.0 / reports) / 1000.0);
            }).toList()));
        });
        return levels;
    }

    private static List<StopFigures> stops(UnitDefinition current, Map<String, double[]> counted) {
        if (current == null) {
            return List.of();
        }
        return current.stops().kinds().stream().map(kind -> {
            double[] sum = counted.getOrDefault(kind, new double[2]);
            return new StopFigures(kind, (int) sum[0], Math.round(sum[1] / 60.0));
        }).toList();
    }

    /** The current definition's intervals in order (also without passages), then those only older versions had. */
    private List<IntervalFigures> leadTimes(String moduleId, String roazRegionId, UnitDefinition current,
                                            Map<String, IntervalFigures> counted) {
        Map<String, IntervalFigures> ordered = new LinkedHashMap<>();
        if (current != null) {
            for (UnitPassages.Interval interval : current.passages().intervals()) {
                ordered.put(interval.id(), counted.getOrDefault(interval.id(),
                        spans.none(moduleId, interval, roazRegionId)));
            }
        }
        new TreeMap<>(counted).forEach(ordered::putIfAbsent);
        return List.copyOf(ordered.values());
    }

    private Map<String, Long> numbers(String text) {
        try {
            return json.readValue(text, NUMBERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
