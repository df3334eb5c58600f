package nl.lpz.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import nl.lpz.contract.proof.GatewayKeyPem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class IdentityKeyConfigTest {
    private final IdentityKeyConfig config = new IdentityKeyConfig();

    @Test
    void givenNoSigningKeyOutsideTheLocalProfile_whenStarting_thenRefusedNamingTheSetting(@TempDir Path dir) {
        assertThatThrownBy(() -> config.identityProofSigner("", new LocalDataProperties(dir), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lpz.identity.signing-key");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void givenTheLocalProfileWithoutAKey_whenStarting_thenAPairIsKeptInTheDataDirAndReusedAfterARestart(
            @TempDir Path dir) throws Exception {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        Path data = dir.resolve("data");

        String first = config.identityProofSigner("", new LocalDataProperties(data), local).keyId();
        String second = config.identityProofSigner("", new LocalDataProperties(data), local).keyId();

        assertThat(second).isEqualTo(first);
        KeyPair pair = GatewayKeyPem.readPrivate(Files.readString(data.resolve("gateway-identity-key.pem")));
        assertThat(GatewayKeyPem.readPublic(Files.readString(data.resolve("gateway-identity-public.pem"))))
                .isEqualTo(pair.getPublic());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("gateway-identity-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void givenASigningKeyFile_whenStarting_thenItsKeyIsUsedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        KeyPair pair = GatewayKeyPem.generate();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, GatewayKeyPem.privatePem(pair));
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        IdentityProofSigner signer = config.identityProofSigner(key.toString(),
                new LocalDataProperties(dir.resolve("data")), local);

        assertThat(signer.keyId()).isEqualTo(new IdentityProofSigner(pair, java.time.Clock.systemUTC()).keyId());
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
