package nl.lpz.platform.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * The gateway's public keys ({@code lpz.identity.gateway-public-keys}: PEM files or {@code classpath:} resources),
 * by RFC 7638 thumbprint. Read on first use and cached; a key id not in the cache re-reads the files (at most once a
 * second), so a service started before the gateway finds the key the gateway creates, and a rotated key is found.
 */
public final class GatewayKeys {
    private static final Logger log = LoggerFactory.getLogger(GatewayKeys.class);
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final Duration REREAD_INTERVAL = Duration.ofSeconds(1);

    private final List<String> locations;
    private final Clock clock;
    private Map<String, ECPublicKey> byKid;
    private Instant lastRead = Instant.MIN;

    public GatewayKeys(List<String> locations, Clock clock) {
        this.locations = List.copyOf(locations);
        this.clock = clock;
    }

    /** The key with this thumbprint, or null when none of the configured files holds it. */
    public synchronized ECPublicKey find(String kid) {
        if (byKid == null || (!byKid.containsKey(kid) && !lastRead.plus(REREAD_INTERVAL).isAfter(clock.instant()))) {
            byKid = read();
            lastRead = clock.instant();
        }
        return byKid.get(kid);
    }

    private Map<String, ECPublicKey> read() {
        Map<String, ECPublicKey> keys = new HashMap<>();
        for (String location : locations) {
            try {
                ECPublicKey key = parse(readPem(location));
                keys.put(thumbprint(key), key);
            } catch (NoSuchFileException e) {
                log.debug("gateway public key {} does not exist (yet)", location);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot read the gateway public key {}: {}", location, e.getMessage());
            }
        }
        return keys;
    }

    private static String readPem(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            ClassPathResource resource = new ClassPathResource(location.substring("classpath:".length()));
            if (!resource.exists()) {
                throw new NoSuchFileException(location);
            }
            try (InputStream in = resource.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    }

    /** An EC P-256 public key from X.509 SubjectPublicKeyInfo PEM. */
    public static ECPublicKey parse(String pem) throws IOException {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException("not a PEM public key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not an EC public key", e);
        }
    }

    /** The RFC 7638 thumbprint the gateway puts in a proof's {@code kid}. */
    public static String thumbprint(ECPublicKey key) {
        try {
            return new ECKey.Builder(Curve.P_256, key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
