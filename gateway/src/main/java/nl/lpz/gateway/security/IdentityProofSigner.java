package nl.lpz.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.contract.proof.ProofCrypto;

/**
 * Signs the proof of a relayed caller ({@link IdentityHeaders#PROOF}): ES256 with the gateway's identity key, valid
 * {@link IdentityHeaders#PROOF_LIFETIME_SECONDS} for one method and raw path. ADR 0017.
 */
public final class IdentityProofSigner {
    private final ECKey key;
    private final ECDSASigner signer;
    private final Clock clock;

    public IdentityProofSigner(KeyPair pair, Clock clock) {
        try {
            this.key = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate()).keyIDFromThumbprint().build();
            this.signer = new ECDSASigner(key);
            this.signer.getJCAContext().setProvider(ProofCrypto.provider());
        } catch (JOSEException e) {
            throw new IllegalStateException("the gateway identity key is no usable EC P-256 key", e);
        }
        this.clock = clock;
    }

    /** The key id (RFC 7638 thumbprint) services find the public key by. */
    public String keyId() {
        return key.getKeyID();
    }

    public String sign(Caller caller, String method, String rawPath) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(caller.subject())
                .claim(IdentityHeaders.CLAIM_ROLES, caller.rolesHeader())
                .claim(IdentityHeaders.CLAIM_METHOD, method)
                .claim(IdentityHeaders.CLAIM_PATH, rawPath)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(IdentityHeaders.PROOF_LIFETIME_SECONDS)));
        if (caller.organisation() != null) {
            claims.claim(IdentityHeaders.CLAIM_ORGANISATION, caller.organisation());
        }
        if (caller.region() != null) {
            claims.claim(IdentityHeaders.CLAIM_REGION, caller.region());
        }
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the identity proof", e);
        }
        return jws.serialize();
    }
}
