package nl.lpz.capacity.web;

import java.util.Map;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.ProblemCodes;
import org.springframework.http.HttpStatus;

/** Problem codes of capacity-service's endpoints beyond the platform's, and the 400s of request checking. */
final class CapacityProblems {
    static final String UNKNOWN_LOCATION = "UNKNOWN_LOCATION";
    static final String UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION";
    static final String UNKNOWN_SAFETY_REGION = "UNKNOWN_SAFETY_REGION";
    static final String UNKNOWN_ROAZ_REGION = "UNKNOWN_ROAZ_REGION";
    static final String OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE";
    static final String UNKNOWN_LABEL_ELEMENT = "UNKNOWN_LABEL_ELEMENT";

    private CapacityProblems() {
    }

    /** HTTP status of a refusal code a command or the bed-event batch can give. */
    static HttpStatus statusOf(String code) {
        return UNKNOWN_LOCATION.equals(code) || UNKNOWN_ORGANISATION.equals(code)
                ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    }

    static ApiException refusal(String code, String detail, Map<String, Object> properties) {
        return new ApiException(statusOf(code), code, detail, properties);
    }

    static ApiException unknownLocation(String locationId) {
        return new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_LOCATION, "location " + locationId + " is not registered");
    }

    static ApiException invalid(String detail) {
        return ApiException.badRequest(ProblemCodes.INVALID_FIELD, detail);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String id(String value, String field) {
        if (!Ids.isValid(value)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, field + " must match " + Ids.PATTERN + " but was "
                    + (value == null ? "missing" : "'" + value + "'"));
        }
        return value;
    }
}
