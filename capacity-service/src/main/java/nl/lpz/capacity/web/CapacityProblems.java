package nl.lpz.capacity.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.capacity.command.BirthRefusalRules;
import nl.lpz.events.ValueRules;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;
import org.springframework.http.HttpStatus;

/** Problem codes of capacity-service's endpoints beyond the platform's, and the 400s of request checking. */
final class CapacityProblems {
    static final String UNKNOWN_LOCATION = "UNKNOWN_LOCATION";
    static final String UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION";
    static final String UNKNOWN_SAFETY_REGION = "UNKNOWN_SAFETY_REGION";
    static final String UNKNOWN_ROAZ_REGION = "UNKNOWN_ROAZ_REGION";
    static final String OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE";
    static final String UNKNOWN_LABEL_ELEMENT = "UNKNOWN_LABEL_ELEMENT";
    static final String OCCURRED_TOO_EARLY = "OCCURRED_TOO_EARLY";
    static final String EVENT_ID_CONFLICT = "EVENT_ID_CONFLICT";
    static final String UNKNOWN_MODULE = "UNKNOWN_MODULE";
    static final String PROVIDER_KIND_NOT_ALLOWED = "PROVIDER_KIND_NOT_ALLOWED";

    private CapacityProblems() {
    }

    /**
     * HTTP status of a refusal code a command, the bed-event batch, a module report or a birth-care refusal can give; every other code
     * (the module definitions' figure codes among them) is the sender's content to correct: 400.
     */
    static HttpStatus statusOf(String code) {
        return switch (code) {
            case EVENT_ID_CONFLICT -> HttpStatus.CONFLICT;
            case UNKNOWN_LOCATION, UNKNOWN_ORGANISATION, UNKNOWN_MODULE -> HttpStatus.NOT_FOUND;
            case PROVIDER_KIND_NOT_ALLOWED, BirthRefusalRules.NO_BIRTH_CARE -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    static ApiException refusal(String code, String detail, Map<String, Object> properties) {
        return new ApiException(statusOf(code), code, detail, properties);
    }

    static ApiException unknownLocation(String locationId) {
        return new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_LOCATION, "location " + locationId + " is not registered");
    }

    static ApiException unknownModule(String moduleId, Collection<String> known) {
        return new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_MODULE, "no module "
                + (moduleId == null ? "given" : echo(moduleId)) + "; the catalogue holds " + known);
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

    /**
     * A text that every store downstream can hold ({@link ValueRules#textViolation}) and no longer than the domain
     * needs; null passes (required-ness is {@link #requiredText}'s). The value is not echoed: it may be 1 MiB of
     * anything.
     */
    static String text(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(field + " must be at most " + maxLength + " characters, not " + value.length());
        }
        String violation = ValueRules.textViolation(value);
        if (violation != null) {
            throw invalid(field + " " + violation);
        }
        return value;
    }

    static String requiredText(String value, String field, int maxLength) {
        return text(requiredText(value, field), field, maxLength);
    }

    static String id(String value, String field) {
        if (!Ids.isValid(value)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, field + " must match " + Ids.PATTERN + " but was "
                    + (value == null ? "missing" : echo(value)));
        }
        return value;
    }

    /** A refused value quoted back only when it is short printable ASCII: anything else may not even encode. */
    /** Unexpected keys named in a closed object's refusal. */
    private static final int KEYS_IN_DETAIL = 5;

    /**
     * An object of a request that holds its own keys and nothing else (a patient passage, a birth-care refusal):
     * whatever else a sender adds (a patient number, a name, a date of birth) refuses the request as a malformed one
     * would be, and is neither stored nor quoted back beyond its key.
     *
     * @param person whom nothing may identify, for the detail ("a patient", "the woman")
     */
    static void requireClosed(Set<String> unexpected, String field, List<String> allowed, String person) {
        if (!unexpected.isEmpty()) {
            throw ApiException.badRequest(ProblemCodes.MALFORMED_REQUEST, field + " holds "
                    + unexpected.stream().limit(KEYS_IN_DETAIL).map(CapacityProblems::echo)
                    .collect(java.util.stream.Collectors.joining(", "))
                    + (unexpected.size() > KEYS_IN_DETAIL ? " and " + (unexpected.size() - KEYS_IN_DETAIL)
                    + " more keys" : "")
                    + "; it holds only " + String.join(", ", allowed) + ", and nothing that identifies " + person);
        }
    }

    /** The constant of {@code type} named by {@code value}, or 400 naming the constants. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw invalid(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not "
                + (value == null ? "missing" : echo(value)));
    }

    static String echo(String value) {
        boolean printable = value.length() <= 80 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return printable ? "'" + value + "'" : "a value of " + value.length() + " characters";
    }
}
