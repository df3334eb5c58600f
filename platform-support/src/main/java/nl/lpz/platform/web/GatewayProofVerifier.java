package nl.lpz.platform.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.proof.ProofCrypto;
import org.springframework.http.HttpStatus;

/**
 * The caller from the gateway's proof ({@link IdentityHeaders#PROOF}): an ES256 JWS by one of the {@link GatewayKeys},
 * not expired, not issued in the future (30 s skew each way), for this request's method and raw path. The caller is
 * built from its claims; the {@code X-Lpz-*} headers beside it are ignored. A refusal says only whether the proof was
 * missing, expired or invalid (ADR 0017).
 */
public final class GatewayProofVerifier implements CallerIdentification {
    static final Duration SKEW = Duration.ofSeconds(30);

    private final GatewayKeys keys;
    private final Clock clock;

    public GatewayProofVerifier(GatewayKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Caller identify(HttpServletRequest request) {
        return verify(request.getHeader(IdentityHeaders.PROOF), request.getMethod(), request.getRequestURI());
    }

    private static ECDSAVerifier verifier(ECPublicKey key) throws JOSEException {
        ECDSAVerifier verifier = new ECDSAVerifier(key);
        verifier.getJCAContext().setProvider(ProofCrypto.provider());
        return verifier;
    }

    /** The caller the proof names, for a request with this method and raw path (no query). */
    public Caller verify(String proof, String method, String rawPath) {
        if (proof == null || proof.isBlank()) {
            throw refused("missing");
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jws = SignedJWT.parse(proof.trim());
            String kid = jws.getHeader().getKeyID();
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || kid == null) {
                throw refused("invalid");
            }
            ECPublicKey key = keys.find(kid);
            if (key == null || !jws.verify(verifier(key))) {
                throw refused("invalid");
            }
            claims = jws.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw refused("invalid");
        }
        Instant now = clock.instant();
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null || issued.toInstant().isAfter(now.plus(SKEW))) {
            throw refused("invalid");
        }
        if (!expires.toInstant().plus(SKEW).isAfter(now)) {
            throw refused("expired");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || !method.equals(stringClaim(claims, IdentityHeaders.CLAIM_METHOD))
                || !rawPath.equals(stringClaim(claims, IdentityHeaders.CLAIM_PATH))) {
            throw refused("invalid");
        }
        return Caller.fromHeaders(subject, stringClaim(claims, IdentityHeaders.CLAIM_ROLES),
                stringClaim(claims, IdentityHeaders.CLAIM_ORGANISATION), stringClaim(claims, IdentityHeaders.CLAIM_REGION));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw refused("invalid");
        }
    }

    private static ApiException refused(String why) {
        return new ApiException(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHENTICATED,
                "a proof of the gateway (" + IdentityHeaders.PROOF + ") is required: " + why);
    }
}
