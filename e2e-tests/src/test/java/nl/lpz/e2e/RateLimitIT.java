package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The gateway's abuse limits (ADR 0016): one client that sends 300 requests back to back (all at once) is partly
 * refused with {@code 429 RATE_LIMITED}, while a client of another organisation is served throughout. The flooding
 * client has a per-client limit of 5 a second (a client override in {@link Platform}, whose other clients have limits
 * far above the defaults for the suite's fixture loops): with the default 50 a loaded 2-core machine may let the 300
 * requests arrive so slowly that none is over the limit (GatewayRateLimitTest shows the defaults at work). The clients
 * and organisations are this class's own, so no other test shares their limits.
 */
class RateLimitIT {
    private static final String PATH = "/api/v1/code-lists/labels";
    private static final Api.Identity FLOODER = new Api.Identity("e2e-ratelimit-flood", List.of("EPD_SYSTEM"),
            "RL-FLOOD", null);
    private static final Api.Identity OTHER = new Api.Identity("e2e-ratelimit-other", List.of("EPD_SYSTEM"),
            "RL-OTHER", null);

    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    @Test
    void givenOneClientSending300RequestsBackToBack_whenOverItsLimit_thenPartlyRefusedWith429AndAnotherOrganisationServed()
            throws Exception {
        assertThat(send(FLOODER).status()).as("the flooding client, before").isEqualTo(200);
        assertThat(send(OTHER).status()).as("the other client, before").isEqualTo(200);

        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Answer> others = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> steady = pool.submit(() -> {
            while (flooding.get()) {
                others.add(send(OTHER));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return null;
        });
        // all 300 sent at once, so that they reach the gateway within a second however fast the backends answer:
        // through the whole platform on 2 cores one client is served only some 70 requests/s from 8 threads
        long start = System.nanoTime();
        List<CompletableFuture<Answer>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(sendAsync(FLOODER));
        }
        List<Answer> flood = new ArrayList<>();
        for (CompletableFuture<Answer> answer : sent) {
            flood.add(answer.get(2, TimeUnit.MINUTES));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        flooding.set(false);
        steady.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        flood.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        Map<Integer, Integer> otherByStatus = new TreeMap<>();
        others.forEach(a -> otherByStatus.merge(a.status(), 1, Integer::sum));
        System.out.printf("RateLimitIT: 300 requests of one client sent at once, answered in %d ms: %s; the other "
                + "organisation's client meanwhile: %s%n", millis, byStatus, otherByStatus);

        assertThat(flood).hasSize(300);
        assertThat(byStatus.keySet()).as("statuses of the flood").containsExactlyInAnyOrder(200, 429);
        List<Answer> refused = flood.stream().filter(a -> a.status() == 429).toList();
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(Api.JSON.readTree(a.body()).path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(a.retryAfter()).as("Retry-After").isNotNull();
            assertThat(Long.parseLong(a.retryAfter())).as("Retry-After in whole seconds").isBetween(1L, 60L);
        });
        assertThat(others).as("the other client's requests during the flood").isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as("other client: %s", a).isEqualTo(200));
    }

    private static Answer send(Api.Identity as) throws Exception {
        return answerOf(Api.HTTP.send(request(as), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static CompletableFuture<Answer> sendAsync(Api.Identity as) {
        return Api.HTTP.sendAsync(request(as), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(RateLimitIT::answerOf);
    }

    private static HttpRequest request(Api.Identity as) {
        return HttpRequest.newBuilder(URI.create(Platform.gatewayUrl() + PATH))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + as.token())
                .header("Accept", "application/json, application/problem+json")
                .GET().build();
    }

    private static Answer answerOf(HttpResponse<String> r) {
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(null), r.body());
    }
}
