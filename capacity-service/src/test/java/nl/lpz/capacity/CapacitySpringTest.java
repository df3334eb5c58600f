package nl.lpz.capacity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.testsupport.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of every Spring test: one context per test JVM (same configuration everywhere), on a real PostgreSQL and a
 * real Kafka broker from {@link TestInfra}. Tests use their own location and organisation ids, so they share the
 * database without interfering.
 */
@SpringBootTest(properties = {"lpz.topology.load-reference=false", "lpz.kafka.close-timeout=1s",
        "spring.kafka.producer.properties.max.block.ms=3000", "spring.lifecycle.timeout-per-shutdown-phase=5s",
        "lpz.processors.balance.interval=2s"})
@AutoConfigureMockMvc
public abstract class CapacitySpringTest {
    private static final AtomicInteger IDS = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A fresh id for locations/organisations of one test. */
    protected static String newId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    protected ResultActions as(MockHttpServletRequestBuilder request, String roles, String organisation)
            throws Exception {
        request.header(IdentityHeaders.SUBJECT, "test-" + roles.toLowerCase());
        request.header(IdentityHeaders.ROLES, roles);
        if (organisation != null) {
            request.header(IdentityHeaders.ORGANISATION, organisation);
        }
        return mvc.perform(request);
    }

    protected ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
        return as(request, "ADMIN", null);
    }

    protected static MockHttpServletRequestBuilder putJson(String path, String json) {
        return put(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    protected static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    protected static MockHttpServletRequestBuilder getPath(String path) {
        return get(path);
    }

    /** Registers a location through the ADMIN endpoint. */
    protected void registerLocation(String locationId, String organisationId) throws Exception {
        admin(putJson("/api/v1/locations/" + locationId, """
                {"organisationId":"%s","name":"Test hospital %s","roazRegionId":"ROAZ-NHF",
                 "safetyRegionId":"VR13","careOffered":["SEH","CCU"]}""".formatted(organisationId, locationId)))
                .andReturn();
    }

    protected static String bedEvent(UUID eventId, String locationId, String bedId, String status,
                                     Instant occurredAt) {
        return """
                {"eventId":"%s","locationId":"%s","departmentId":"IC","bedId":"%s","status":"%s",
                 "labels":{"specialistisch":"IC_BEADEMD","specialisme":null,"snijdendBeschouwend":null,"covid":false},
                 "patientCovidStatus":null,"occurredAt":"%s"}""".formatted(eventId, locationId, bedId, status,
                occurredAt);
    }

    protected static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    protected long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
