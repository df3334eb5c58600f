package nl.lpz.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway in front of several instances per backend ({@code lpz.services.*-url} as lists): capacity-service has
 * two live instances and one that refuses connections (in the middle of the list), reporting-service has a dead
 * first instance and one live one, stop-service has two dead instances. Circuit breakers open after 4 calls with
 * half of them failed, so a dead instance that were counted as a failure would open them quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class GatewayMultiInstanceTest {

    static final StubBackend CAPACITY_1 = StubBackend.start("capacity-1").apiDocs(ApiDocsFixtures.CAPACITY);
    static final StubBackend CAPACITY_2 = StubBackend.start("capacity-2").apiDocs(ApiDocsFixtures.CAPACITY);
    static final StubBackend REPORTING_2 = StubBackend.start("reporting-2").apiDocs(ApiDocsFixtures.REPORTING);
    static final String DEAD_1 = "http://127.0.0.1:" + freePort();
    static final String DEAD_2 = "http://127.0.0.1:" + freePort();
    static final String DEAD_3 = "http://127.0.0.1:" + freePort();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("lpz.services.capacity-url", () -> CAPACITY_1.url() + "," + DEAD_1 + "," + CAPACITY_2.url());
        registry.add("lpz.services.reporting-url", () -> DEAD_2 + ", " + REPORTING_2.url());
        registry.add("lpz.services.stop-url", () -> DEAD_3 + "," + DEAD_1);
        registry.add("lpz.data-dir", GatewayMultiInstanceTest::tempDir);
        registry.add("lpz.gateway.backend-timeout", () -> "1s");
        registry.add("lpz.gateway.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("lpz.gateway.circuit-breaker.minimum-number-of-calls", () -> "4");
        // one client sends 60 requests at once to see them balanced; the client limit is GatewayRateLimitTest's
        registry.add("lpz.gateway.rate-limits.per-client", () -> "1000");
        registry.add("lpz.gateway.rate-limits.per-organisation", () -> "1000");
    }

    @AfterAll
    static void stopBackends() {
        CAPACITY_1.close();
        CAPACITY_2.close();
        REPORTING_2.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void givenTwoLiveInstancesAndADeadOne_whenManyRequestsArriveConcurrently_thenAllSucceedAndBothLiveInstancesShareThem() {
        String token = token();
        int requests = 60;
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        List<Integer> statuses = Flux.range(0, requests)
                .parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> {
                    var result = client.get().uri("/api/v1/locations/rr-" + i)
                            .header("Authorization", "Bearer " + token)
                            .exchange()
                            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                            .returnResult();
                    if (result.getResponseBody() != null && result.getResponseBody().get("service") != null) {
                        servedBy.computeIfAbsent((String) result.getResponseBody().get("service"),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                    return result.getStatus().value();
                })
                .sequential().collectList().block();

        assertThat(statuses).hasSize(requests).containsOnly(200);
        assertThat(servedBy.keySet()).containsExactlyInAnyOrder("capacity-1", "capacity-2");
        // round robin over three with the dead one's share retried on the others: neither gets everything
        assertThat(servedBy.get("capacity-1").get()).isBetween(requests / 4, requests * 3 / 4);
        assertThat(servedBy.get("capacity-1").get() + servedBy.get("capacity-2").get()).isEqualTo(requests);
        for (int i = 0; i < requests; i++) {
            String path = "/api/v1/locations/rr-" + i;
            assertThat(CAPACITY_1.hits(path) + CAPACITY_2.hits(path)).as("deliveries of %s", path).isEqualTo(1);
        }
    }

    @Test
    void givenADeadInstance_whenPostingBodies_thenEachArrivesWholeAndExactlyOnceAtALiveInstance() {
        String token = token();
        byte[] body = new byte[200_000];
        for (int i = 0; i < 12; i++) {
            String path = "/api/v1/locations/post-" + i + "/beds";
            client.post().uri(path).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.method").isEqualTo("POST")
                    .jsonPath("$.bodyLength").isEqualTo(body.length)
                    .jsonPath("$.identity['x-lpz-subject']").isEqualTo("epd-1");
            assertThat(CAPACITY_1.hits(path) + CAPACITY_2.hits(path)).as("deliveries of %s", path).isEqualTo(1);
        }
    }

    @Test
    void givenABackendError_whenForwarded_thenItPassesThroughAndIsNotResentToAnotherInstance() {
        String token = token();
        for (int i = 0; i < 4; i++) {
            String path = "/api/v1/locations/e-" + i + "/broken";
            client.post().uri(path).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(500)
                    .expectBody().jsonPath("$.code").isEqualTo("INTERNAL_ERROR");
            assertThat(CAPACITY_1.hits(path) + CAPACITY_2.hits(path)).as("deliveries of %s", path).isEqualTo(1);
        }
    }

    @Test
    void givenASlowInstance_whenTheTimeLimitPasses_then503AndTheRequestWasNotResent() {
        String path = "/api/v1/locations/t-1/slow";
        client.put().uri(path).header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("capacity-service", "1000 ms"));
        assertThat(CAPACITY_1.hits(path) + CAPACITY_2.hits(path)).isEqualTo(1);
    }

    @Test
    void givenEveryInstanceDead_whenCalled_then503ProblemNamingTheServiceAndTheCircuitOpens() {
        String token = token();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> problem = client.post().uri("/api/v1/stops").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(problem).containsEntry("code", "SERVICE_UNAVAILABLE");
            details.add((String) problem.get("detail"));
        }
        assertThat(details.get(0)).contains("stop-service", "cannot be reached");
        assertThat(details.get(5)).contains("stop-service", "circuit breaker is open");
    }

    @Test
    void givenTheFirstReportingInstanceDead_whenReadingAndGettingApiDocs_thenTheLiveOneAnswers() {
        String token = token();
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/regions/ROAZ-NHF/capacity").header("Authorization", "Bearer " + token)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("reporting-2");
        }
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/locations/{locationId}'].put").exists()
                .jsonPath("$.paths['/api/v1/regions/{roazRegionId}/capacity'].get").exists()
                .jsonPath("$['x-lpz-missing'][0]").isEqualTo("stop-service")
                .jsonPath("$['x-lpz-missing'].length()").isEqualTo(1);
    }

    private String token() {
        Map<String, Object> body = client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"epd-1\",\"roles\":[\"EPD_SYSTEM\"],\"organisation\":\"100101\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("lpz-gateway-multi").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
