package nl.lpz.reporting.pipeline;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.lpz.reporting.ReportingIntegrationTest.rcps;
import static nl.lpz.reporting.ReportingIntegrationTest.send;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read model's PostgreSQL server stops for a minute while records arrive: nothing is parked, the projection's
 * health turns DOWN while it cannot progress, and once the server is back every record is projected. A server of
 * this test's own (embedded, stopped and started on the same data directory and port), so the shared test
 * database of the other tests stays up; this context (not the shared one of {@link ReportingIntegrationTest}) consumes
 * under a consumer group of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long the server stays down; {@code -Dlpz.test.outage-seconds} for a longer run. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("lpz.test.outage-seconds", 60));
    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void outageDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("lpz-outage-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = start();
        registry.add("spring.kafka.bootstrap-servers", TestInfra::kafkaBootstrap);
        ReportingIntegrationTest.createTopics();
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("lpz.reporting.consumer-group", () -> "reporting-outage-test");
        registry.add("lpz.reporting.projection.stall-after", () -> "PT10S");
        registry.add("lpz.reporting.projection.sample-interval", () -> "PT1S");
    }

    /** Initialises the data directory on the first start only; a restart finds the rows where they were. */
    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(true).start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenTheDatabaseStoppedForAMinuteWhileRecordsArrive_whenItReturns_thenEverythingIsProjectedAndNothingParked()
            throws Exception {
        try (var c = jdbc.getDataSource().getConnection()) {
            // this context must write to the server the test stops, not to the shared test database
            assertThat(c.getMetaData().getURL()).contains(":" + port + "/");
        }
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR09")), publish(Fixtures.visibility(org, true, true, at(0))),
                publish(bed(loc, org, "B0").status(BedStatus.AVAILABLE).at(at(1)).event()));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get("/api/v1/regions/{r}/capacity",
                region).headers(rcps(region))).andExpect(jsonPath("$.locations[0].totals.capacity").value(1)));

        server.close();
        long downAt = System.nanoTime();
        List<Published> during = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            during.add(publish(bed(loc, org, "B" + i).status(i % 2 == 0 ? BedStatus.OCCUPIED : BedStatus.AVAILABLE)
                    .at(at(1 + i)).event()));
        }
        send(during.toArray(Published[]::new));
        await().atMost(WAIT).untilAsserted(() -> assertThat(health()).contains("\"status\":\"DOWN\""));
        // the outage is the test's input: the server stays down for its full length, whatever the consumer does
        long left = OUTAGE.toNanos() - (System.nanoTime() - downAt);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        server = start();

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get("/api/v1/regions/{r}/capacity",
                        region).headers(rcps(region)))
                .andExpect(jsonPath("$.locations[0].totals.capacity").value(21))
                .andExpect(jsonPath("$.locations[0].totals.occupied").value(10)));
        // records set aside when read (other tests' poison records on the shared topics, which this database reads
        // from the beginning) do not depend on the database; what an outage could wrongly park is a projection failure
        assertThat(jdbc.queryForObject("select count(*) from parked_record where reason = 'PROJECTION_FAILED'",
                Long.class)).isZero();
        for (Published p : during) {
            assertThat(jdbc.queryForObject("select count(*) from bed_history where event_id = ?", Long.class,
                    p.eventId())).as("event %s projected once", p.eventId()).isEqualTo(1L);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(health()).contains("\"status\":\"UP\""));
    }

    private String health() throws Exception {
        String body = mvc.perform(get("/actuator/health/projection")).andReturn().getResponse().getContentAsString();
        System.out.println("projection health: " + body);
        return body;
    }
}
