package nl.lpz.contract;

/**
 * Headers by which the gateway relays the verified token's claims to the services. The gateway removes any header
 * with {@link #PREFIX} a client sends and sets them from the validated JWT, with a signed {@link #PROOF} that services
 * verify (docs/adr/0005-authentication-at-the-gateway.md, docs/adr/0017-gateway-proof-of-identity.md).
 */
public final class IdentityHeaders {
    /** Every header with this prefix is the gateway's to set; a client's are removed. */
    public static final String PREFIX = "X-Lpz-";
    public static final String SUBJECT = "X-Lpz-Subject";
    /** Comma-separated role names. */
    public static final String ROLES = "X-Lpz-Roles";
    public static final String ORGANISATION = "X-Lpz-Organisation";
    public static final String REGION = "X-Lpz-Region";
    /**
     * The gateway's proof of the caller: a compact JWS (ES256, header {@code kid} = RFC 7638 thumbprint of the
     * gateway's key) with the claims {@code sub}, {@code roles} (as {@link #ROLES}), {@code org}, {@code region},
     * {@code htm} (HTTP method), {@code htu} (raw request path without query), {@code iat} and {@code exp}
     * ({@code iat} + {@link #PROOF_LIFETIME_SECONDS}). Services build the caller from it, never from the headers
     * above. docs/adr/0017-gateway-proof-of-identity.md.
     */
    public static final String PROOF = "X-Lpz-Identity-Proof";
    public static final long PROOF_LIFETIME_SECONDS = 60;
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_ORGANISATION = "org";
    public static final String CLAIM_REGION = "region";
    public static final String CLAIM_METHOD = "htm";
    public static final String CLAIM_PATH = "htu";

    private IdentityHeaders() {
    }
}
