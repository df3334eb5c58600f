package nl.lpz.events.acutecare;

import java.time.LocalDate;

/**
 * A site's ED arrivals as the Spoed module's passages counted them over the days before a scenario was defined:
 * {@code arrivals} in {@code daysWithFigures} days with at least one passage between {@code from} and {@code to}
 * (inclusive). Kept in the scenario so that its expected inflow is the same whenever it is computed again.
 */
public record MeasuredArrivals(String locationId, LocalDate from, LocalDate to, int daysWithFigures, long arrivals) {

    public double perDay() {
        return daysWithFigures == 0 ? 0 : (double) arrivals / daysWithFigures;
    }
}
