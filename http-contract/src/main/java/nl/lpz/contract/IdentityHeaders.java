package nl.lpz.contract;

/**
 * Headers by which the gateway relays the verified token's claims to the services. The gateway removes any header
 * with {@link #PREFIX} a client sends and sets them from the validated JWT; services are reachable only through the
 * gateway (loopback locally, NetworkPolicy in Kubernetes). docs/adr/0005-authentication-at-the-gateway.md.
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
