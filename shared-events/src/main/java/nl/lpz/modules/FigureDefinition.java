package nl.lpz.modules;

import java.util.List;

/**
 * One figure of a unit. A numeric figure lies in [0, {@code max}]; a status is one of {@code values}. A required
 * figure must be in every report of the unit; an optional one may be left out (then the unit has no value for it).
 */
public record FigureDefinition(String id, LocalizedName name, FigureType type, List<String> values, long max,
                               boolean required) {
    /** The upper bound of a numeric figure when the definition names none. */
    public static final long DEFAULT_MAX = 100_000;

    public FigureDefinition {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
