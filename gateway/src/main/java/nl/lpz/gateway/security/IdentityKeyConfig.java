package nl.lpz.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Arrays;
import nl.lpz.contract.proof.GatewayKeyPem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * The key that signs the identity proofs ({@link IdentityProofSigner}, ADR 0017): {@code lpz.identity.signing-key}
 * (a PKCS#8 PEM EC P-256 private key; a {@code classpath:} resource for tests). Without it, the {@code local} profile
 * keeps one in {@code ${lpz.data-dir}/gateway-identity-key.pem}, with its public key beside it as
 * {@code gateway-identity-public.pem} for the services; any other profile refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeyConfig {
    static final String PROPERTY = "lpz.identity.signing-key";
    static final String KEY_FILE = "gateway-identity-key.pem";
    static final String PUBLIC_FILE = "gateway-identity-public.pem";

    @Bean
    IdentityProofSigner identityProofSigner(@Value("${" + PROPERTY + ":}") String location, LocalDataProperties local,
                                            Environment environment) {
        if (!location.isBlank()) {
            return new IdentityProofSigner(read(location), Clock.systemUTC());
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
            return new IdentityProofSigner(loadOrCreate(local.dataDir()), Clock.systemUTC());
        }
        throw new IllegalStateException(PROPERTY + " is not set: the gateway needs its identity key (PKCS#8 PEM,"
                + " EC P-256) to sign the proofs the services require; docs/deployment.md, \"Secrets to create\"");
    }

    static KeyPair read(String location) {
        try {
            String pem;
            if (location.startsWith("classpath:")) {
                try (InputStream in = new ClassPathResource(location.substring("classpath:".length())).getInputStream()) {
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } else {
                pem = Files.readString(Path.of(location.startsWith("file:") ? location.substring(5) : location),
                        StandardCharsets.US_ASCII);
            }
            return GatewayKeyPem.readPrivate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway identity key " + location + " (" + PROPERTY + ")", e);
        }
    }

    /** The pair in {@code dir}, created when missing; the public key file is (re)written to match. */
    static KeyPair loadOrCreate(Path dir) {
        Path keyFile = dir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(keyFile)) {
                writeAtomically(keyFile, GatewayKeyPem.privatePem(GatewayKeyPem.generate()), true);
            }
            KeyPair pair = GatewayKeyPem.readPrivate(Files.readString(keyFile, StandardCharsets.US_ASCII));
            Path publicFile = dir.resolve(PUBLIC_FILE);
            String publicPem = GatewayKeyPem.publicPem(pair);
            if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(publicPem)) {
                writeAtomically(publicFile, publicPem, false);
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the gateway identity key in " + dir, e);
        }
    }

    private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".gateway-identity", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            if (!ownerOnly) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            // a link, unlike a rename, never replaces: a gateway starting at the same moment may win, and then both
            // use its key
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            // keep the existing key
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
