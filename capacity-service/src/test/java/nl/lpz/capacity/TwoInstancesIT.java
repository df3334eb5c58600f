package nl.lpz.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.testsupport.identity.GatewayProofs;
import org.axonframework.common.caching.Cache;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second capacity-service instance in this JVM, on the same database and broker as the test context: the
 * publisher's segments are shared between the two, commands for one location arriving at both at once are all
 * applied (the loser of a race retries on the current state), and neither instance decides on a cached aggregate
 * the other has changed since.
 */
class TwoInstancesIT extends CapacitySpringTest {
    private static ConfigurableApplicationContext second;
    private static String secondUrl;
    private static final HttpClient http = HttpClient.newHttpClient();
    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    private static String registeredBeforeStart;

    /** Lazily, from the first test: a location registered before it starts shows the second's cache warm-up. */
    @BeforeEach
    void secondInstance() throws Exception {
        if (second == null) {
            registeredBeforeStart = newId("loc");
            registerLocation(registeredBeforeStart, newId("org"));
            startSecondInstance();
        }
    }

    static void startSecondInstance() {
        TestInfra.Database db = TestInfra.database("main");
        // arguments, not default properties: those would lose against application.yml's own settings
        second = new SpringApplicationBuilder(CapacityApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfra.kafkaBootstrap(),
                "--lpz.topology.load-reference=false",
                "--lpz.processors.node-id=second-instance",
                "--lpz.processors.balance.interval=2s",
                "--lpz.kafka.close-timeout=1s",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s");
        int port = ((WebServerApplicationContext) second).getWebServer().getPort();
        secondUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void givenLocationsKnownAtStart_whenAnInstanceStarts_thenItIsReadyOnlyWithThemCached() throws Exception {
        HttpResponse<String> readiness = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.send(HttpRequest.newBuilder(URI.create(secondUrl + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        Cache cache = second.getBean("locationCache", Cache.class);
        assertThat(cache.containsKey(registeredBeforeStart)).as("warmed up at start").isTrue();
    }

    @Test
    void givenTwoInstances_thenEachHoldsHalfOfThePublisherSegments() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> owners = jdbc.queryForList("""
                    select owner, count(*) as segments from token_entry
                    where processor_name = 'kafka-publisher' and owner is not null group by owner""");
            assertThat(owners).as("segment owners; heartbeats: %s", jdbc.queryForList(
                    "select node_id, last_seen, now() as now from processor_node")).hasSize(2);
            assertThat(owners).allSatisfy(o -> assertThat(((Number) o.get("segments")).intValue()).isEqualTo(2));
            assertThat(owners).anySatisfy(o -> assertThat(o.get("owner")).isEqualTo("second-instance"));
        });
    }

    @Test
    void givenCommandsForOneLocationAtBothInstancesAtOnce_thenEveryEventIsAppliedOnceInOneContiguousStream()
            throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        int perInstance = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < perInstance * 2; i++) {
                String body = batch(bedEvent(UUID.randomUUID(), location, "B" + (i % 10), i % 2 == 0 ? "OCCUPIED"
                        : "AVAILABLE", t.plusSeconds(i)));
                boolean viaSecond = i % 2 == 1;
                answers.add(pool.submit(() -> viaSecond ? postToSecond("/api/v1/bed-events", body, organisation)
                        : as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        // registration (0) + one event per bed report, numbered without gaps or doubles
        List<Long> sequence = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, location);
        assertThat(sequence).hasSize(1 + perInstance * 2);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        assertThat(jdbc.queryForObject("select count(distinct convert_from(payload, 'UTF8')::jsonb ->> 'sourceEventId') "
                        + "from domain_event_entry where aggregate_identifier = ? and payload_type like '%BedStatusChanged'",
                Integer.class, location)).isEqualTo(perInstance * 2);
    }

    @Test
    void givenLocationCachedHere_whenOtherInstanceChangesIt_thenThisInstanceDecidesOnTheCurrentState() throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        String one = "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1}]}";
        String two = "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":2}]}";
        // this instance caches the location with threshold 1
        as(putJson("/api/v1/locations/" + location + "/thresholds", one), "HOSPITAL", organisation)
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        // the other instance sets 2
        assertThat(putToSecond("/api/v1/locations/" + location + "/thresholds", two, organisation)).isEqualTo(200);
        // setting 1 again here is a change, not "already so": a stale cache would answer changed=false and keep 2
        as(putJson("/api/v1/locations/" + location + "/thresholds", one), "HOSPITAL", organisation)
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        as(getPath("/api/v1/locations/" + location), "HOSPITAL", organisation)
                .andExpect(status().isOk()).andExpect(jsonPath("$.thresholds[0].beds").value(1));

        // and a bed report older than the other instance's newest one is recognised as stale here
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "OCCUPIED", t))),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted());
        assertThat(postToSecond("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1",
                "AVAILABLE", t.plusSeconds(60))), organisation)).isEqualTo(202);
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "OCCUPIED",
                t.plusSeconds(30)))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.stale").value(1))
                .andExpect(jsonPath("$.accepted").value(0));
    }

    private static int postToSecond(String path, String json, String organisation) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(secondUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)), "EPD_SYSTEM", organisation);
    }

    private static int putToSecond(String path, String json, String organisation) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(secondUrl + path))
                .PUT(HttpRequest.BodyPublishers.ofString(json)), "HOSPITAL", organisation);
    }

    private static int send(HttpRequest.Builder request, String roles, String organisation) throws Exception {
        HttpResponse<String> response = http.send(GatewayProofs.testKey().signed(request
                .header("Content-Type", "application/json")
                .header(IdentityHeaders.SUBJECT, "test-" + roles.toLowerCase())
                .header(IdentityHeaders.ROLES, roles)
                .header(IdentityHeaders.ORGANISATION, organisation)
                .build()), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
