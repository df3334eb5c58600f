package nl.lpz.stop.command;

import org.axonframework.common.AxonNonTransientException;

/**
 * A command refused by a rule of the stop procedure, with the contract's problem {@code code}. Non-transient: a
 * retry would be refused again.
 */
public class StopRejected extends AxonNonTransientException {
    public static final String LAST_IN_REGION = "LAST_IN_REGION";
    public static final String STOP_ALREADY_ACTIVE = "STOP_ALREADY_ACTIVE";
    public static final String CARE_NOT_OFFERED = "CARE_NOT_OFFERED";
    public static final String LONG_STOP_NEEDS_MKA_CONTACT = "LONG_STOP_NEEDS_MKA_CONTACT";
    public static final String NOT_AN_EXTENSION = "NOT_AN_EXTENSION";
    public static final String STOP_NOT_ACTIVE = "STOP_NOT_ACTIVE";
    public static final String STOPS_NOT_ALLOWED = "STOPS_NOT_ALLOWED";
    public static final String PLANNED_STOP_NOT_STARTED = "PLANNED_STOP_NOT_STARTED";
    public static final String INVALID_ANNOUNCEMENT = "INVALID_ANNOUNCEMENT";
    public static final String FORBIDDEN_ORGANISATION = "FORBIDDEN_ORGANISATION";
    public static final String NOT_FOUND = "NOT_FOUND";
    /** A ROAZ region in which the service knows no location (the capacity-service's code for the same answer). */
    public static final String UNKNOWN_ROAZ_REGION = "UNKNOWN_ROAZ_REGION";
    /** The platform's code for a value no store downstream could hold (ValueRules); the web answers it with 400. */
    public static final String INVALID_FIELD = "INVALID_FIELD";

    /**
     * How the web answers: 409 for a state conflict, 422 for a request the rules do not allow, 403, 404, and 400 for
     * a value outside the platform's ranges that the edge should have refused already.
     */
    public enum Kind { CONFLICT, UNPROCESSABLE, FORBIDDEN, NOT_FOUND, INVALID }

    private final String code;
    private final Kind kind;

    public StopRejected(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    static StopRejected conflict(String code, String detail) {
        return new StopRejected(Kind.CONFLICT, code, detail);
    }

    static StopRejected unprocessable(String code, String detail) {
        return new StopRejected(Kind.UNPROCESSABLE, code, detail);
    }

    static StopRejected invalid(String detail) {
        return new StopRejected(Kind.INVALID, INVALID_FIELD, detail);
    }

    static StopRejected notFound(String detail) {
        return new StopRejected(Kind.NOT_FOUND, NOT_FOUND, detail);
    }

    static StopRejected unknownRoazRegion(String detail) {
        return new StopRejected(Kind.NOT_FOUND, UNKNOWN_ROAZ_REGION, detail);
    }

    static StopRejected forbiddenOrganisation(String detail) {
        return new StopRejected(Kind.FORBIDDEN, FORBIDDEN_ORGANISATION, detail);
    }
}
