package nl.lpz.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lpz.gateway.limits.RateLimitFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The abuse limits (ADR 0016) in front of stub backends, with small limits: 5 requests per client and 8 per
 * organisation per 10 s window (so no window ends during a test), 2 open streams per client. Each test uses clients
 * and organisations of its own, since the limiters live as long as the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class GatewayRateLimitTest {

    static final StubBackend CAPACITY = StubBackend.start("capacity");
    /** An SSE backend whose streams never end by themselves; counts the streams open at the moment. */
    static final AtomicInteger OPEN_STREAMS = new AtomicInteger();
    static final DisposableServer REPORTING = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                OPEN_STREAMS.incrementAndGet();
                Flux<ByteBuf> events = Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                        .map(i -> Unpooled.copiedBuffer("id: " + i + "\ndata: tick\n\n", StandardCharsets.UTF_8))
                        .doFinally(signal -> OPEN_STREAMS.decrementAndGet());
                return response.header("Content-Type", "text/event-stream").send(events, b -> true).then();
            })
            .bindNow();
    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("lpz.services.capacity-url", CAPACITY::url);
        registry.add("lpz.services.reporting-url", () -> "http://127.0.0.1:" + REPORTING.port());
        registry.add("lpz.services.stop-url", CAPACITY::url);
        registry.add("lpz.data-dir", DATA_DIR::toString);
        registry.add("lpz.gateway.rate-limits.period", () -> "10s");
        registry.add("lpz.gateway.rate-limits.per-client", () -> "5");
        registry.add("lpz.gateway.rate-limits.per-organisation", () -> "8");
        registry.add("lpz.gateway.rate-limits.streams-per-client", () -> "2");
        registry.add("lpz.gateway.rate-limits.client-overrides.[epd-batch]", () -> "7");
    }

    @AfterAll
    static void stopBackends() {
        CAPACITY.close();
        REPORTING.disposeNow();
    }

    @Autowired
    WebTestClient client;
    @Autowired
    MeterRegistry meters;

    private final List<Disposable> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(Disposable::dispose);
    }

    @Test
    void givenAClientOverItsLimit_whenItCallsAgain_then429ProblemWithRetryAfterNothingForwardedAndAnotherClientServed() {
        String flooder = token("epd-flood", "100101");
        String other = token("epd-other", "100202");
        String path = "/api/v1/locations/100101/beds";
        for (int i = 0; i < 5; i++) {
            get(path, flooder).expectStatus().isOk();
        }
        int forwarded = CAPACITY.hits(path);
        double refusedBefore = refusals("client");

        get(path, flooder)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 10L))
                .expectBody()
                .jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("epd-flood", "5 requests"));

        assertThat(CAPACITY.hits(path)).as("nothing forwarded").isEqualTo(forwarded);
        assertThat(refusals("client")).isEqualTo(refusedBefore + 1);
        get(path, other).expectStatus().isOk()
                .expectBody().jsonPath("$.identity['x-lpz-subject']").isEqualTo("epd-other");
    }

    @Test
    void givenSeveralClientsOfOneOrganisation_whenTogetherOverItsLimit_then429AndAnotherOrganisationServed() {
        String first = token("org-a-epd", "200101");
        String second = token("org-a-dashboard", "200101");
        String elsewhere = token("org-b-epd", "200202");
        for (int i = 0; i < 5; i++) {
            get("/api/v1/code-lists/labels", first).expectStatus().isOk();
        }
        for (int i = 0; i < 3; i++) {
            get("/api/v1/code-lists/labels", second).expectStatus().isOk();
        }
        double refusedBefore = refusals("organisation");

        get("/api/v1/code-lists/labels", second)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("organisation 200101", "8 requests"));

        assertThat(refusals("organisation")).isEqualTo(refusedBefore + 1);
        get("/api/v1/code-lists/labels", elsewhere).expectStatus().isOk();
    }

    @Test
    void givenAClientOverItsOwnLimit_whenRefused_thenItsOrganisationsOtherClientsKeepTheirShare() {
        String noisy = token("org-c-noisy", "300101");
        String quiet = token("org-c-quiet", "300101");
        for (int i = 0; i < 20; i++) {
            get("/api/v1/code-lists/labels", noisy);
        }
        // the noisy client's 15 refusals cost the organisation nothing: 8 - 5 = 3 requests are left for the others
        for (int i = 0; i < 3; i++) {
            get("/api/v1/code-lists/labels", quiet).expectStatus().isOk();
        }
        get("/api/v1/code-lists/labels", quiet).expectStatus().isEqualTo(429);
    }

    @Test
    void givenAClientWithAnOverride_whenCalling_thenItsOwnLimitApplies() {
        String batch = token("epd-batch", null);
        for (int i = 0; i < 7; i++) {
            get("/api/v1/code-lists/labels", batch).expectStatus().isOk();
        }
        get("/api/v1/code-lists/labels", batch).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("7 requests"));
    }

    @Test
    void givenAClientWithTwoOpenStreams_whenOpeningAThird_then429TooManyStreamsUntilOneCloses() {
        String viewer = token("rcps-viewer", null);
        String colleague = token("rcps-colleague", null);
        Disposable first = openStream(viewer);
        openStream(viewer);
        int backendStreams = OPEN_STREAMS.get();
        double refusedBefore = refusals("streams");

        stream(viewer)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("TOO_MANY_STREAMS")
                .jsonPath("$.type").isEqualTo("urn:lpz:problem:too-many-streams")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("2 open event streams"));
        assertThat(OPEN_STREAMS.get()).as("no stream opened at the backend").isEqualTo(backendStreams);
        assertThat(refusals("streams")).isEqualTo(refusedBefore + 1);
        openStream(colleague);

        first.dispose();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(tryOpenStream(viewer)).as("a stream after closing one").isTrue());
    }

    // --- helpers ---

    private WebTestClient.ResponseSpec get(String path, String token) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec stream(String token) {
        return client.get().uri("/api/v1/regions/ROAZ-NHF/stream").header("Authorization", "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange();
    }

    /** Opens a stream, waits for its first event and keeps it open until disposed (or the test ends). */
    private Disposable openStream(String token) {
        assertThat(tryOpenStream(token)).as("stream opened").isTrue();
        return streams.get(streams.size() - 1);
    }

    private boolean tryOpenStream(String token) {
        FluxExchangeResult<String> result = client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/v1/regions/ROAZ-NHF/stream").header("Authorization", "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);
        if (result.getStatus().value() != 200) {
            result.getResponseBody().subscribe().dispose();
            return false;
        }
        List<String> received = new CopyOnWriteArrayList<>();
        streams.add(result.getResponseBody().subscribe(received::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        return true;
    }

    private double refusals(String reason) {
        return meters.get(RateLimitFilter.REFUSALS_METRIC).tag("reason", reason).counter().count();
    }

    private String token(String subject, String organisation) {
        String request = "{\"sub\":\"" + subject + "\",\"roles\":[\"EPD_SYSTEM\"]"
                + (organisation == null ? "" : ",\"organisation\":\"" + organisation + "\"") + "}";
        Map<String, Object> body = client.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lpz-gateway-ratelimit-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
