package nl.lpz.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import nl.lpz.contract.proof.GatewayKeyPem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.gateway.security.LocalSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The gateway in the {@code local} profile, in front of stub backends: capacity and reporting answer, stop-service
 * is down. Backend time limit 1 s; circuit breakers open after 4 calls with half of them failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class GatewayLocalProfileTest {

    static final StubBackend CAPACITY = StubBackend.start("capacity").apiDocs(ApiDocsFixtures.CAPACITY);
    static final StubBackend REPORTING = StubBackend.start("reporting").apiDocs(ApiDocsFixtures.REPORTING);
    static final int DOWN_PORT = freePort();
    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("lpz.services.capacity-url", CAPACITY::url);
        registry.add("lpz.services.reporting-url", REPORTING::url);
        registry.add("lpz.services.stop-url", () -> "http://127.0.0.1:" + DOWN_PORT);
        registry.add("lpz.data-dir", DATA_DIR::toString);
        registry.add("lpz.gateway.backend-timeout", () -> "1s");
        registry.add("lpz.gateway.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("lpz.gateway.circuit-breaker.minimum-number-of-calls", () -> "4");
    }

    @AfterAll
    static void stopBackends() {
        CAPACITY.close();
        REPORTING.close();
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    // --- authentication and identity ---

    @Test
    void givenTokenFromDevTokens_whenCallingCapacity_thenForwardedWithIdentityHeadersAndWithoutTheToken() {
        String token = devToken("{\"sub\":\"user-1\",\"roles\":[\"HOSPITAL\",\"EPD_SYSTEM\"],"
                + "\"organisation\":\"100101\",\"region\":\"ROAZ-NHF\"}");

        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("capacity")
                .jsonPath("$.path").isEqualTo("/api/v1/locations/100101")
                .jsonPath("$.identity['x-lpz-subject']").isEqualTo("user-1")
                .jsonPath("$.identity['x-lpz-roles']").isEqualTo("HOSPITAL,EPD_SYSTEM")
                .jsonPath("$.identity['x-lpz-organisation']").isEqualTo("100101")
                .jsonPath("$.identity['x-lpz-region']").isEqualTo("ROAZ-NHF")
                .jsonPath("$.authorization").isEqualTo(false);
    }

    @Test
    void givenAMidwifeTokenFromDevTokens_whenRecordingRefusals_thenForwardedToCapacityWithPracticeAndRegion() {
        String token = devToken("{\"sub\":\"vk-1\",\"roles\":[\"MIDWIFE\"],"
                + "\"organisation\":\"VP-Waterland\",\"region\":\"ROAZ-NHF\"}");

        client.post().uri("/api/v1/birth-care/refusals").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("capacity")
                .jsonPath("$.identity['x-lpz-roles']").isEqualTo("MIDWIFE")
                .jsonPath("$.identity['x-lpz-organisation']").isEqualTo("VP-Waterland")
                .jsonPath("$.identity['x-lpz-region']").isEqualTo("ROAZ-NHF");
    }

    @Test
    void givenATokenAndAForgedProof_whenForwarded_thenTheRequestCarriesTheGatewaysProofOfTheClaimsForItsMethodAndPath()
            throws Exception {
        String token = devToken("{\"sub\":\"user-3\",\"roles\":[\"HOSPITAL\",\"EPD_SYSTEM\"],"
                + "\"organisation\":\"100101\",\"region\":\"ROAZ-NHF\"}");
        Instant before = Instant.now().minusSeconds(1);

        String proof = client.post().uri("/api/v1/bed-events?dryRun=1").header("Authorization", "Bearer " + token)
                .header("X-Lpz-Identity-Proof", "forged.proof.value")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().get("identity") instanceof Map<?, ?> identity
                ? (String) identity.get("x-lpz-identity-proof") : null;

        assertThat(proof).isNotNull().doesNotContain("forged");
        SignedJWT jws = SignedJWT.parse(proof);
        ECPublicKey published = GatewayKeyPem.readPublic(
                Files.readString(DATA_DIR.resolve("gateway-identity-public.pem")));
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getKeyID())
                .isEqualTo(new ECKey.Builder(Curve.P_256, published).build().computeThumbprint().toString());
        JWTClaimsSet claims = jws.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("user-3");
        assertThat(claims.getStringClaim("roles")).isEqualTo("HOSPITAL,EPD_SYSTEM");
        assertThat(claims.getStringClaim("org")).isEqualTo("100101");
        assertThat(claims.getStringClaim("region")).isEqualTo("ROAZ-NHF");
        assertThat(claims.getStringClaim("htm")).isEqualTo("POST");
        assertThat(claims.getStringClaim("htu")).isEqualTo("/api/v1/bed-events");
        assertThat(claims.getIssueTime().toInstant()).isAfter(before);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givenClientSentIdentityHeaders_whenForwarded_thenTheyAreReplacedByTheClaims() {
        String token = devToken("{\"sub\":\"user-2\",\"roles\":[\"HOSPITAL\"],\"organisation\":\"100101\"}");

        client.get().uri("/api/v1/locations/100101")
                .header("Authorization", "Bearer " + token)
                .header("X-Lpz-Organisation", "999999")
                .header("x-lpz-roles", "ADMIN")
                .header("X-Lpz-Region", "ROAZ-XX")
                .header("X-Lpz-Anything", "spoofed")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.identity['x-lpz-organisation']").isEqualTo("100101")
                .jsonPath("$.identity['x-lpz-roles']").isEqualTo("HOSPITAL")
                .jsonPath("$.identity['x-lpz-region']").doesNotExist()
                .jsonPath("$.identity['x-lpz-anything']").doesNotExist();
    }

    @Test
    void givenNoToken_whenCallingApi_then401ProblemWithBearerChallenge() {
        client.get().uri("/api/v1/locations/100101").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").exists();
    }

    /**
     * The reference data (safety regions, norm times) is read with a token like every other {@code /api} path: the
     * dashboard's local sign-in picker reads it with its short-lived dev token, OIDC users after signing in.
     */
    @ParameterizedTest(name = "GET {0} without a token -> 401, nothing forwarded")
    @CsvSource({
            "/api/v1/safety-regions",
            "/api/v1/regions/ROAZ-NHF/norm-times",
            "/api/v1/safety-regions/VR13/locations",
    })
    void givenNoToken_whenReadingReferenceData_then401AndNothingForwarded(String path) {
        int before = CAPACITY.hits(path);
        client.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertThat(CAPACITY.hits(path)).isEqualTo(before);
    }

    @Test
    void givenThePickersDevToken_whenListingTheSafetyRegions_thenForwardedToCapacityWithItsIdentity() {
        String picker = devToken("{\"sub\":\"dashboard-picker\",\"roles\":[\"ADMIN\"]}");
        client.get().uri("/api/v1/safety-regions").header("Authorization", "Bearer " + picker)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("capacity")
                .jsonPath("$.path").isEqualTo("/api/v1/safety-regions")
                .jsonPath("$.identity['x-lpz-subject']").isEqualTo("dashboard-picker")
                .jsonPath("$.identity['x-lpz-roles']").isEqualTo("ADMIN");
    }

    @Test
    void givenMalformedToken_whenCallingApi_then401Problem() {
        expectUnauthenticated("not-a-jwt");
    }

    @Test
    void givenTokenSignedWithAnotherKey_whenCallingApi_then401Problem() {
        String forged = Tokens.sign(Tokens.newKey(), "lpz-gateway-local", "mallory", List.of("ADMIN"), "100101",
                Instant.now().plusSeconds(600));
        expectUnauthenticated(forged);
    }

    @Test
    void givenExpiredToken_whenCallingApi_then401Problem() {
        devToken("{\"sub\":\"warm-up\"}");
        RSAKey localKey = LocalSigningKey.loadOrCreate(DATA_DIR.resolve("gateway-jwt-key.pem"));
        String expired = Tokens.sign(localKey, "lpz-gateway-local", "user-3", List.of("HOSPITAL"), "100101",
                Instant.now().minusSeconds(600));
        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + expired)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("expired"));
    }

    @Test
    void givenTokenSignedWithTheKeyFile_whenCallingApi_thenAccepted() {
        devToken("{\"sub\":\"warm-up\"}");
        RSAKey localKey = LocalSigningKey.loadOrCreate(DATA_DIR.resolve("gateway-jwt-key.pem"));
        String token = Tokens.sign(localKey, "lpz-gateway-local", "user-4", List.of("MKA", "UNKNOWN_ROLE"), null,
                Instant.now().plusSeconds(600));
        client.get().uri("/api/v1/safety-regions/VR13/locations").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.identity['x-lpz-roles']").isEqualTo("MKA")
                .jsonPath("$.identity['x-lpz-organisation']").doesNotExist();
    }

    @Test
    void givenLocalProfile_whenReadingDashboardConfig_thenDevSignInWithoutToken() {
        client.get().uri("/dashboard/config.json")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.signIn").isEqualTo("dev")
                .jsonPath("$.issuer").doesNotExist();
    }

    @Test
    void givenUnknownRole_whenRequestingDevToken_then400InvalidField() {
        client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"u\",\"roles\":[\"HOSPITAL\",\"SUPERUSER\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_FIELD")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("SUPERUSER"));
    }

    @Test
    void givenMalformedJson_whenRequestingDevToken_then400MalformedRequest() {
        client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    // --- routing ---

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "PUT,  /api/v1/locations/100101,                   capacity",
            "PUT,  /api/v1/locations/100101/beds,              capacity",
            "POST, /api/v1/bed-events,                         capacity",
            "PUT,  /api/v1/organisations/100101/visibility,    capacity",
            "GET,  /api/v1/code-lists/labels,                  capacity",
            "GET,  /api/v1/safety-regions,                     capacity",
            "GET,  /api/v1/regions/ROAZ-NHF/locations,         capacity",
            "GET,  /api/v1/safety-regions/VR13/locations,      capacity",
            "GET,  /api/v1/regions/ROAZ-NHF/capacity,          reporting",
            "GET,  /api/v1/safety-regions/VR13/stops,          reporting",
            "GET,  /api/v1/rcps/ROAZ-NHF/daily,                reporting",
            "GET,  /api/v1/lcps/feed,                          reporting",
            "GET,  /api/v1/lcps/children-icu,                  reporting",
            "GET,  /api/v1/acute-care-map/reachability,        capacity",
            "POST, /api/v1/acute-care-map/scenarios,           capacity",
            "GET,  /api/v1/acute-care-map/replay,              reporting",
            "GET,  /api/v1/acute-care-map/locations,           reporting",
            "GET,  /api/v1/acute-care-map/areas,               capacity",
            "GET,  /api/v1/locations/100101/profile,           reporting",
            "GET,  /api/v1/public/capacity,                    reporting",
            "GET,  /api/v1/stop-statistics,                    reporting",
            "GET,  /api/v1/compliance/modules,                 reporting",
            "POST, /api/v1/validation/submissions,             reporting",
            "POST, /api/v1/birth-care/refusals,                capacity",
            "GET,  /api/v1/birth-care/refusals/mine,           reporting",
            "GET,  /api/v1/locations/100101/refusals,          reporting",
            "GET,  /api/v1/regions/ROAZ-NHF/refusals/monthly,  reporting",
    })
    void givenServicePath_whenCalled_thenRoutedToItsService(String method, String path, String service) {
        client.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path)
                .jsonPath("$.method").isEqualTo(method);
    }

    @ParameterizedTest(name = "{0} {1} -> stop-service")
    @CsvSource({
            "POST, /api/v1/stops",
            "POST, /api/v1/stops/s-1/extend",
            "POST, /api/v1/stop-announcements",
            "POST, /api/v1/safety-regions/VR13/stops/lapse",
            "GET,  /api/v1/regions/ROAZ-NHF/norm-times",
    })
    void givenStopPath_whenStopServiceIsDown_then503ProblemNamingStopService(String method, String path) {
        client.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:service-unavailable")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("stop-service"));
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @CsvSource({
            "GET,  /api/v1/unknown",
            "GET,  /api/v2/locations/100101",
            "POST, /api/v1/safety-regions/VR13/stops",
            "GET,  /api/v1/regions/ROAZ-NHF",
    })
    void givenUnroutedApiPath_whenCalled_then404NotFoundProblem(String method, String path) {
        client.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + anyToken())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:not-found");
    }

    @Test
    void givenPathWithEncodedSlash_whenCalled_then400ProblemAndNothingForwarded() {
        client.get().uri("/api/v1/locations/{id}/beds", "../../internal").header("Authorization", "Bearer " + anyToken())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void givenBackendProblem_whenForwarded_thenItPassesThroughUnchanged() {
        client.get().uri("/api/v1/locations/problem").header("Authorization", "Bearer " + anyToken())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json("{\"type\":\"urn:lpz:problem:forbidden-organisation\",\"title\":\"Forbidden\","
                        + "\"status\":403,\"detail\":\"not yours\",\"code\":\"FORBIDDEN_ORGANISATION\"}", true);
    }

    // --- limits and resilience ---

    @Test
    void givenDeclaredBodyOver1MiB_whenPosting_then413Problem() {
        client.post().uri("/api/v1/bed-events").header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:payload-too-large");
    }

    @Test
    void givenAHeaderTooLongToRead_whenAnswered_thenTheGatewayStillTakesWhatTheClientSendsBeforeItCloses()
            throws Exception {
        // The gateway answers 431 and closes while the client may still be sending its body. A socket closed with
        // bytes unread makes the kernel send a reset, and a reset that overtakes the answer throws it away (1 in 12
        // such clients of the running platform saw no answer). So the close lingers: after the answer and its FIN
        // the gateway reads and drops what still comes, and a client still sending is not reset.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/locations/X/beds HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "x".repeat(20_000)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 4000000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 431").contains("application/problem+json")
                    .contains("MALFORMED_REQUEST");

            // the body follows the answer's FIN; each write waits for the one before it to be acknowledged or reset
            byte[] part = new byte[64 * 1024];
            long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
            int sent = 0;
            while (System.nanoTime() < until) {
                out.write(part);
                out.flush();
                sent++;
            }
            assertThat(sent).isPositive();
        }
    }

    @Test
    void givenAPathOf10000Characters_whenCalled_then414Problem() {
        client.put().uri("/api/v1/locations/" + "y".repeat(10_000) + "/contacts")
                .header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(414)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("URI_TOO_LONG");
    }

    @Test
    void givenChunkedBodyOver1MiB_whenPosting_then413Problem() {
        client.post().uri("/api/v1/bed-events").header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks(17, 64 * 1024)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void givenChunkedBodyOf1MiB_whenPosting_thenForwardedWhole() {
        client.post().uri("/api/v1/bed-events").header("Authorization", "Bearer " + anyToken())
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks(16, 64 * 1024)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bodyLength").isEqualTo(1024 * 1024);
    }

    @Test
    void givenBackendSlowerThanTheTimeLimit_whenCalling_then503ProblemNamingTheService() {
        client.get().uri("/api/v1/locations/slow").header("Authorization", "Bearer " + anyToken())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("capacity-service", "1000 ms"));
    }

    @Test
    void givenBackendDown_whenCalledRepeatedly_thenCircuitOpensAndAnswersStay503() {
        String token = anyToken();
        String lastDetail = null;
        for (int i = 0; i < 6; i++) {
            Map<String, Object> problem = client.get().uri("/api/v1/stops/s-" + i).header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(problem).containsEntry("code", "SERVICE_UNAVAILABLE");
            lastDetail = (String) problem.get("detail");
        }
        assertThat(lastDetail).contains("stop-service", "circuit breaker is open");
    }

    @Test
    void givenRegionStream_whenEventsArrive_thenTheyPassThroughOneByOneWithoutTimeLimit() {
        Flux<String> data = client.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/v1/regions/ROAZ-NHF/stream")
                .header("Authorization", "Bearer " + anyToken())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        // the second event is only sent once the first has reached the client, and 1.5 s later (> 1 s time limit)
        StepVerifier.create(data)
                .expectNext("first")
                .then(REPORTING::releaseStream)
                .expectNext("second")
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    // --- public endpoints ---

    @Test
    void givenTwoBackendsUpAndOneDown_whenGettingApiDocs_thenPathsAreMergedAndTheMissingOneIsNamed() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.paths['/api/v1/locations/{locationId}'].put").exists()
                .jsonPath("$.paths['/api/v1/regions/{roazRegionId}/capacity'].get").exists()
                .jsonPath("$.paths['/dev/tokens'].post").exists()
                .jsonPath("$.paths['/internal/rebuild']").doesNotExist()
                .jsonPath("$.components.schemas.Location").exists()
                .jsonPath("$.components.schemas.RegionCapacity").exists()
                .jsonPath("$.components.schemas.Problem").exists()
                .jsonPath("$.components.schemas['reporting-service_Problem']").exists()
                .jsonPath("$.paths['/api/v1/regions/{roazRegionId}/capacity'].get.responses['404']"
                        + ".content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/reporting-service_Problem")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").isEqualTo("bearer")
                .jsonPath("$['x-lpz-missing'][0]").isEqualTo("stop-service")
                .jsonPath("$.info.description").value(d -> assertThat((String) d).contains("stop-service"));
    }

    @Test
    void givenNoToken_whenGettingHealthAndStaticResources_thenServed() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/test-asset.txt").exchange().expectStatus().isOk()
                .expectBody(String.class).value(b -> assertThat(b).contains("static asset"));
    }

    @Test
    void givenUnknownNonApiPath_whenRequested_then404Problem() {
        client.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void givenActuatorMetrics_whenCalledWithoutAdminToken_thenRefusedAndWithAdminTokenServed() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + anyToken())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN_ROLE");
        String admin = devToken("{\"sub\":\"ops\",\"roles\":[\"ADMIN\"]}");
        client.get().uri("/api/v1/code-lists/labels").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("spring_cloud_gateway_requests_seconds_count{")
                        .contains("routeId=\"capacity\""));
        client.get().uri("/actuator/circuitbreakers").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk();
        client.get().uri("/actuator/gateway/routes").header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.route_id == 'reporting-stream')]").exists();
    }

    // --- helpers ---

    private void expectUnauthenticated(String token) {
        client.get().uri("/api/v1/locations/100101").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    private String anyToken() {
        return devToken("{\"sub\":\"epd-1\",\"roles\":[\"EPD_SYSTEM\"],\"organisation\":\"100101\"}");
    }

    private String devToken(String request) {
        Map<String, Object> body = client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(body).containsKey("token");
        return (String) body.get("token");
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lpz-gateway-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
