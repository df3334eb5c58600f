package nl.lpz.events.capacity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One period of the week in which a care kind of a location is open, in Dutch wall-clock time (Europe/Amsterdam):
 * on {@code day} from {@code opens} to {@code closes}, whole minutes. {@code closes} 00:00 is midnight at the end of
 * the day; a period across midnight is two periods (Monday 20:00–00:00 and Tuesday 00:00–02:00).
 */
public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public static final int MINUTES_PER_DAY = 24 * 60;

    public OpeningPeriod {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.getSecond() != 0 || opens.getNano() != 0 || closes.getSecond() != 0 || closes.getNano() != 0) {
            throw new IllegalArgumentException("opening hours are whole minutes");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new IllegalArgumentException(day + " " + opens + "–" + closes + ": closes after it opens (00:00 is "
                    + "midnight at the end of the day; a period across midnight is two periods)");
        }
    }

    /** Its start, in minutes from Monday 00:00. */
    public int startMinute() {
        return (day.getValue() - 1) * MINUTES_PER_DAY + opens.getHour() * 60 + opens.getMinute();
    }

    /** Its end (exclusive), in minutes from Monday 00:00; at most a week. */
    public int endMinute() {
        int end = closes.equals(LocalTime.MIDNIGHT) ? MINUTES_PER_DAY : closes.getHour() * 60 + closes.getMinute();
        return (day.getValue() - 1) * MINUTES_PER_DAY + end;
    }
}
