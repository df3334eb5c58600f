package nl.lpz.reporting.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;

/** The {@code asOf} query parameter of the time-travelling reads (regional picture, stops). */
public final class AsOf {
    private AsOf() {
    }

    /** An ISO-8601 instant; an unencoded '+' of an offset, arriving as a space, is accepted. 400 INVALID_FIELD else. */
    public static Instant parse(String text) {
        String value = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                        "asOf: not an ISO-8601 instant with offset: " + text);
            }
        }
    }
}
