package nl.lpz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.contract.Role;
import nl.lpz.contract.proof.GatewayKeyPem;
import nl.lpz.testsupport.identity.GatewayProofs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GatewayProofVerifierTest {
    private static final String PATH = "/api/v1/regions/ROAZ-NHF/capacity";
    private final GatewayProofVerifier verifier = new GatewayProofVerifier(
            new GatewayKeys(List.of(GatewayProofs.PUBLIC_KEY_RESOURCE), Clock.systemUTC()), Clock.systemUTC());
    private final GatewayProofs gateway = GatewayProofs.testKey();

    @Test
    void givenAValidProof_thenTheCallerIsItsClaims() {
        String proof = gateway.sign("rcps-1", "RCPS,UNKNOWN", null, "ROAZ-NHF", "GET", PATH);

        Caller caller = verifier.verify(proof, "GET", PATH);

        assertThat(caller.subject()).isEqualTo("rcps-1");
        assertThat(caller.roles()).containsExactly(Role.RCPS);
        assertThat(caller.region()).isEqualTo("ROAZ-NHF");
        assertThat(caller.organisation()).isNull();
    }

    @Test
    void givenNoProof_then401Missing() {
        assertRefused(null, "GET", PATH, "missing");
        assertRefused(" ", "GET", PATH, "missing");
    }

    @Test
    void givenAProofByAnotherKey_then401Invalid() {
        assertRefused(GatewayProofs.randomKey().sign("x", "ADMIN", null, null, "GET", PATH), "GET", PATH, "invalid");
    }

    @Test
    void givenAnExpiredProof_then401Expired() {
        String proof = gateway.sign("x", "RCPS", null, "ROAZ-NHF", "GET", PATH, Instant.now().minusSeconds(91));

        assertRefused(proof, "GET", PATH, "expired");
    }

    @Test
    void givenAProofWithinTheSkew_thenAccepted() {
        String proof = gateway.sign("x", "RCPS", null, "ROAZ-NHF", "GET", PATH, Instant.now().minusSeconds(80));

        assertThat(verifier.verify(proof, "GET", PATH).subject()).isEqualTo("x");
    }

    @Test
    void givenAProofIssuedInTheFuture_then401Invalid() {
        String proof = gateway.sign("x", "RCPS", null, "ROAZ-NHF", "GET", PATH, Instant.now().plusSeconds(40));

        assertRefused(proof, "GET", PATH, "invalid");
    }

    @Test
    void givenAProofForAnotherPathOrMethod_then401Invalid() {
        String proof = gateway.sign("x", "RCPS", null, "ROAZ-NHF", "GET", PATH);

        assertRefused(proof, "GET", "/api/v1/regions/ROAZ-ZWN/capacity", "invalid");
        assertRefused(proof, "POST", PATH, "invalid");
    }

    @Test
    void givenATamperedProof_then401Invalid() {
        String[] parts = gateway.sign("x", "RCPS", null, "ROAZ-NHF", "GET", PATH).split("\\.");
        String admin = gateway.sign("x", "ADMIN", null, "ROAZ-NHF", "GET", PATH).split("\\.")[1];

        assertRefused(parts[0] + "." + admin + "." + parts[2] + "x", "GET", PATH, "invalid");
        assertRefused("not-a-jws", "GET", PATH, "invalid");
    }

    @Test
    void givenAKeyFileWrittenAfterTheFirstRequest_whenItsKeyIdArrives_thenTheFileIsReadAgain(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path file = dir.resolve("gateway-identity-public.pem");
        GatewayProofVerifier late = new GatewayProofVerifier(
                new GatewayKeys(List.of(file.toString()), Clock.systemUTC()), Clock.systemUTC());
        String proof = gateway.sign("x", "RCPS", null, null, "GET", PATH);
        assertThatThrownBy(() -> late.verify(proof, "GET", PATH)).isInstanceOf(ApiException.class);

        try (var in = getClass().getResourceAsStream("/lpz-test-identity/gateway-identity-public.pem")) {
            Files.write(file, in.readAllBytes());
        }
        Thread.sleep(1100);

        assertThat(late.verify(proof, "GET", PATH).subject()).isEqualTo("x");
    }

    @Test
    void givenTwoKeys_thenAProofByEitherIsAccepted(@TempDir Path dir) throws IOException {
        var second = GatewayKeyPem.generate();
        Path file = dir.resolve("next.pem");
        Files.writeString(file, GatewayKeyPem.publicPem(second));
        Path privateFile = dir.resolve("next-key.pem");
        Files.writeString(privateFile, GatewayKeyPem.privatePem(second));
        GatewayProofVerifier rotating = new GatewayProofVerifier(new GatewayKeys(
                List.of(GatewayProofs.PUBLIC_KEY_RESOURCE, file.toString()), Clock.systemUTC()), Clock.systemUTC());

        assertThat(rotating.verify(gateway.sign("a", "RCPS", null, null, "GET", PATH), "GET", PATH).subject())
                .isEqualTo("a");
        assertThat(rotating.verify(GatewayProofs.fromPem(privateFile).sign("b", "RCPS", null, null, "GET", PATH),
                "GET", PATH).subject()).isEqualTo("b");
    }

    @Test
    void givenIdentityHeadersWithoutProof_whenTheFilterRuns_then401AndTheHeadersAreNotBelieved() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
        request.addHeader(IdentityHeaders.SUBJECT, "intruder");
        request.addHeader(IdentityHeaders.ROLES, "RCPS");
        request.addHeader(IdentityHeaders.REGION, "ROAZ-NHF");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new ApiRequestFilter(verifier).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"code\":\"UNAUTHENTICATED\"")
                .contains("proof of the gateway").contains("missing");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void givenAValidProofAndOtherHeaders_whenTheFilterRuns_thenTheCallerIsTheProofs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
        request.addHeader(IdentityHeaders.SUBJECT, "intruder");
        request.addHeader(IdentityHeaders.ROLES, "ADMIN");
        request.addHeader(IdentityHeaders.PROOF, gateway.sign("rcps", "RCPS", null, "ROAZ-NHF", "GET", PATH));
        MockFilterChain chain = new MockFilterChain();

        new ApiRequestFilter(verifier).doFilter(request, new MockHttpServletResponse(), chain);

        Caller caller = (Caller) chain.getRequest().getAttribute(ApiRequestFilter.CALLER);
        assertThat(caller.subject()).isEqualTo("rcps");
        assertThat(caller.roles()).containsExactly(Role.RCPS);
    }

    private void assertRefused(String proof, String method, String path, String why) {
        assertThatThrownBy(() -> verifier.verify(proof, method, path))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.code()).isEqualTo("UNAUTHENTICATED");
                    assertThat(e.getMessage()).isEqualTo(
                            "a proof of the gateway (X-Lpz-Identity-Proof) is required: " + why);
                });
    }
}
