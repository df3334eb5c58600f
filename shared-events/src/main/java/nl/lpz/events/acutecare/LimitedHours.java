package nl.lpz.events.acutecare;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A site a scenario keeps open only between {@code opens} and {@code closes} every day (Europe/Amsterdam wall clock;
 * {@code closes} before {@code opens} is open through the night), instead of around the clock.
 */
public record LimitedHours(String locationId, LocalTime opens, LocalTime closes) {

    /** The share of a day the site is closed. */
    public double closedShareOfDay() {
        long open = Duration.between(opens, closes).toMinutes();
        return 1 - (open < 0 ? open + 24 * 60 : open) / (24.0 * 60);
    }
}
