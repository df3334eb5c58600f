package nl.lpz.platform.web;

/** Stable machine-readable {@code code} values of problem responses that every service uses. */
public final class ProblemCodes {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN_ROLE = "FORBIDDEN_ROLE";
    public static final String FORBIDDEN_ORGANISATION = "FORBIDDEN_ORGANISATION";
    public static final String FORBIDDEN_REGION = "FORBIDDEN_REGION";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_ID = "INVALID_ID";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String CONFLICT = "CONFLICT";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ProblemCodes() {
    }

    /** The problem {@code type} URI of a code. */
    public static String typeOf(String code) {
        return "urn:lpz:problem:" + code.toLowerCase().replace('_', '-');
    }
}
