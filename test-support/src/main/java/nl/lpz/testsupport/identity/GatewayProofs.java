package nl.lpz.testsupport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.contract.proof.GatewayKeyPem;

/**
 * Signs identity proofs as the gateway does ({@link IdentityHeaders#PROOF}, ADR 0017), for tests that call a service
 * without the gateway: with the fixed test key ({@link #testKey()}, which every service test context trusts through
 * {@link TestIdentityEnvironment}) or a platform's own key ({@link #fromPem(Path)}).
 */
public final class GatewayProofs {
    public static final String PUBLIC_KEY_RESOURCE = "classpath:lpz-test-identity/gateway-identity-public.pem";
    public static final String PRIVATE_KEY_RESOURCE = "classpath:lpz-test-identity/gateway-identity-key.pem";
    private static final GatewayProofs TEST_KEY = new GatewayProofs(readTestKey());

    private final ECKey key;

    private GatewayProofs(KeyPair pair) {
        try {
            this.key = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate()).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixed test key the service test contexts trust. */
    public static GatewayProofs testKey() {
        return TEST_KEY;
    }

    /** Another key pair, which no service trusts. */
    public static GatewayProofs randomKey() {
        return new GatewayProofs(GatewayKeyPem.generate());
    }

    /** The gateway key in this PKCS#8 PEM file. */
    public static GatewayProofs fromPem(Path privateKey) {
        try {
            return new GatewayProofs(GatewayKeyPem.readPrivate(Files.readString(privateKey, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway key " + privateKey, e);
        }
    }

    /** A proof issued now for this caller and request. */
    public String sign(String subject, String roles, String organisation, String region, String method,
                       String rawPath) {
        return sign(subject, roles, organisation, region, method, rawPath, Instant.now());
    }

    public String sign(String subject, String roles, String organisation, String region, String method,
                       String rawPath, Instant issuedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim(IdentityHeaders.CLAIM_ROLES, roles == null ? "" : roles)
                .claim(IdentityHeaders.CLAIM_METHOD, method)
                .claim(IdentityHeaders.CLAIM_PATH, rawPath)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(IdentityHeaders.PROOF_LIFETIME_SECONDS)));
        if (organisation != null) {
            claims.claim(IdentityHeaders.CLAIM_ORGANISATION, organisation);
        }
        if (region != null) {
            claims.claim(IdentityHeaders.CLAIM_REGION, region);
        }
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /**
     * A copy of this request with a proof of the caller its {@code X-Lpz-*} headers name (none when it names no
     * subject).
     */
    public HttpRequest signed(HttpRequest request) {
        var headers = request.headers();
        String subject = headers.firstValue(IdentityHeaders.SUBJECT).orElse(null);
        if (subject == null) {
            return request;
        }
        URI uri = request.uri();
        String proof = sign(subject, headers.firstValue(IdentityHeaders.ROLES).orElse(null),
                headers.firstValue(IdentityHeaders.ORGANISATION).orElse(null),
                headers.firstValue(IdentityHeaders.REGION).orElse(null), request.method(), uri.getRawPath());
        return HttpRequest.newBuilder(request, (name, value) -> true).setHeader(IdentityHeaders.PROOF, proof).build();
    }

    private static KeyPair readTestKey() {
        String resource = PRIVATE_KEY_RESOURCE.substring("classpath:".length());
        try (InputStream in = GatewayProofs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return GatewayKeyPem.readPrivate(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
