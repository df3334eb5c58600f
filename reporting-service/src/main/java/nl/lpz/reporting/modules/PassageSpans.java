package nl.lpz.reporting.modules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitPassages;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;

/**
 * The lead-time rule, written once for every answer that shows lead times (the lead-time query per provider and
 * day, the period report per veiligheidsregio): the passages of a region's providers on a range of days, each read
 * with the intervals of the definition version it names (a version this instance does not know contributes nothing),
 * as one row per passage and interval of the common table expression {@code span}, with its span in seconds (null
 * without both moments) and the norm that holds for it (the region's setting, else its version's). A statement
 * appends its own {@code select ... from span group by ...}, using {@link #FIGURES} for the figures of a group.
 */
final class PassageSpans {
    /** The intervals of every version of the module ({@code d}) joined to the region's passages of the days. */
    static final String SPANS = """
            with interval_definition as (
                select * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[])
                    as d(definition_version, unit_kind, interval_id, from_moment, to_moment, norm_seconds)
            ), span as (
                select p.event_id, p.provider_id, l.name, l.organisation_id, l.safety_region_id,
                       p.unit_kind, p.unit_id, p.day, p.definition_version,
                       d.interval_id, d.norm_seconds,
                       extract(epoch from (p.moments ->> d.to_moment)::timestamptz
                                          - (p.moments ->> d.from_moment)::timestamptz)::float8 as seconds
                from module_passage p
                join location l on l.location_id = p.provider_id
                join interval_definition d on d.definition_version = p.definition_version
                                          and d.unit_kind = p.unit_kind
                where p.module_id = ? and p.provider_kind = ? and l.roaz_region_id = ?
                  and (?::text is null or l.organisation_id = ?) and p.day between ? and ?
            )
            """;

    /**
     * The figures of a group of spans: those present, their continuous median and p90, the norm of the newest
     * version among them, and how many were held to a norm and exceeded it. Read with {@link #figures}.
     */
    static final String FIGURES = """
            count(seconds) as passages,
            percentile_cont(0.5) within group (order by seconds) as median_seconds,
            percentile_cont(0.9) within group (order by seconds) as p90_seconds,
            (array_agg(norm_seconds order by definition_version desc))[1] as norm_seconds,
            count(*) filter (where seconds is not null and norm_seconds is not null) as held_to_norm,
            count(*) filter (where seconds > norm_seconds) as over_norm""";

    private final ModuleCatalogue catalogue;
    private final ModuleProperties properties;

    PassageSpans(ModuleCatalogue catalogue, ModuleProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /** One interval of one version of a unit kind, with the norm that holds in the region asked for. */
    record IntervalRow(int version, String unitKind, String id, String from, String to, Double normSeconds) {
    }

    /** Every interval of every version of the module this instance knows; empty: no statement needs to run. */
    List<IntervalRow> intervals(String moduleId, String roazRegionId) {
        List<IntervalRow> rows = new ArrayList<>();
        for (ModuleDefinition version : catalogue.versions(moduleId)) {
            for (UnitDefinition unit : version.units()) {
                for (UnitPassages.Interval interval : unit.passages().intervals()) {
                    rows.add(new IntervalRow(version.version(), unit.kind(), interval.id(), interval.from(),
                            interval.to(), seconds(norm(moduleId, interval, roazRegionId))));
                }
            }
        }
        return rows;
    }

    /**
     * Binds the parameters of {@link #SPANS} from index 1: the intervals, the module, the region, the organisation
     * (null: every one) and the days (both inclusive). Returns the next index.
     */
    static int bind(Connection con, PreparedStatement ps, List<IntervalRow> intervals, String moduleId,
                    String roazRegionId, String onlyOrganisation, LocalDate from, LocalDate to) throws SQLException {
        int p = 1;
        ps.setArray(p++, con.createArrayOf("int4", column(intervals, IntervalRow::version, Integer[]::new)));
        ps.setArray(p++, con.createArrayOf("text", column(intervals, IntervalRow::unitKind, String[]::new)));
        ps.setArray(p++, con.createArrayOf("text", column(intervals, IntervalRow::id, String[]::new)));
        ps.setArray(p++, con.createArrayOf("text", column(intervals, IntervalRow::from, String[]::new)));
        ps.setArray(p++, con.createArrayOf("text", column(intervals, IntervalRow::to, String[]::new)));
        ps.setArray(p++, con.createArrayOf("float8", column(intervals, IntervalRow::normSeconds, Double[]::new)));
        ps.setString(p++, moduleId);
        ps.setString(p++, ProviderKind.HOSPITAL_LOCATION.name());
        ps.setString(p++, roazRegionId);
        ps.setObject(p++, onlyOrganisation, Types.VARCHAR);
        ps.setObject(p++, onlyOrganisation, Types.VARCHAR);
        ps.setObject(p++, from);
        ps.setObject(p++, to);
        return p;
    }

    private static <T> T[] column(List<IntervalRow> rows, Function<IntervalRow, T> value,
                                  IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** The {@link #FIGURES} of a row as an interval's figures, in minutes. */
    static IntervalFigures figures(String interval, ResultSet rs) throws SQLException {
        Double norm = nullableDouble(rs, "norm_seconds");
        int heldToNorm = rs.getInt("held_to_norm");
        int overNorm = rs.getInt("over_norm");
        return new IntervalFigures(interval, rs.getInt("passages"), minutes(nullableDouble(rs, "median_seconds")),
                minutes(nullableDouble(rs, "p90_seconds")), minutes(norm), norm != null ? overNorm : null,
                norm != null && heldToNorm > 0 ? Math.round(overNorm * 1000.0 / heldToNorm) / 1000.0 : null, null);
    }

    /** An interval no passage reached: 0 passages, the norm that holds in the region. */
    IntervalFigures none(String moduleId, UnitPassages.Interval interval, String roazRegionId) {
        Double norm = seconds(norm(moduleId, interval, roazRegionId));
        return new IntervalFigures(interval.id(), 0, null, null, minutes(norm), norm == null ? null : 0, null, null);
    }

    /** The region's norm of the interval if it set one, else the definition's (null: none). */
    Duration norm(String moduleId, UnitPassages.Interval interval, String roazRegionId) {
        Duration regional = properties.normFor(moduleId, interval.id(), roazRegionId);
        return regional != null ? regional : interval.norm();
    }

    /** Seconds as minutes with one decimal. */
    static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
