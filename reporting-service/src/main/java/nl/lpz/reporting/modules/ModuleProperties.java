package nl.lpz.reporting.modules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.modules.LevelRule;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.UnitDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The module read side ({@code lpz.reporting.modules.*}).
 *
 * @param complianceWindow how far back from {@code asOf} a report makes a provider a delivering one; a module fresh for
 *                         longer uses its freshness instead (positive)
 * @param levelBounds      a region's own band bounds of a derived level, keyed {@code <module>.<level>.<ROAZ region>}
 *                         (e.g. {@code level-bounds[<module>.<level>.ROAZ-NHF]=0.5,1.0,1.5,2.0}): as many as the
 *                         definition's, ascending; checked against the catalogue at start
 * @param passageNorms     a region's own norm of a lead-time interval, keyed {@code <module>.<interval>.<ROAZ region>}
 *                         (e.g. {@code passage-norms[<module>.<interval>.ROAZ-NHF]=PT3H}): replaces the definition's
 *                         norm of that interval (of every version) for the region; checked against the catalogue at
 *                         start
 * @param aggregateMinimumOrganisations an aggregate reader (detail AGGREGATE) sees a unit kind's totals, and a lead
 *                                      time's figures, only over at least this many organisations (at least 1; the
 *                                      public figures' rule, 3 by default)
 * @param aggregateMinimumPassages      ... and a lead time's median, p90 and share over the norm only over at least
 *                                      this many passages (at least 1; 10 by default: fewer would tell of single
 *                                      patients)
 * @see #requireFits(ModuleCatalogue)
 */
@ConfigurationProperties("lpz.reporting.modules")
public record ModuleProperties(@DefaultValue("PT24H") Duration complianceWindow,
                               Map<String, List<Double>> levelBounds,
                               Map<String, Duration> passageNorms,
                               @DefaultValue("3") int aggregateMinimumOrganisations,
                               @DefaultValue("10") int aggregateMinimumPassages) {

    @ConstructorBinding
    public ModuleProperties {
        if (complianceWindow.isNegative() || complianceWindow.isZero()) {
            throw new IllegalArgumentException("lpz.reporting.modules.compliance-window must be positive");
        }
        if (aggregateMinimumOrganisations < 1 || aggregateMinimumPassages < 1) {
            throw new IllegalArgumentException("lpz.reporting.modules.aggregate-minimum-organisations and "
                    + "aggregate-minimum-passages must be at least 1");
        }
        levelBounds = levelBounds == null ? Map.of() : Map.copyOf(levelBounds);
        passageNorms = passageNorms == null ? Map.of() : Map.copyOf(passageNorms);
    }

    /** The settings of the tests and of a start without any: default compliance window and aggregate minimums. */
    ModuleProperties(Duration complianceWindow, Map<String, List<Double>> levelBounds,
                     Map<String, Duration> passageNorms) {
        this(complianceWindow, levelBounds, passageNorms, 3, 10);
    }

    /** The region's bounds of this level, if it set its own. */
    List<Double> boundsFor(String moduleId, String levelId, String roazRegionId) {
        return levelBounds.get(moduleId + "." + levelId + "." + roazRegionId);
    }

    /**
     * A unit's levels (by level id; a level whose figures are absent is left out) by the rules of the definition
     * version its report names, with the region's own bounds where it set them (docs/modules.md, "Levels").
     */
    Map<String, String> levelsOf(String moduleId, UnitDefinition unit, Map<String, Long> values,
                                 String roazRegionId) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (LevelRule level : unit.levels()) {
            List<Double> regional = boundsFor(moduleId, level.id(), roazRegionId);
            level.level(values, regional != null && regional.size() == level.bounds().size() ? regional
                    : level.bounds()).ifPresent(l -> levels.put(level.id(), l));
        }
        return levels;
    }

    /** The region's norm of this lead-time interval, if it set its own. */
    Duration normFor(String moduleId, String intervalId, String roazRegionId) {
        return passageNorms.get(moduleId + "." + intervalId + "." + roazRegionId);
    }

    /**
     * A region's setting that names no level or lead-time interval of the catalogue, or whose value does not fit it,
     * stops the start: a typo would otherwise hold the region silently to the national bounds or norm.
     */
    void requireFits(ModuleCatalogue catalogue) {
        levelBounds.forEach((key, bounds) -> {
            RegionalKey k = RegionalKey.of("level-bounds", key, "level");
            LevelRule level = catalogue.current(k.moduleId()).stream()
                    .flatMap(m -> m.units().stream()).flatMap(u -> u.levels().stream())
                    .filter(l -> l.id().equals(k.itemId())).findFirst()
                    .orElseThrow(() -> k.unknown("level"));
            boolean ascending = true;
            for (int i = 1; i < bounds.size(); i++) {
                ascending &= bounds.get(i) > bounds.get(i - 1);
            }
            if (bounds.size() != level.bounds().size() || !ascending || bounds.get(0) < 0) {
                throw new IllegalStateException(k.setting() + " must hold " + level.bounds().size()
                        + " ascending bounds of 0 or more, like the definition's " + level.bounds());
            }
        });
        passageNorms.forEach((key, norm) -> {
            RegionalKey k = RegionalKey.of("passage-norms", key, "interval");
            boolean known = catalogue.versions(k.moduleId()).stream()
                    .flatMap(m -> m.units().stream()).flatMap(u -> u.passages().intervals().stream())
                    .anyMatch(i -> i.id().equals(k.itemId()));
            if (!known) {
                throw k.unknown("lead-time interval");
            }
            if (norm == null || norm.isNegative() || norm.isZero() || norm.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalStateException(k.setting() + " must be a positive ISO-8601 duration of at most "
                        + "7 days (e.g. PT3H), like a definition's norm");
            }
        });
    }

    /** A regional setting's key {@code <module>.<item>.<ROAZ region>}, split once. */
    private record RegionalKey(String setting, String moduleId, String itemId, String shape) {
        static RegionalKey of(String property, String key, String item) {
            String setting = "lpz.reporting.modules." + property + "[" + key + "]";
            String shape = "<module>.<" + item + ">.<ROAZ region>";
            String[] parts = key.split("\\.", 3);
            if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException(setting + " names no " + item + " of the catalogue; the key is "
                        + shape);
            }
            return new RegionalKey(setting, parts[0], parts[1], shape);
        }

        IllegalStateException unknown(String what) {
            return new IllegalStateException(setting + " names no " + what + " of the catalogue; the key is " + shape);
        }
    }
}
