package nl.lpz.reporting.acutecare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.EventJson;
import nl.lpz.modules.LevelRule;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.reporting.acutecare.CrowdingTimeline.Report;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The replay's crowding: when the receiving EDs were over capacity by the Spoed module's reports
 * ({@code module_history}), each read with the definition version it names; the levels over capacity come from the
 * definition's bands, never copied here.
 */
@Component
class ReplayCrowding {
    /** The Spoed module's unit and level that say how full an ED is (spoed-v5.yaml). */
    private static final String SPOED = "spoed";
    private static final String SEH_UNIT = "seh";
    private static final String CROWDING = "crowding";
    /**
     * The first level that counts as over capacity; the levels after it in the definition's order count too, so a
     * band the definition adds above stays counted, and the bounds are never copied here.
     */
    private static final String FIRST_OVER_CAPACITY = "OVERVOL";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ModuleCatalogue catalogue;

    ReplayCrowding(JdbcTemplate jdbc, ModuleCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /**
     * The over-capacity and known-crowding time of these locations' ED units, from the reports of the period in one
     * query. A report from up to one freshness before the start can still stand at the start; a removal ends the
     * report before it. Each report is read with the definition version it names, as the regional picture does.
     */
    void load(Rule current, Set<String> locations, Instant start, Instant end,
                          Map<String, List<Interval>> over, Map<String, List<Interval>> known) {
        Map<String, List<Report>> byUnit = new LinkedHashMap<>();
        Map<String, String> locationOfUnit = new HashMap<>();
        Map<Integer, Rule> byVersion = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select provider_id, unit_id, definition_version, figure_values::text as figure_values,
                           occurred_at, removed
                    from module_history
                    where module_id = ? and provider_kind = ? and provider_id = any(?) and unit_kind = ?
                      and occurred_at >= ? and occurred_at < ?
                    order by provider_id, unit_id, occurred_at, id""");
            ps.setString(1, SPOED);
            ps.setString(2, ProviderKind.HOSPITAL_LOCATION.name());
            ps.setArray(3, Sql.textArray(con, List.copyOf(locations)));
            ps.setString(4, SEH_UNIT);
            Sql.setTs(ps, 5, start.minus(current.freshness()));
            Sql.setTs(ps, 6, end);
            return ps;
        }, rs -> {
            String unit = rs.getString("provider_id") + '\u0000' + rs.getString("unit_id");
            locationOfUnit.put(unit, rs.getString("provider_id"));
            Rule rule = byVersion.computeIfAbsent(rs.getInt("definition_version"),
                    v -> catalogue.version(SPOED, v).flatMap(ReplayCrowding::rule).orElse(current));
            Optional<String> level = rs.getBoolean("removed") ? Optional.empty()
                    : rule.level(numbers(rs.getString("figure_values")));
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Report(Sql.instant(rs, "occurred_at"),
                    level.isPresent(), level.filter(rule.overCapacity()::contains).isPresent()));
        });
        byUnit.forEach((unit, reports) -> {
            String location = locationOfUnit.get(unit);
            over.computeIfAbsent(location, k -> new ArrayList<>())
                    .addAll(CrowdingTimeline.overCapacity(reports, current.freshness()));
            known.computeIfAbsent(location, k -> new ArrayList<>())
                    .addAll(CrowdingTimeline.known(reports, current.freshness()));
        });
    }

    /** The ED's crowding level of the current Spoed definition: its bands, the levels over capacity, freshness. */
    Optional<Rule> rule() {
        return catalogue.current(SPOED).flatMap(ReplayCrowding::rule);
    }

    private static Optional<Rule> rule(ModuleDefinition module) {
        return module.unit(SEH_UNIT).flatMap(u -> u.levels().stream().filter(l -> l.id().equals(CROWDING))
                        .findFirst())
                .flatMap(level -> {
                    List<String> names = level.bands().stream().map(LevelRule.Band::level).toList();
                    int first = names.indexOf(FIRST_OVER_CAPACITY);
                    return first < 0 ? Optional.empty()
                            : Optional.of(new Rule(level, Set.copyOf(names.subList(first, names.size())),
                            module.freshness()));
                });
    }

    /** A version's crowding level, the levels of it that are over capacity, and how long a report stays fresh. */
    record Rule(LevelRule level, Set<String> overCapacity, Duration freshness) {
        Optional<String> level(Map<String, Long> values) {
            return level.level(values);
        }

        Replay.Crowding describe() {
            List<String> ordered = level.bands().stream().map(LevelRule.Band::level)
                    .filter(overCapacity::contains).toList();
            return new Replay.Crowding(SPOED, SEH_UNIT, level.id(), ordered, freshness.toString());
        }
    }

    /** The numeric figures of a report; statuses live in another column. */
    private static Map<String, Long> numbers(String json) {
        try {
            Map<String, Long> numbers = new HashMap<>();
            JSON.readValue(json, VALUES).forEach((k, v) -> {
                if (v instanceof Number n) {
                    numbers.put(k, n.longValue());
                }
            });
            return numbers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable module figures " + json, e);
        }
    }
}
