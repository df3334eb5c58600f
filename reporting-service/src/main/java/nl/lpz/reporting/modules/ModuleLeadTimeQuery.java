package nl.lpz.reporting.modules;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitPassages;
import nl.lpz.reporting.modules.ModuleLeadTimes.Day;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;
import nl.lpz.reporting.modules.ModuleLeadTimes.KindTotals;
import nl.lpz.reporting.modules.ModuleLeadTimes.Provider;
import nl.lpz.reporting.modules.ModuleLeadTimes.Unit;
import nl.lpz.reporting.modules.RegionalModuleQuery.Reading;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.DayRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lead times from {@code module_passage}, computed when asked: each passage is read with the intervals of the
 * definition version it names (a version this instance does not know contributes nothing), an interval's span is
 * its {@code to} moment minus its {@code from} moment when the passage reached both, and per provider, unit, day and
 * interval, and per unit kind, day and interval over the providers the caller sees, PostgreSQL computes the passages,
 * the continuous median and p90 ({@code percentile_cont}) and how many spans exceed the norm, in one statement with
 * grouping sets. A norm is the region's setting ({@code lpz.reporting.modules.passage-norms}) if it has one, else
 * that of the passage's definition version.
 */
@Component
class ModuleLeadTimeQuery {
    /** Per provider, unit, day and interval, per provider, unit and day, and the same per unit kind. */
    private static final String LEAD_TIMES = PassageSpans.SPANS + """
            select grouping(provider_id) as region_total, grouping(interval_id) as whole_day,
                   provider_id, name, unit_kind, unit_id, day, interval_id,
                   count(distinct event_id) as started,
                   count(distinct organisation_id) as organisations,
            """ + PassageSpans.FIGURES + """

            from span
            group by grouping sets ((provider_id, name, unit_kind, unit_id, day, interval_id),
                                    (provider_id, name, unit_kind, unit_id, day),
                                    (unit_kind, day, interval_id),
                                    (unit_kind, day))""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ModuleProperties properties;
    private final PassageSpans spans;

    ModuleLeadTimeQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ModuleCatalogue catalogue,
                        ModuleProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.properties = properties;
        this.spans = new PassageSpans(catalogue, properties);
    }

    /** One row of the statement: a provider's unit or a unit kind's total, for a day or one interval of it. */
    private record Figures(boolean regionTotal, boolean wholeDay, String providerId, String name, String unitKind,
                           String unitId, LocalDate day, String interval, int started, int organisations,
                           IntervalFigures figures) {
    }

    /**
     * @param module  the module's current definition
     * @param reading the caller's reading; a non-null {@code onlyOrganisation} limits the providers to that
     *                organisation's, {@code AGGREGATE} answers the totals only
     */
    ModuleLeadTimes find(ModuleDefinition module, String roazRegionId, DayRange period, Reading reading) {
        List<PassageSpans.IntervalRow> intervals = spans.intervals(module.id(), roazRegionId);
        List<Figures> rows = intervals.isEmpty() ? List.of()
                : readOnly.execute(status -> rows(module.id(), roazRegionId, period, reading.onlyOrganisation(),
                        intervals));
        Comparator<String> kindOrder = kindOrder(module);
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<List<String>, Map<LocalDate, DayFigures>>> byProvider = new TreeMap<>();
        Map<String, Map<LocalDate, DayFigures>> byKind = new TreeMap<>(kindOrder);
        module.units().stream().filter(u -> u.passages().defined())
                .forEach(u -> byKind.put(u.kind(), new TreeMap<>()));
        Comparator<List<String>> unitOrder = Comparator.comparing((List<String> u) -> u.get(0), kindOrder)
                .thenComparing(u -> u.get(1));
        boolean aggregate = reading.detail() == ReaderRule.Detail.AGGREGATE;
        for (Figures row : rows) {
            Map<LocalDate, DayFigures> days;
            if (row.regionTotal()) {
                days = byKind.computeIfAbsent(row.unitKind(), k -> new TreeMap<>());
            } else {
                names.put(row.providerId(), row.name());
                days = byProvider.computeIfAbsent(row.providerId(), k -> new TreeMap<>(unitOrder))
                        .computeIfAbsent(List.of(row.unitKind(), row.unitId()), k -> new TreeMap<>());
            }
            DayFigures day = days.computeIfAbsent(row.day(), k -> new DayFigures());
            if (row.wholeDay()) {
                day.started = row.started();
                day.organisations = row.organisations();
            } else {
                day.intervals.put(row.interval(), aggregate && row.regionTotal() ? suppressed(row.figures())
                        : row.figures());
            }
        }
        List<Provider> providers = new ArrayList<>();
        if (reading.detail() == ReaderRule.Detail.PROVIDER) {
            byProvider.forEach((providerId, units) -> {
                List<Unit> list = new ArrayList<>();
                units.forEach((unit, days) -> list.add(new Unit(unit.get(0), unit.get(1),
                        days(module, roazRegionId, unit.get(0), days))));
                providers.add(new Provider(providerId, names.get(providerId), list));
            });
        }
        List<KindTotals> totals = new ArrayList<>();
        byKind.forEach((kind, days) -> totals.add(new KindTotals(kind, aggregate
                ? days(module, roazRegionId, kind, days).stream().map(d -> withoutFewOrganisations(d,
                        days.get(d.day()).organisations)).toList()
                : days(module, roazRegionId, kind, days))));
        return new ModuleLeadTimes(module.id(), module.name(), roazRegionId, period.from(), period.to(),
                ModuleComplianceQuery.ZONE.getId(), reading.detail(), providers, totals);
    }

    /** What the statement said of one day of a unit or unit kind. */
    private static final class DayFigures {
        int started;
        int organisations;
        final Map<String, IntervalFigures> intervals = new TreeMap<>();
    }

    /**
     * The days in order, each with the current definition's intervals of the unit kind in its order (those without
     * passages that day with 0), then intervals only older versions had, by id.
     */
    private List<Day> days(ModuleDefinition module, String roazRegionId, String unitKind,
                           Map<LocalDate, DayFigures> days) {
        List<UnitPassages.Interval> current = module.unit(unitKind).map(UnitDefinition::passages)
                .map(UnitPassages::intervals).orElse(List.of());
        List<Day> result = new ArrayList<>();
        days.forEach((day, figures) -> {
            Map<String, IntervalFigures> ordered = new LinkedHashMap<>();
            for (UnitPassages.Interval interval : current) {
                ordered.put(interval.id(), figures.intervals.getOrDefault(interval.id(),
                        spans.none(module.id(), interval, roazRegionId)));
            }
            figures.intervals.forEach(ordered::putIfAbsent);
            result.add(new Day(day, figures.started, List.copyOf(ordered.values()), null));
        });
        return result;
    }

    /**
     * For an aggregate reader: an interval's median, p90 and share over the norm only over enough passages that no
     * single patient's time shows ({@code lpz.reporting.modules.aggregate-minimum-passages}).
     */
    private IntervalFigures suppressed(IntervalFigures f) {
        if (f.passages() == 0 || f.passages() >= properties.aggregateMinimumPassages()) {
            return f;
        }
        return new IntervalFigures(f.interval(), f.passages(), null, null, f.normMinutes(), null, null,
                IntervalFigures.SMALL_COUNT);
    }

    /**
     * For an aggregate reader: a day's figures only over enough organisations that none can be told apart
     * ({@code lpz.reporting.modules.aggregate-minimum-organisations}); else the day with its reason and nothing else.
     */
    private Day withoutFewOrganisations(Day day, int organisations) {
        if (organisations >= properties.aggregateMinimumOrganisations()) {
            return day;
        }
        return new Day(day.day(), null, day.intervals().stream().map(f -> new IntervalFigures(f.interval(), null,
                null, null, f.normMinutes(), null, null, IntervalFigures.TOO_FEW_ORGANISATIONS)).toList(),
                IntervalFigures.TOO_FEW_ORGANISATIONS);
    }

    private List<Figures> rows(String moduleId, String roazRegionId, DayRange period, String onlyOrganisation,
                               List<PassageSpans.IntervalRow> intervals) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(LEAD_TIMES);
            PassageSpans.bind(con, ps, intervals, moduleId, roazRegionId, onlyOrganisation, period.from(),
                    period.to());
            return ps;
        }, (rs, i) -> {
            String interval = rs.getString("interval_id");
            return new Figures(rs.getInt("region_total") == 1, rs.getInt("whole_day") == 1,
                    rs.getString("provider_id"), rs.getString("name"), rs.getString("unit_kind"),
                    rs.getString("unit_id"), rs.getObject("day", LocalDate.class), interval, rs.getInt("started"),
                    rs.getInt("organisations"), interval == null ? null : PassageSpans.figures(interval, rs));
        });
    }

    /** The current definition's unit kinds in its order, then any other kind by name. */
    private static Comparator<String> kindOrder(ModuleDefinition module) {
        List<String> order = module.units().stream().map(UnitDefinition::kind).toList();
        return Comparator.comparingInt((String kind) -> {
            int i = order.indexOf(kind);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder());
    }
}
