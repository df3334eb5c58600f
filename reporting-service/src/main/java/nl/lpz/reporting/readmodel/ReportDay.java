package nl.lpz.reporting.readmodel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;

/** The {@code date} parameter of the report-day reads (RCPS daily report, LCPS feed). */
public final class ReportDay {
    private ReportDay() {
    }

    /** A report day YYYY-MM-DD, not after {@code today} (Europe/Amsterdam); 400 INVALID_FIELD else. */
    public static LocalDate parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: required (YYYY-MM-DD)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: not a date YYYY-MM-DD: " + text);
        }
        if (day.isAfter(today)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: " + day + " is in the future");
        }
        return day;
    }
}
