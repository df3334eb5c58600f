package nl.lpz.platform.web;

/**
 * Headers by which the gateway relays the verified token's claims to the services. The gateway removes any such
 * header a client sends and sets them from the validated JWT; services are reachable only through the gateway
 * (loopback locally, NetworkPolicy in Kubernetes). docs/adr/0005-authentication-at-the-gateway.md.
 */
public final class IdentityHeaders {
    public static final String SUBJECT = "X-Lpz-Subject";
    /** Comma-separated role names. */
    public static final String ROLES = "X-Lpz-Roles";
    public static final String ORGANISATION = "X-Lpz-Organisation";
    public static final String REGION = "X-Lpz-Region";

    private IdentityHeaders() {
    }
}
