package nl.lpz.reporting.acutecare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stops as time: for a set of emergency departments, how long within a window all of them were on stop at once (no
 * open ED left), or how long one of them was. Pure; intervals are half-open [from, until).
 */
final class StopTimeline {
    private StopTimeline() {
    }

    record Interval(Instant from, Instant until) {
    }

    /**
     * Minutes within [start, end) during which every one of {@code providers} had a stop; with no provider at all the
     * whole window (nothing was open).
     */
    static long minutesAllStopped(Map<String, List<Interval>> stops, Set<String> providers, Instant start,
                                  Instant end) {
        if (providers.isEmpty()) {
            return minutes(start, end);
        }
        List<long[]> events = new ArrayList<>(); // {epochSecond, +1 | -1}
        for (String provider : providers) {
            for (Interval i : merged(stops.getOrDefault(provider, List.of()), start, end)) {
                events.add(new long[] {i.from().getEpochSecond(), 1});
                events.add(new long[] {i.until().getEpochSecond(), -1});
            }
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        long seconds = 0;
        int stopped = 0;
        long since = 0;
        for (long[] e : events) {
            if (stopped == providers.size()) {
                seconds += e[0] - since;
            }
            stopped += (int) e[1];
            since = e[0];
        }
        return seconds / 60;
    }

    /** Minutes within [start, end) during which the provider had a stop. */
    static long minutesStopped(Collection<Interval> stops, Instant start, Instant end) {
        return merged(stops, start, end).stream().mapToLong(i -> i.until().getEpochSecond() - i.from().getEpochSecond())
                .sum() / 60;
    }

    /** One provider's stops clipped to the window and merged where they overlap or touch. */
    static List<Interval> merged(Collection<Interval> stops, Instant start, Instant end) {
        List<Interval> clipped = stops.stream()
                .map(i -> new Interval(i.from().isBefore(start) ? start : i.from(),
                        i.until().isAfter(end) ? end : i.until()))
                .filter(i -> i.from().isBefore(i.until()))
                .sorted(Comparator.comparing(Interval::from)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval i : clipped) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !i.from().isAfter(last.until())) {
                merged.set(merged.size() - 1, new Interval(last.from(),
                        i.until().isAfter(last.until()) ? i.until() : last.until()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    private static long minutes(Instant start, Instant end) {
        return (end.getEpochSecond() - start.getEpochSecond()) / 60;
    }
}
