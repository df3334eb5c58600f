package nl.lpz.modules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lead times (doorlooptijden, seed 000 §2) of a unit: per patient passage the moments it reached, without any
 * identity, and the intervals between two moments whose median, p90 and share over the norm the platform keeps per
 * unit and day. The first moment starts every passage (an ED's arrival); later moments may be absent (a patient who
 * left before being seen) but never lie before an earlier one.
 *
 * @param moments   the moments in their order, the first required
 * @param intervals named spans between two moments, each with its national norm (null: no norm)
 */
public record UnitPassages(List<String> moments, List<Interval> intervals) {
    public static final UnitPassages NONE = new UnitPassages(List.of(), List.of());

    public UnitPassages {
        moments = List.copyOf(moments);
        intervals = List.copyOf(intervals);
    }

    public boolean defined() {
        return !moments.isEmpty();
    }

    /** A span from one moment to a later one; {@code norm} is the national default, regions may set their own. */
    public record Interval(String id, LocalizedName name, String from, String to, Duration norm) {
        /** The span of a passage, when it reached both moments. */
        public Optional<Duration> of(Map<String, Instant> passage) {
            Instant start = passage.get(from);
            Instant end = passage.get(to);
            return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
        }
    }

    /** The first thing wrong with a passage's moments, or empty when they fit. */
    public Optional<FigureViolation> check(Map<String, Instant> passage) {
        for (String moment : passage.keySet()) {
            if (!moments.contains(moment)) {
                return Optional.of(new FigureViolation(FigureViolation.UNKNOWN_MOMENT, "no moment '" + moment
                        + "'; the moments are " + moments));
            }
        }
        if (passage.get(moments.get(0)) == null) {
            return Optional.of(new FigureViolation(FigureViolation.MISSING_MOMENT, "moment " + moments.get(0)
                    + " starts every passage and is required"));
        }
        Instant previous = null;
        String previousName = null;
        for (String moment : moments) {
            Instant at = passage.get(moment);
            if (at == null) {
                continue;
            }
            if (previous != null && at.isBefore(previous)) {
                return Optional.of(new FigureViolation(FigureViolation.MOMENTS_OUT_OF_ORDER, moment + " (" + at
                        + ") lies before " + previousName + " (" + previous + ")"));
            }
            previous = at;
            previousName = moment;
        }
        return Optional.empty();
    }
}
