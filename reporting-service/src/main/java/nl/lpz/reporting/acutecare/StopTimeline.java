package nl.lpz.reporting.acutecare;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.OpeningPeriod;

/**
 * Stops as time: for a set of emergency departments, how long within a window all of them were on stop at once (no
 * open ED left), or how long one of them was; and opening hours turned into the time a location is closed, so that
 * the replay can treat "closed by its hours" like "on stop". Pure; intervals are half-open [from, until).
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

    /** Both lists in one, per location: the union is taken where the intervals are read, by {@link #merged}. */
    static Map<String, List<Interval>> union(Map<String, List<Interval>> a, Map<String, List<Interval>> b) {
        Map<String, List<Interval>> all = new HashMap<>();
        a.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        b.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return all;
    }

    /**
     * The time within [start, end) outside one daily period of wall-clock time: {@code opens} before {@code closes}
     * is open that day from one to the other; {@code closes} before {@code opens} is open through the night (22:00 to
     * 06:00 closes from 06:00 to 22:00). Days run {@code from} to {@code to} in {@code zone}; on the clock change the
     * wall-clock times are read as {@link java.time.ZonedDateTime#of} reads them.
     */
    static List<Interval> closedOutsideDaily(LocalTime opens, LocalTime closes, LocalDate from, LocalDate to,
                                             ZoneId zone) {
        if (opens.equals(closes)) {
            throw new IllegalArgumentException("a daily period opens and closes at different times");
        }
        List<Interval> open = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant midnight = d.atStartOfDay(zone).toInstant();
            Instant nextMidnight = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant o = d.atTime(opens).atZone(zone).toInstant();
            Instant c = d.atTime(closes).atZone(zone).toInstant();
            if (opens.isBefore(closes)) {
                open.add(new Interval(o, c));
            } else {
                open.add(new Interval(midnight, c));
                open.add(new Interval(o, nextMidnight));
            }
        }
        return complement(open, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The time within the days {@code from} to {@code to} outside a location's weekly opening periods (a period's
     * {@code closes} 00:00 is midnight at the end of its day, as {@link OpeningPeriod} reads it). No periods is open
     * around the clock: nothing closed.
     */
    static List<Interval> closedOutsideWeekly(List<OpeningPeriod> periods, LocalDate from, LocalDate to,
                                              ZoneId zone) {
        if (periods.isEmpty()) {
            return List.of();
        }
        List<Interval> open = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (OpeningPeriod p : periods) {
                if (p.day() == d.getDayOfWeek()) {
                    Instant c = p.closes().equals(LocalTime.MIDNIGHT) ? d.plusDays(1).atStartOfDay(zone).toInstant()
                            : d.atTime(p.closes()).atZone(zone).toInstant();
                    open.add(new Interval(d.atTime(p.opens()).atZone(zone).toInstant(), c));
                }
            }
        }
        return complement(open, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The parts of [start, end) that none of the intervals covers. */
    static List<Interval> complement(Collection<Interval> covered, Instant start, Instant end) {
        List<Interval> gaps = new ArrayList<>();
        Instant at = start;
        for (Interval i : merged(covered, start, end)) {
            if (at.isBefore(i.from())) {
                gaps.add(new Interval(at, i.from()));
            }
            at = i.until();
        }
        if (at.isBefore(end)) {
            gaps.add(new Interval(at, end));
        }
        return gaps;
    }

    private static long minutes(Instant start, Instant end) {
        return (end.getEpochSecond() - start.getEpochSecond()) / 60;
    }
}
