package nl.lpz.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nl.lpz.gateway.security.LocalSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @Test
    void givenNoKeyFile_whenLoadedTwice_thenTheSameKeyIsKeptInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("gateway-jwt-key.pem");

        RSAKey first = LocalSigningKey.loadOrCreate(file);
        RSAKey afterRestart = LocalSigningKey.loadOrCreate(file);

        assertThat(afterRestart.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(afterRestart.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).hasSize(1);
        }
    }
}
