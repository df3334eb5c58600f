package nl.lpz.reporting.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.ValueRules;

/** The {@code asOf} query parameter of the time-travelling reads (regional picture, stops). */
public final class AsOf {
    private AsOf() {
    }

    /** An ISO-8601 instant; an unencoded '+' of an offset, arriving as a space, is accepted. 400 INVALID_FIELD else. */
    public static Instant parse(String text) {
        Instant at = instant(text);
        // the years the platform holds (docs/reliability.md); beyond them PostgreSQL cannot even hold the instant
        if (at.isBefore(ValueRules.PLATFORM_EPOCH) || !at.isBefore(ValueRules.LATEST_INSTANT)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "asOf: an instant from "
                    + ValueRules.PLATFORM_EPOCH + " to before " + ValueRules.LATEST_INSTANT);
        }
        return at;
    }

    private static Instant instant(String text) {
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
