package nl.lpz.reporting.modules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("lpz.reporting.modules")
public record ModuleProperties(@DefaultValue("PT24H") Duration complianceWindow,
                               Map<String, List<Double>> levelBounds,
                               Map<String, Duration> passageNorms) {

    public ModuleProperties {
        if (complianceWindow.isNegative() || complianceWindow.isZero()) {
            throw new IllegalArgumentException("lpz.reporting.modules.compliance-window must be positive");
        }
        levelBounds = levelBounds == null ? Map.of() : Map.copyOf(levelBounds);
        passageNorms = passageNorms == null ? Map.of() : Map.copyOf(passageNorms);
    }

    /** The region's bounds of this level, if it set its own. */
    List<Double> boundsFor(String moduleId, String levelId, String roazRegionId) {
        return levelBounds.get(moduleId + "." + levelId + "." + roazRegionId);
    }

    /** The region's norm of this lead-time interval, if it set its own. */
    Duration normFor(String moduleId, String intervalId, String roazRegionId) {
        return passageNorms.get(moduleId + "." + intervalId + "." + roazRegionId);
    }
}
