package nl.lpz.reporting.readmodel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.ValueRules;
import nl.lpz.platform.web.ApiException;

/**
 * Days from {@code from} to {@code to}, both inclusive (dates in Europe/Amsterdam), as the period parameters of the
 * reads over days (lead times, the ROAZ office's reports, refusals) give them; 400 INVALID_FIELD for anything else.
 */
public record DayRange(LocalDate from, LocalDate to) {
    private static final int FIRST_YEAR = ValueRules.PLATFORM_EPOCH.atOffset(ZoneOffset.UTC).getYear();
    private static final int LAST_YEAR = ValueRules.LATEST_INSTANT.atOffset(ZoneOffset.UTC).getYear() - 1;

    /** {@code to} defaults to {@code today}, {@code from} to {@code to}; see {@link #of}. */
    public static DayRange parse(String from, String to, LocalDate today, int maxDays) {
        LocalDate end = given(to) ? day("to", to) : today;
        return of(given(from) ? day("from", from) : end, end, maxDays);
    }

    /** {@code from} not after {@code to}, at most {@code maxDays} days. */
    public static DayRange of(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from: " + from + " lies after to: " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from..to: at most " + maxDays + " days");
        }
        return new DayRange(from, to);
    }

    /** A date YYYY-MM-DD of the years the platform holds (no store is asked for a year it cannot hold). */
    public static LocalDate day(String name, String text) {
        LocalDate day;
        try {
            // strip, not trim: trim also cuts NUL and other control characters and took "2026-01-01\0" for a day
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": not a date YYYY-MM-DD");
        }
        return withinPlatformYears(name, day.getYear(), day);
    }

    /** {@code value} when {@code year} is one the platform holds (ValueRules: 2000 to 2099). */
    public static <T> T withinPlatformYears(String name, int year, T value) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": a year from " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
        return value;
    }

    /** Whether a request parameter was given (not absent, not blank). */
    public static boolean given(String parameter) {
        return parameter != null && !parameter.isBlank();
    }
}
