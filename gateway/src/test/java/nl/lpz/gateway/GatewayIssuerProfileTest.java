package nl.lpz.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway outside the {@code local} profile: tokens come from an external issuer, validated by its JWK set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayIssuerProfileTest {

    static final RSAKey ISSUER_KEY = Tokens.newKey();
    static final String ISSUER = "https://login.example.test/realms/lpz";
    static final StubBackend IDENTITY_PROVIDER = StubBackend.start("idp")
            .jwks(new JWKSet(ISSUER_KEY.toPublicJWK()).toString());
    static final StubBackend CAPACITY = StubBackend.start("capacity");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> IDENTITY_PROVIDER.url() + "/jwks");
        registry.add("lpz.services.capacity-url", CAPACITY::url);
        registry.add("lpz.identity.signing-key", () -> "classpath:identity/gateway-identity-key.pem");
        registry.add("lpz.gateway.dashboard.oidc.issuer", () -> ISSUER + "/");
        registry.add("lpz.gateway.dashboard.oidc.client-id", () -> "lpz-dashboard");
        registry.add("lpz.gateway.dashboard.oidc.scope", () -> "openid profile");
    }

    @AfterAll
    static void stop() {
        IDENTITY_PROVIDER.close();
        CAPACITY.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void givenNoLocalProfile_whenRequestingDevToken_then404Problem() {
        client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"u\",\"roles\":[\"ADMIN\"]}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void givenNoLocalProfile_whenReadingDashboardConfig_thenOidcWithIssuerAndClient() {
        client.get().uri("/dashboard/config.json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.signIn").isEqualTo("oidc")
                .jsonPath("$.issuer").isEqualTo(ISSUER)
                .jsonPath("$.clientId").isEqualTo("lpz-dashboard")
                .jsonPath("$.scope").isEqualTo("openid profile");
    }

    @Test
    void givenTokenOfTheConfiguredIssuer_whenCallingApi_thenForwardedWithItsClaims() {
        String token = Tokens.sign(ISSUER_KEY, ISSUER, "nurse-7", List.of("HOSPITAL"), "100101",
                Instant.now().plusSeconds(600));

        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("capacity")
                .jsonPath("$.identity['x-lpz-subject']").isEqualTo("nurse-7")
                .jsonPath("$.identity['x-lpz-organisation']").isEqualTo("100101");
    }

    @Test
    void givenTokenSignedWithAnUnknownKey_whenCallingApi_then401Problem() {
        String token = Tokens.sign(Tokens.newKey(), ISSUER, "mallory", List.of("ADMIN"), "100101",
                Instant.now().plusSeconds(600));

        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void givenTokenWithAnOrganisationOutsideTheIdPattern_whenCallingApi_then401Problem() {
        String token = Tokens.sign(ISSUER_KEY, ISSUER, "nurse-8", List.of("HOSPITAL"), "100101\r\nX-Evil: 1",
                Instant.now().plusSeconds(600));

        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }
}
