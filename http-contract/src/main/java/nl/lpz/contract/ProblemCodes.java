package nl.lpz.contract;

import java.util.Locale;

/** Stable machine-readable {@code code} values of the problem answers that the gateway and every service give. */
public final class ProblemCodes {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN_ROLE = "FORBIDDEN_ROLE";
    public static final String FORBIDDEN_ORGANISATION = "FORBIDDEN_ORGANISATION";
    public static final String FORBIDDEN_REGION = "FORBIDDEN_REGION";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_ID = "INVALID_ID";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String CONFLICT = "CONFLICT";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    /** 429: a client or organisation over its request rate (with Retry-After); ADR 0016. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** 429: a client with as many open event streams as it may have; ADR 0016. */
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ProblemCodes() {
    }

    /** The problem {@code type} URI of a code. */
    public static String typeOf(String code) {
        return "urn:lpz:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The code of a status answered without a more specific one. */
    public static String ofStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN_ROLE;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
