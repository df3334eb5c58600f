package nl.lpz.contract.proof;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA provider that signs (gateway) and verifies (services) the identity proof's ES256. Every routed request
 * costs one signature and one verification; with JDK 17's SunEC they were most of the CPU a cheap read costs (0.5 ms
 * to sign, 0.95 ms to verify; Bouncy Castle 0.1 ms each). Handed to Nimbus per signer and verifier, never registered
 * in {@link java.security.Security}, so nothing else in the JVM changes provider.
 */
public final class ProofCrypto {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private ProofCrypto() {
    }

    public static Provider provider() {
        return PROVIDER;
    }
}
