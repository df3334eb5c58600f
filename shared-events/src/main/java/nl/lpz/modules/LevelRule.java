package nl.lpz.modules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A level derived from a unit's figures (docs/modules.md, "Levels"): the ratio of the sum of {@code numerator}
 * figures to the sum of {@code denominator} figures, placed in the first band whose {@code upTo} it does not exceed
 * (the last band has none: everything above). One published rule for every module, so that an ED's crowding and a
 * delivery room's traffic light are computed, documented and tested once. A region may set its own band bounds
 * (the reading side's settings); the levels and their order stay the definition's.
 */
public record LevelRule(String id, LocalizedName name, List<String> numerator, List<String> denominator,
                        List<Band> bands) {

    public LevelRule {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
        bands = List.copyOf(bands);
    }

    /** A level up to a ratio (inclusive); {@code upTo} null for the last band. */
    public record Band(Double upTo, String level) {
    }

    /** The bounds of the bands but the last, in order: what a region's setting replaces. */
    public List<Double> bounds() {
        return bands.subList(0, bands.size() - 1).stream().map(Band::upTo).toList();
    }

    /** The level of these figures with the definition's bounds; empty when a figure it needs is absent. */
    public Optional<String> level(Map<String, Long> values) {
        return level(values, bounds());
    }

    /**
     * The level with other bounds (a region's setting: as many, ascending). A denominator of 0 is the last band: no
     * staffed places or no rooms is as full as it gets, whoever is waiting.
     */
    public Optional<String> level(Map<String, Long> values, List<Double> bounds) {
        if (bounds.size() != bands.size() - 1) {
            throw new IllegalArgumentException("level " + id + " has " + (bands.size() - 1) + " bounds, not "
                    + bounds.size());
        }
        Long top = sum(numerator, values);
        Long bottom = sum(denominator, values);
        if (top == null || bottom == null) {
            return Optional.empty();
        }
        if (bottom == 0) {
            return Optional.of(bands.get(bands.size() - 1).level());
        }
        double ratio = (double) top / bottom;
        for (int i = 0; i < bounds.size(); i++) {
            if (ratio <= bounds.get(i)) {
                return Optional.of(bands.get(i).level());
            }
        }
        return Optional.of(bands.get(bands.size() - 1).level());
    }

    private static Long sum(List<String> figures, Map<String, Long> values) {
        long sum = 0;
        for (String figure : figures) {
            Long value = values.get(figure);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }
}
