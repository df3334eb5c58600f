package nl.lpz.contract.proof;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The gateway's identity key (EC P-256) as PEM: the private key as PKCS#8 ({@code openssl pkcs8 -topk8}), the public
 * key as X.509 SubjectPublicKeyInfo ({@code openssl ec -pubout}). ADR 0017.
 */
public final class GatewayKeyPem {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private GatewayKeyPem() {
    }

    /** A new P-256 key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** The key pair of a PKCS#8 PEM private key (the public key is computed from it). */
    public static KeyPair readPrivate(String pem) throws IOException {
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE)));
            ECPoint w = multiply(privateKey.getParams().getGenerator(), privateKey.getS(),
                    privateKey.getParams().getCurve());
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(w, privateKey.getParams()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not a PKCS#8 EC private key", e);
        }
    }

    public static ECPublicKey readPublic(String pem) throws IOException {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not an X.509 EC public key", e);
        }
    }

    public static String privatePem(KeyPair pair) {
        return pem(PRIVATE, pair.getPrivate().getEncoded());
    }

    public static String publicPem(KeyPair pair) {
        return pem(PUBLIC, pair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException("not a PEM " + type.toLowerCase());
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /**
     * k·G on a prime-field curve (affine double-and-add). The JDK offers no public-key derivation; this runs once,
     * when the key is loaded, so its timing reveals nothing a caller could measure.
     */
    static ECPoint multiply(ECPoint g, BigInteger k, EllipticCurve curve) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = g;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, curve.getA());
            }
            addend = add(addend, addend, p, curve.getA());
        }
        return result;
    }

    private static ECPoint add(ECPoint a, ECPoint b, BigInteger p, BigInteger curveA) {
        if (a.equals(ECPoint.POINT_INFINITY)) {
            return b;
        }
        if (b.equals(ECPoint.POINT_INFINITY)) {
            return a;
        }
        BigInteger x1 = a.getAffineX();
        BigInteger y1 = a.getAffineY();
        BigInteger x2 = b.getAffineX();
        BigInteger y2 = b.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(curveA)
                    .multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
