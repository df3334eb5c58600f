package nl.lpz.events.capacity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The opening hours of one care kind of a location, read in Dutch wall-clock time: whether it is open at an instant
 * and when that next changes. Periods that touch (Monday 20:00–00:00 and Tuesday 00:00–02:00) are one opening; no
 * periods is open around the clock.
 */
public final class WeeklyHours {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int WEEK = 7 * OpeningPeriod.MINUTES_PER_DAY;

    /** Per minute of the (repeated) week where the state flips: +1 opens, -1 closes; touching periods cancel out. */
    private final TreeMap<Integer, Integer> flips = new TreeMap<>();
    private final List<OpeningPeriod> periods;
    private final boolean aroundTheClock;

    public WeeklyHours(List<OpeningPeriod> periods) {
        this.periods = List.copyOf(periods);
        // three weeks of flips: the week of the instant asked, and the next for the change after it
        for (int week = -1; week <= 1; week++) {
            for (OpeningPeriod p : this.periods) {
                flips.merge(p.startMinute() + week * WEEK, 1, Integer::sum);
                flips.merge(p.endMinute() + week * WEEK, -1, Integer::sum);
            }
        }
        flips.values().removeIf(v -> v == 0);
        // seven whole days leave flips only at the edges of the three weeks
        aroundTheClock = flips.subMap(-WEEK, false, 2 * WEEK, false).isEmpty();
    }

    public List<OpeningPeriod> periods() {
        return periods;
    }

    /** No periods, or periods that cover the whole week. */
    public boolean aroundTheClock() {
        return aroundTheClock;
    }

    /** The first two periods that overlap, as text for a problem's detail; empty when none do. */
    public static Optional<String> overlap(List<OpeningPeriod> periods) {
        List<OpeningPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparingInt(OpeningPeriod::startMinute));
        for (int i = 1; i < sorted.size(); i++) {
            OpeningPeriod before = sorted.get(i - 1);
            OpeningPeriod after = sorted.get(i);
            if (after.startMinute() < before.endMinute()) {
                return Optional.of(text(before) + " and " + text(after) + " overlap");
            }
        }
        return Optional.empty();
    }

    public boolean openAt(Instant at) {
        if (aroundTheClock()) {
            return true;
        }
        int minute = minuteOfWeek(at);
        int open = 0;
        for (Map.Entry<Integer, Integer> flip : flips.headMap(minute, true).entrySet()) {
            open += flip.getValue();
        }
        return open > 0;
    }

    /** When it next opens (if closed at {@code at}) or closes (if open); empty when open around the clock. */
    public Optional<Instant> nextChange(Instant at) {
        if (aroundTheClock()) {
            return Optional.empty();
        }
        boolean open = openAt(at);
        int minute = minuteOfWeek(at);
        for (Map.Entry<Integer, Integer> flip : flips.tailMap(minute, false).entrySet()) {
            if (open ? flip.getValue() < 0 : flip.getValue() > 0) {
                LocalDateTime weekStart = at.atZone(ZONE).toLocalDate()
                        .minusDays(at.atZone(ZONE).getDayOfWeek().getValue() - 1L).atStartOfDay();
                return Optional.of(ZonedDateTime.of(weekStart.plusMinutes(flip.getKey()), ZONE).toInstant());
            }
        }
        return Optional.empty();
    }

    private static int minuteOfWeek(Instant at) {
        ZonedDateTime local = at.atZone(ZONE).truncatedTo(ChronoUnit.MINUTES);
        DayOfWeek day = local.getDayOfWeek();
        return (day.getValue() - 1) * OpeningPeriod.MINUTES_PER_DAY + local.getHour() * 60 + local.getMinute();
    }

    private static String text(OpeningPeriod p) {
        return p.day() + " " + p.opens() + "–" + p.closes();
    }
}
