package nl.lpz.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.lpz.capacity.CapacitySpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code POST /api/v1/modules/{moduleId}/passages}: ED lead times with Spoed's current definition (shared-events'
 * spoed-v3: unit kind {@code seh}, moments arrival, triage, seenByDoctor, departure), answered as module reports are.
 * The test-only {@code proefmodule} keeps no lead times.
 */
class ModulePassagesWebTest extends CapacitySpringTest {
    static final String PASSAGES = "/api/v1/modules/spoed/passages";

    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
    private String location;
    private String organisation;

    @BeforeEach
    void registerOwnLocation() throws Exception {
        organisation = newId("org");
        location = newId("loc");
        registerLocation(location, organisation);
    }

    static String passage(UUID eventId, String providerId, String moments) {
        return """
                {"eventId":"%s","providerId":"%s","unitKind":"seh","unitId":"SEH-1","moments":%s}"""
                .formatted(eventId, providerId, moments);
    }

    static String passages(String... passages) {
        return "{\"passages\":[" + String.join(",", passages) + "]}";
    }

    /** Arrival at {@code t}, triage 10 minutes later, seen by a doctor after 40 and departed after 100. */
    private String full() {
        return """
                {"arrival":"%s","triage":"%s","seenByDoctor":"%s","departure":"%s"}""".formatted(t,
                t.plusSeconds(600), t.plusSeconds(2400), t.plusSeconds(6000));
    }

    private long passageEventsOf(String providerId) {
        return eventsOf("module:spoed:" + providerId);
    }

    @Test
    void givenOwnLocation_whenPassagesPosted_then202WithCountsAndOneEventEach() throws Exception {
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, full()),
                passage(UUID.randomUUID(), location, "{\"arrival\":\"" + t + "\",\"triage\":null}"))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":2,\"duplicates\":0,\"rejected\":[]}", true));
        assertThat(passageEventsOf(location)).isEqualTo(2);
        // stored in the definition's order, whatever order they were sent in, at the latest moment
        String reordered = """
                {"departure":"%s","arrival":"%s"}""".formatted(t.plusSeconds(60), t.atOffset(
                java.time.ZoneOffset.ofHours(1)));
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, reordered))), "HOSPITAL", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'occurredAt' FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2", String.class,
                "module:spoed:" + location)).isEqualTo(t.plusSeconds(60).toString());
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND sequence_number = 2", String.class, "module:spoed:" + location))
                .containsSubsequence("\"arrival\"", "\"departure\"");
    }

    @Test
    void givenAPassageWithAnyOtherKey_whenPosted_then400MalformedRequestNotEchoingTheValueAndNothingWritten()
            throws Exception {
        String valid = passage(UUID.randomUUID(), location, full());
        for (String extra : List.of("\"patientId\":\"123456782\"", "\"bsn\":{\"nummer\":\"123456782\"}",
                "\"unexpected\":{\"name\":\"J. Jansen\"}", "\"occurredAt\":\"" + t + "\"", "\"figures\":{}",
                "\"dateOfBirth\":null")) {
            as(postJson(PASSAGES, passages(valid.replace("{\"eventId\"", "{" + extra + ",\"eventId\""))),
                    "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("passages[0] holds '")))
                    .andExpect(jsonPath("$.detail").value(not(containsString("123456782"))))
                    .andExpect(jsonPath("$.detail").value(not(containsString("Jansen"))));
        }
        // the second passage of a batch too: the whole request is refused
        as(postJson(PASSAGES, passages(valid, passage(UUID.randomUUID(), location, full())
                .replace("\"unitId\"", "\"patientName\":\"x\",\"unitId\""))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.detail").value(containsString("passages[1] holds 'patientName'")));
        assertThat(passageEventsOf(location)).isZero();
        assertThat(receiptsOf(organisation)).isZero();
    }

    @Test
    void givenPassagesThatDoNotFitTheDefinition_whenPostedWithAGoodOne_thenEachRejectedWithTheDefinitionsCode()
            throws Exception {
        UUID unknownMoment = UUID.randomUUID();
        UUID outOfOrder = UUID.randomUUID();
        UUID missingArrival = UUID.randomUUID();
        UUID unknownKind = UUID.randomUUID();
        UUID future = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        as(postJson(PASSAGES, passages(
                passage(UUID.randomUUID(), location, full()),
                passage(unknownMoment, location, "{\"arrival\":\"" + t + "\",\"admission\":\"" + t + "\"}"),
                passage(outOfOrder, location, "{\"arrival\":\"" + t + "\",\"triage\":\"" + t.minusSeconds(60)
                        + "\"}"),
                passage(missingArrival, location, "{\"triage\":\"" + t + "\"}"),
                passage(unknownKind, location, full()).replace("\"seh\"", "\"nokind\""),
                passage(future, location, "{\"arrival\":\"" + t + "\",\"departure\":\""
                        + Instant.now().plusSeconds(600) + "\"}"),
                passage(early, location, "{\"arrival\":\"1999-12-31T23:59:59Z\"}"))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.stale").doesNotExist())
                .andExpect(jsonPath("$.rejected", hasSize(6)))
                .andExpect(jsonPath("$.rejected[0].eventId").value(unknownMoment.toString()))
                .andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_MOMENT"))
                .andExpect(jsonPath("$.rejected[0].detail").value(containsString("admission")))
                .andExpect(jsonPath("$.rejected[1].eventId").value(outOfOrder.toString()))
                .andExpect(jsonPath("$.rejected[1].code").value("MOMENTS_OUT_OF_ORDER"))
                .andExpect(jsonPath("$.rejected[2].eventId").value(missingArrival.toString()))
                .andExpect(jsonPath("$.rejected[2].code").value("MISSING_MOMENT"))
                .andExpect(jsonPath("$.rejected[3].code").value("UNKNOWN_UNIT_KIND"))
                .andExpect(jsonPath("$.rejected[4].eventId").value(future.toString()))
                .andExpect(jsonPath("$.rejected[4].code").value("OCCURRED_IN_FUTURE"))
                .andExpect(jsonPath("$.rejected[5].eventId").value(early.toString()))
                .andExpect(jsonPath("$.rejected[5].code").value("OCCURRED_TOO_EARLY"));
        assertThat(passageEventsOf(location)).isEqualTo(1);
        assertThat(receiptsOf(organisation)).isEqualTo(1);
    }

    @Test
    void givenOnlyAPassageThatDoesNotFit_whenPosted_thenTheProblemOfItsCodeWithTheRejectedList() throws Exception {
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, "{\"triage\":\"" + t + "\"}"))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MISSING_MOMENT"))
                .andExpect(jsonPath("$.rejected", hasSize(1)));
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, "{\"arrival\":\"" + t
                + "\",\"departure\":\"" + t.minusSeconds(1) + "\"}"))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MOMENTS_OUT_OF_ORDER"));
        // a module whose unit kind keeps no lead times
        as(postJson("/api/v1/modules/proefmodule/passages", passages(passage(UUID.randomUUID(), location, full())
                .replace("\"seh\"", "\"proefpost\""))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NO_PASSAGES"));
        assertThat(passageEventsOf(location)).isZero();
        assertThat(eventsOf("module:proefmodule:" + location)).isZero();
    }

    @Test
    void givenAcceptedPassage_whenResentAlikeOrWithTheSameIdAndOtherContent_thenDuplicateOr409AndNothingAppended()
            throws Exception {
        UUID eventId = UUID.randomUUID();
        as(postJson(PASSAGES, passages(passage(eventId, location, full()))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted());
        // the same moments written with another offset and in another order are the same passage
        String alike = """
                {"departure":"%s","seenByDoctor":"%s","triage":"%s","arrival":"%s"}""".formatted(
                t.plusSeconds(6000), t.plusSeconds(2400), t.plusSeconds(600),
                t.atOffset(java.time.ZoneOffset.ofHours(2)));
        as(postJson(PASSAGES, passages(passage(eventId, location, alike))), "HOSPITAL", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":0,\"duplicates\":1,\"rejected\":[]}", true));
        assertThat(passageEventsOf(location)).isEqualTo(1);

        String second = newId("loc");
        registerLocation(second, organisation);
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), second, full()),
                passage(eventId, location, full().replace(t.plusSeconds(6000).toString(),
                        t.plusSeconds(6060).toString())))), "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"))
                .andExpect(jsonPath("$.eventIds", hasSize(1)))
                .andExpect(jsonPath("$.eventIds[0]").value(eventId.toString()));
        assertThat(passageEventsOf(location)).isEqualTo(1);
        assertThat(passageEventsOf(second)).isZero();
        assertThat(receiptsOf(organisation)).isEqualTo(1);
    }

    @Test
    void givenAModuleReportAccepted_whenAPassageOfTheSameOrganisationReusesItsId_then409() throws Exception {
        UUID eventId = UUID.randomUUID();
        as(postJson("/api/v1/modules/spoed/reports", """
                {"reports":[{"eventId":"%s","providerId":"%s","unitKind":"seh","unitId":"SEH-1","occurredAt":"%s",
                 "figures":{"openness":"OPEN","waiting":3,"inTreatment":5,"waitingForAdmission":1,
                  "longestWaitMinutes":40,"treatmentPlaces":12}}]}""".formatted(eventId, location, t)),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
        as(postJson(PASSAGES, passages(passage(eventId, location, full()))), "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"));
        assertThat(passageEventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenLocationOfAnotherOrganisationOrAnotherRole_whenPosted_then403AndNothingAppended() throws Exception {
        String other = newId("loc");
        String otherOrganisation = newId("org");
        registerLocation(other, otherOrganisation);
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, full()),
                passage(UUID.randomUUID(), other, full()))), "EPD_SYSTEM", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), other, full()))), "HOSPITAL", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        for (String role : List.of("MKA", "RCPS", "LCPS", "ADMIN")) {
            as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, full()))), role, organisation)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        }
        assertThat(passageEventsOf(location)).isZero();
        assertThat(passageEventsOf(other)).isZero();
    }

    @Test
    void givenModulesOrProvidersTheWritePathCannotTake_whenPosted_then404Or422AsForReports() throws Exception {
        String body = passages(passage(UUID.randomUUID(), location, full()));
        as(postJson("/api/v1/modules/nosuchmodule/passages", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        as(postJson("/api/v1/modules/ketenproef/passages", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PROVIDER_KIND_NOT_ALLOWED"));
        String nowhere = newId("nowhere");
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), nowhere, full()))), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(postJson(PASSAGES, passages(passage(UUID.randomUUID(), location, full()),
                passage(UUID.randomUUID(), nowhere, full()))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_LOCATION"));
    }

    @Test
    void givenStructuralErrors_whenPosted_then400AndNothingWritten() throws Exception {
        String valid = passage(UUID.randomUUID(), location, full());
        List<String> bodies = new ArrayList<>(List.of(
                "{\"passages\":[",
                "{}",
                "{\"passages\":[]}",
                "{\"passages\":[null]}",
                passages(valid.replaceAll("\"eventId\":\"[^\"]*\",", "")),
                passages(valid.replace("\"unitId\":\"SEH-1\"", "\"unitId\":\"SEH 1/x\"")),
                passages(valid.replace("\"unitKind\":\"seh\",", "")),
                passages(valid.replace("\"providerId\":\"" + location + "\"", "\"providerId\":\"\"")),
                passages(valid.replaceAll(",\"moments\":.*}$", "}")),
                passages(valid.replace("\"arrival\":\"" + t + "\"", "\"arrival\":\"2026-12-06T09:02:00\"")),
                passages(valid.replace("\"arrival\":\"" + t + "\"", "\"arrival\":\"yesterday\"")),
                passages(valid.replace("\"arrival\":", "\"\":")),
                passages(valid.replace("\"arrival\":", "\"" + "a".repeat(65) + "\":")),
                passages(valid.replace("\"arrival\":", "\"arr\\u0000ival\":"))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(passage(UUID.randomUUID(), location, full()));
        }
        bodies.add(passages(many.toArray(String[]::new)));
        for (String body : bodies) {
            as(postJson(PASSAGES, body), "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.oneOf("INVALID_FIELD", "INVALID_ID",
                            "MALFORMED_REQUEST")));
        }
        assertThat(passageEventsOf(location)).isZero();
    }

    @Test
    void givenService_whenOpenApiRequested_thenThePassagesPathIsDocumentedWithAClosedPassage() throws Exception {
        String passage = "$.components.schemas.ModulePassageBody";
        mvc.perform(getPath("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/passages'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/passages'].post.description")
                        .value(containsString("MOMENTS_OUT_OF_ORDER")))
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/passages'].post.parameters", hasSize(1)))
                .andExpect(jsonPath(passage + ".additionalProperties").value(false))
                .andExpect(jsonPath(passage + ".properties.*", hasSize(5)))
                .andExpect(jsonPath(passage + ".properties.moments.additionalProperties.format").value("date-time"));
    }

    private long receiptsOf(String organisationId) {
        return jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?", Long.class,
                organisationId);
    }
}
