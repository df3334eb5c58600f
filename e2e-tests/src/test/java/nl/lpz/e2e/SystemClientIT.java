package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hospital system as docs/system-clients.md enrols it, against a real identity provider
 * ({@link ReferenceIdentityProvider}, Spring Security's authorization server) and a gateway outside the {@code local}
 * profile that trusts only that provider: the system signs a client assertion with its own key ({@code
 * private_key_jwt}, ES256), gets an access token with the client-credentials grant and writes bed events for its own
 * organisation, and only for it. The hospital publishes its public keys as a JWK set; the key rotation of the
 * document (new key beside the old, then the old removed) runs without a failed token request.
 */
class SystemClientIT {
    private static final String CLIENT = "epd-e2e-amc-01";
    private static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static HttpServer hospitalKeys;
    private static volatile JWKSet published;
    private static ECKey firstKey;
    private static ReferenceIdentityProvider idp;
    private static ServiceProcess gateway;

    @BeforeAll
    static void enrolTheHospitalSystem() throws IOException, JOSEException {
        Platform.get();
        firstKey = newKey("amc-epd-2026-1");
        published = new JWKSet(firstKey.toPublicJWK());
        hospitalKeys = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hospitalKeys.createContext("/jwks.json", exchange -> {
            byte[] body = published.toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hospitalKeys.start();
        String jwksUrl = "http://127.0.0.1:" + hospitalKeys.getAddress().getPort() + "/jwks.json";
        idp = ReferenceIdentityProvider.start(List.of(
                new ReferenceIdentityProvider.SystemClient(CLIENT, AMC_ORG, jwksUrl)));
        gateway = Platform.startGatewayAgainst(idp.issuer(), idp.jwkSetUri(), "gateway-idp", List.of());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (idp != null) {
            idp.close();
        }
        if (hospitalKeys != null) {
            hospitalKeys.stop(0);
        }
    }

    @Test
    void givenAnEnrolledHospitalSystem_whenItGetsATokenWithItsSignedAssertion_thenItWritesForItsOwnOrganisationOnly()
            throws Exception {
        HttpResponse<String> granted = requestToken(firstKey);

        assertThat(granted.statusCode()).as("token request: %s", granted.body()).isEqualTo(200);
        JsonNode answer = Api.JSON.readTree(granted.body());
        assertThat(answer.path("token_type").asText()).isEqualToIgnoringCase("Bearer");
        String token = answer.path("access_token").asText();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(CLIENT);
        assertThat(claims.getStringListClaim("roles")).containsExactly("EPD_SYSTEM");
        assertThat(claims.getStringClaim("organisation")).isEqualTo(AMC_ORG);
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plus(Duration.ofMinutes(6)));

        String own = Lpz.newLocation(AMC_ORG);
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> pushed = push(token, Bed.batch(Bed.at(own, "IC", "x", "IC_BEADEMD").bed("ic-1")
                .available().at(at)));
        assertThat(pushed.statusCode()).as("own organisation's push: %s", pushed.body()).isEqualTo(202);
        assertThat(Api.JSON.readTree(pushed.body()).path("accepted").asInt()).isEqualTo(1);
        Lpz.awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, own, l -> Lpz.assertFigures(l.get("totals"), 1, 1, 0));

        String other = Lpz.newLocation(VUMC_ORG);
        HttpResponse<String> refused = push(token, Bed.batch(Bed.at(other, "IC", "x", "IC_BEADEMD").bed("ic-1")
                .available().at(at)));
        assertThat(refused.statusCode()).as("another organisation's push: %s", refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("FORBIDDEN_ORGANISATION");
    }

    @Test
    void givenAnAssertionSignedWithAKeyTheHospitalNeverPublished_whenItAsksForAToken_thenItIsRefused()
            throws Exception {
        HttpResponse<String> refused = requestToken(newKey("stolen-or-made-up"));

        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_client");
    }

    @Test
    void givenTheHospitalRotatesItsKey_whenTheNewKeyIsPublishedBesideTheOld_thenNoTokenRequestFailsOnTheWay()
            throws Exception {
        ECKey next = newKey("amc-epd-2026-2");
        published = new JWKSet(List.of(firstKey.toPublicJWK(), next.toPublicJWK()));
        try {
            assertThat(requestToken(firstKey).statusCode()).as("the old key while both are published").isEqualTo(200);
            HttpResponse<String> withNext = requestToken(next);
            assertThat(withNext.statusCode()).as("the new key: %s", withNext.body()).isEqualTo(200);

            published = new JWKSet(next.toPublicJWK());
            HttpResponse<String> afterwards = requestToken(next);
            assertThat(afterwards.statusCode()).as("the new key alone: %s", afterwards.body()).isEqualTo(200);
            String token = Api.JSON.readTree(afterwards.body()).path("access_token").asText();
            String own = Lpz.newLocation(AMC_ORG);
            assertThat(push(token, Bed.batch(Bed.at(own, "IC", "x", "IC_BEADEMD").bed("ic-1").available()
                    .at(Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS)))).statusCode())
                    .as("a token of the rotated key writes").isEqualTo(202);
        } finally {
            published = new JWKSet(List.of(firstKey.toPublicJWK(), next.toPublicJWK()));
        }
    }

    /** The client-credentials grant with a {@code private_key_jwt} assertion (RFC 7523), as the hospital system sends. */
    private static HttpResponse<String> requestToken(ECKey key) throws JOSEException, IOException, InterruptedException {
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT).audience(idp.tokenEndpoint())
                        .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(60))).build());
        assertion.sign(new ECDSASigner(key));
        String form = "grant_type=client_credentials&client_id=" + enc(CLIENT)
                + "&client_assertion_type=" + enc(CLIENT_ASSERTION_TYPE)
                + "&client_assertion=" + enc(assertion.serialize());
        return Api.HTTP.send(HttpRequest.newBuilder(URI.create(idp.tokenEndpoint())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> push(String token, Object batch) throws IOException, InterruptedException {
        return Api.HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/bed-events"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.text(batch))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ECKey newKey(String keyId) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
