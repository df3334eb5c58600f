package nl.lpz.capacity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.capacity.RefusalReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/birth-care/refusals}: a first-line midwife records refusals of women in labour by hospitals,
 * HTTP → event store (aggregate {@code midwife-practice:<practice>}) → Kafka ({@code lpz.capacity.birth-refusals.v1},
 * keyed by the refused location), on a real PostgreSQL and a real broker, with the passages' receipts, instant rules
 * and closed objects.
 */
class BirthRefusalsIT extends CapacitySpringTest {
    static final String REFUSALS = "/api/v1/birth-care/refusals";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    private String practice;
    private String refusing;
    private String taking;
    private String edOnly;

    @BeforeEach
    void registerLocations() throws Exception {
        practice = newId("VP");
        refusing = newId("obst");
        taking = newId("obst");
        edOnly = newId("seh");
        register(refusing, "ROAZ-NHF", "VR13", "[\"SEH\",\"VERLOSKUNDE\"]");
        // across the border: a midwife of ROAZ-NHF may refer to a hospital of another ROAZ region
        register(taking, "ROAZ-ZWN", "VR17", "[\"VERLOSKUNDE\"]");
        register(edOnly, "ROAZ-NHF", "VR13", "[\"SEH\"]");
    }

    private void register(String location, String roaz, String vr, String care) throws Exception {
        admin(putJson("/api/v1/locations/" + location, """
                {"organisationId":"org-%s","name":"Hospital %s","roazRegionId":"%s","safetyRegionId":"%s",
                 "careOffered":%s}""".formatted(location, location, roaz, vr, care)))
                .andExpect(status().is2xxSuccessful());
    }

    static String refusal(UUID eventId, String refused, Instant at, String reason, String takenBy) {
        return """
                {"eventId":"%s","refusedLocationId":"%s","occurredAt":"%s","reason":"%s","takenByLocationId":%s}"""
                .formatted(eventId, refused, at, reason, takenBy == null ? "null" : "\"" + takenBy + "\"");
    }

    static String refusals(String... refusals) {
        return "{\"refusals\":[" + String.join(",", refusals) + "]}";
    }

    private ResultActions midwife(String body) throws Exception {
        return mvc.perform(postJson(REFUSALS, body).header(IdentityHeaders.SUBJECT, "vk-1")
                .header(IdentityHeaders.ROLES, "MIDWIFE").header(IdentityHeaders.ORGANISATION, practice)
                .header(IdentityHeaders.REGION, "ROAZ-NHF"));
    }

    private long refusalEvents() {
        return eventsOf("midwife-practice:" + practice);
    }

    @Test
    void givenAMidwife_whenTwoRefusalsRecorded_then202AndBirthRefusalRecordedOnItsTopicKeyedByTheRefusedLocation()
            throws Exception {
        UUID taken = UUID.randomUUID();
        UUID notTaken = UUID.randomUUID();
        midwife(refusals(refusal(taken, refusing, t, "NO_DELIVERY_ROOM", taking),
                refusal(notTaken, refusing, t.plusSeconds(600), "PRESENTATIESTOP", null)))
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":2,\"duplicates\":0,\"rejected\":[]}", true));
        assertThat(refusalEvents()).isEqualTo(2);

        ConsumerRecord<String, byte[]> record = awaitRecord(r -> refusing.equals(r.key())
                && taken.toString().equals(EventJson.fromBytes(r.value(), BirthRefusalRecorded.class)
                .sourceEventId().toString()));
        assertThat(KafkaRecords.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("BirthRefusalRecorded");
        BirthRefusalRecorded event = EventJson.fromBytes(record.value(), BirthRefusalRecorded.class);
        assertThat(event.practiceId().value()).isEqualTo(practice);
        assertThat(event.midwifeRegionId().value()).as("the midwife's region, not the taking hospital's")
                .isEqualTo("ROAZ-NHF");
        assertThat(event.refusedLocationId().value()).isEqualTo(refusing);
        assertThat(event.takenByLocationId().value()).isEqualTo(taking);
        assertThat(event.reason()).isEqualTo(RefusalReason.NO_DELIVERY_ROOM);
        assertThat(event.occurredAt()).isEqualTo(t);

        // the same refusals again (one with another offset for the same instant): duplicates, nothing new
        midwife(refusals(refusal(taken, refusing, t, "NO_DELIVERY_ROOM", taking).replace(t.toString(),
                        t.atOffset(java.time.ZoneOffset.ofHours(1)).toString()),
                refusal(notTaken, refusing, t.plusSeconds(600), "PRESENTATIESTOP", null)))
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":0,\"duplicates\":2,\"rejected\":[]}", true));
        // the same id with another reason: the whole request is refused
        midwife(refusals(refusal(taken, refusing, t, "NO_STAFF", taking)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"));
        assertThat(refusalEvents()).isEqualTo(2);
    }

    @Test
    void givenRefusalsBreakingTheLocationAndTimeRules_whenPostedWithAGoodOne_thenEachRejectedWithItsCode()
            throws Exception {
        UUID unknown = UUID.randomUUID();
        UUID noBirthCare = UUID.randomUUID();
        UUID same = UUID.randomUUID();
        UUID takenByEd = UUID.randomUUID();
        UUID future = UUID.randomUUID();
        midwife(refusals(refusal(UUID.randomUUID(), refusing, t, "NO_STAFF", null),
                refusal(unknown, "no-such-location", t, "NO_STAFF", null),
                refusal(noBirthCare, edOnly, t, "NO_STAFF", null),
                refusal(same, refusing, t, "NO_STAFF", refusing),
                refusal(takenByEd, refusing, t, "NO_STAFF", edOnly),
                refusal(future, refusing, Instant.now().plus(Duration.ofMinutes(10)), "NO_STAFF", null)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected", hasSize(5)))
                .andExpect(jsonPath("$.rejected[0].eventId").value(unknown.toString()))
                .andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_LOCATION"))
                .andExpect(jsonPath("$.rejected[1].code").value("NO_BIRTH_CARE"))
                .andExpect(jsonPath("$.rejected[2].code").value("SAME_LOCATION"))
                .andExpect(jsonPath("$.rejected[3].code").value("NO_BIRTH_CARE"))
                .andExpect(jsonPath("$.rejected[4].code").value("OCCURRED_IN_FUTURE"));
        assertThat(refusalEvents()).isEqualTo(1);

        // every refusal rejected: the problem of the first
        midwife(refusals(refusal(UUID.randomUUID(), edOnly, t, "OTHER", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("NO_BIRTH_CARE"));
        midwife(refusals(refusal(UUID.randomUUID(), "no-such-location", t, "OTHER", null)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        assertThat(refusalEvents()).isEqualTo(1);
    }

    @Test
    void givenABadReasonAnExtraKeyOrAMissingField_whenPosted_then400ProblemAndNothingWritten() throws Exception {
        String good = refusal(UUID.randomUUID(), refusing, t, "OTHER", null);
        midwife(refusals(good, refusal(UUID.randomUUID(), refusing, t, "FULL_MOON", null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail").value(containsString("refusals[1].reason")));
        midwife(refusals(good.replace("{\"eventId\"", "{\"clientName\":\"J. Jansen\",\"eventId\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("refusals[0] holds 'clientName'")))
                .andExpect(jsonPath("$.detail").value(not(containsString("Jansen"))));
        midwife("{\"refusals\":[" + good + "],\"note\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        midwife(refusals(good.replace("\"reason\":\"OTHER\",", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        midwife(refusals(good.replace(t.toString(), "2026-12-06T10:00:00")))
                .andExpect(status().isBadRequest());
        midwife(refusals())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        assertThat(refusalEvents()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?",
                Long.class, practice)).isZero();
    }

    @Test
    void givenAnotherRoleOrAMidwifeTokenWithoutPracticeOrRegion_whenPosted_then403() throws Exception {
        String body = refusals(refusal(UUID.randomUUID(), refusing, t, "OTHER", null));
        for (String role : new String[] {"HOSPITAL", "EPD_SYSTEM", "RCPS", "ADMIN"}) {
            as(postJson(REFUSALS, body), role, "org-" + refusing)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        }
        mvc.perform(postJson(REFUSALS, body).header(IdentityHeaders.SUBJECT, "vk")
                        .header(IdentityHeaders.ROLES, "MIDWIFE").header(IdentityHeaders.REGION, "ROAZ-NHF"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        mvc.perform(postJson(REFUSALS, body).header(IdentityHeaders.SUBJECT, "vk")
                        .header(IdentityHeaders.ROLES, "MIDWIFE").header(IdentityHeaders.ORGANISATION, practice)
                        .header(IdentityHeaders.REGION, "VR13"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        assertThat(refusalEvents()).isZero();
    }

    private ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> KafkaRecords.all(bootstrap, Topics.CAPACITY_BIRTH_REFUSALS).stream().filter(match)
                        .findFirst(), Optional::isPresent).orElseThrow();
    }
}
