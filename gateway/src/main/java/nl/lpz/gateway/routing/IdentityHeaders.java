package nl.lpz.gateway.routing;

/**
 * Headers by which the gateway relays the verified token's claims to the services. Same names as
 * {@code nl.lpz.platform.web.IdentityHeaders} (the gateway is WebFlux and does not depend on platform-support).
 */
public final class IdentityHeaders {
    /** Every header with this prefix is the gateway's to set; a client's are removed. */
    public static final String PREFIX = "X-Lpz-";
    public static final String SUBJECT = "X-Lpz-Subject";
    /** Comma-separated role names. */
    public static final String ROLES = "X-Lpz-Roles";
    public static final String ORGANISATION = "X-Lpz-Organisation";
    public static final String REGION = "X-Lpz-Region";

    private IdentityHeaders() {
    }
}
