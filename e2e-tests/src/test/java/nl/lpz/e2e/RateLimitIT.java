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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway's abuse limits with the platform's default settings (ADR 0016): one client that sends 300 requests
 * back to back is partly refused with {@code 429 RATE_LIMITED}, while a client of another organisation is served
 * throughout. The clients and organisations are this class's own, so no other test shares their limits.
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
        ExecutorService pool = Executors.newFixedThreadPool(9);
        Future<?> steady = pool.submit(() -> {
            while (flooding.get()) {
                others.add(send(OTHER));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return null;
        });
        List<Answer> flood = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            senders.add(pool.submit(() -> {
                while (next.getAndIncrement() < 300) {
                    flood.add(send(FLOODER));
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get(2, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        flooding.set(false);
        steady.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        flood.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        Map<Integer, Integer> otherByStatus = new TreeMap<>();
        others.forEach(a -> otherByStatus.merge(a.status(), 1, Integer::sum));
        System.out.printf("RateLimitIT: 300 requests of one client from 8 threads in %d ms: %s; the other "
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.gatewayUrl() + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + as.token())
                .header("Accept", "application/json, application/problem+json")
                .GET().build();
        HttpResponse<String> r = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(null), r.body());
    }
}
