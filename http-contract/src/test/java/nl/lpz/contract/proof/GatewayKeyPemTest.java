package nl.lpz.contract.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class GatewayKeyPemTest {
    @Test
    void givenAGeneratedPair_whenThePrivatePemIsRead_thenThePublicKeyIsTheSame() throws Exception {
        KeyPair pair = GatewayKeyPem.generate();

        KeyPair read = GatewayKeyPem.readPrivate(GatewayKeyPem.privatePem(pair));

        assertThat(read.getPublic()).isEqualTo(pair.getPublic());
        assertThat(GatewayKeyPem.readPublic(GatewayKeyPem.publicPem(pair))).isEqualTo(pair.getPublic());
    }

    @Test
    void givenAnOpensslPair_whenThePrivatePemIsRead_thenItsPublicKeyIsTheOpensslPublicKey() throws Exception {
        String privatePem = """
                -----BEGIN PRIVATE KEY-----
                MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkrawiBkBzuZS5OFq
                nefFv6BhD0XxjPavzlEs3Jdw/UWhRANCAAR0c02D1XL6ZQ19xwEPYy5G4ffmDfgC
                CxyFBw3Q7YtfsjpDvnIibtVGXX1d+YiBjqT7DeQaJ8vsGloiytWhiDNH
                -----END PRIVATE KEY-----
                """;
        String publicPem = """
                -----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEdHNNg9Vy+mUNfccBD2MuRuH35g34
                AgschQcN0O2LX7I6Q75yIm7VRl19XfmIgY6k+w3kGifL7BpaIsrVoYgzRw==
                -----END PUBLIC KEY-----
                """;

        assertThat(GatewayKeyPem.readPrivate(privatePem).getPublic()).isEqualTo(GatewayKeyPem.readPublic(publicPem));
    }
}
