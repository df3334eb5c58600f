package nl.lpz.capacity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleReportSource;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

/**
 * The module write path with the test-only module {@code proefmodule} (test-support: unit kind {@code proefpost},
 * counts {@code places} and {@code taken} with {@code taken <= places}, status {@code state} GREEN/RED, optional
 * duration {@code waitMinutes}): HTTP → event store → Kafka, with the bed events' receipts, instant rules and
 * authorisation, on a real PostgreSQL and a real broker.
 */
class ModuleReportsIT extends CapacitySpringTest {
    static final String REPORTS = "/api/v1/modules/proefmodule/reports";
    static final String OK = "{\"places\":10,\"taken\":3,\"state\":\"GREEN\"}";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    private String location;
    private String organisation;

    @BeforeEach
    void registerOwnLocation() throws Exception {
        organisation = newId("org");
        location = newId("loc");
        registerLocation(location, organisation);
    }

    static String report(UUID eventId, String providerId, String unitId, String figures, Instant occurredAt) {
        return """
                {"eventId":"%s","providerId":"%s","unitKind":"proefpost","unitId":"%s","figures":%s,
                 "occurredAt":"%s"}""".formatted(eventId, providerId, unitId, figures, occurredAt);
    }

    static String reports(String... reports) {
        return "{\"reports\":[" + String.join(",", reports) + "]}";
    }

    private long moduleEventsOf(String providerId) {
        return eventsOf("module:proefmodule:" + providerId);
    }

    @Test
    void givenRegisteredLocation_whenReportPosted_thenAcceptedAndModuleFiguresReportedOnTheModulesTopicByProvider()
            throws Exception {
        UUID eventId = UUID.randomUUID();
        as(postJson(REPORTS, reports(report(eventId, location, "POST-1",
                "{\"places\":10,\"taken\":3.0,\"state\":\"GREEN\",\"waitMinutes\":null}", t))), "EPD_SYSTEM",
                organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":1,\"duplicates\":0,\"stale\":0,\"rejected\":[]}", true));
        assertThat(moduleEventsOf(location)).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.CAPACITY_MODULES, r -> location.equals(r.key())
                && "ModuleFiguresReported".equals(KafkaRecords.header(r, EventHeaders.EVENT_TYPE)));
        assertThat(KafkaRecords.header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
        ModuleFiguresReported event = EventJson.fromBytes(record.value(), ModuleFiguresReported.class);
        assertThat(event.moduleId()).isEqualTo("proefmodule");
        assertThat(event.definitionVersion()).isEqualTo(1);
        assertThat(event.providerKind()).isEqualTo("HOSPITAL_LOCATION");
        assertThat(event.providerId()).isEqualTo(location);
        assertThat(event.organisationId().value()).isEqualTo(organisation);
        assertThat(event.unitKind()).isEqualTo("proefpost");
        assertThat(event.unitId()).isEqualTo("POST-1");
        assertThat(event.values()).isEqualTo(Map.of("places", 10L, "taken", 3L));
        assertThat(event.statuses()).isEqualTo(Map.of("state", "GREEN"));
        assertThat(event.occurredAt()).isEqualTo(t);
        assertThat(event.stale()).isFalse();
        assertThat(event.source()).isEqualTo(ModuleReportSource.EVENT);
        assertThat(event.sourceEventId()).isEqualTo(eventId);
    }

    @Test
    void givenRegisteredLocation_whenPassagePosted_thenModulePassageRecordedOnTheModulesTopicByProvider()
            throws Exception {
        // lead times need a unit kind with passages: Spoed's current definition (shared-events' spoed-v5)
        UUID eventId = UUID.randomUUID();
        as(postJson("/api/v1/modules/spoed/passages", """
                {"passages":[{"eventId":"%s","providerId":"%s","unitKind":"seh","unitId":"SEH-1",
                 "moments":{"triage":"%s","arrival":"%s","departure":"%s"}}]}""".formatted(eventId, location,
                t.minusSeconds(2700), t.minusSeconds(3000), t)), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}", true));
        assertThat(eventsOf("module:spoed:" + location)).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.CAPACITY_MODULES, r -> location.equals(r.key())
                && "ModulePassageRecorded".equals(KafkaRecords.header(r, EventHeaders.EVENT_TYPE)));
        assertThat(KafkaRecords.header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
        ModulePassageRecorded event = EventJson.fromBytes(record.value(), ModulePassageRecorded.class);
        assertThat(event.moduleId()).isEqualTo("spoed");
        assertThat(event.definitionVersion()).isEqualTo(5);
        assertThat(event.providerKind()).isEqualTo("HOSPITAL_LOCATION");
        assertThat(event.providerId()).isEqualTo(location);
        assertThat(event.organisationId().value()).isEqualTo(organisation);
        assertThat(event.unitKind()).isEqualTo("seh");
        assertThat(event.unitId()).isEqualTo("SEH-1");
        // in the definition's order, at its latest moment
        assertThat(event.moments()).containsExactly(Map.entry("arrival", t.minusSeconds(3000)),
                Map.entry("triage", t.minusSeconds(2700)), Map.entry("departure", t));
        assertThat(event.occurredAt()).isEqualTo(t);
        assertThat(event.sourceEventId()).isEqualTo(eventId);
    }

    @Test
    void givenAcceptedReport_whenResentAlikeOrWithTheSameIdAndOtherContent_thenDuplicateOr409AndNothingAppended()
            throws Exception {
        String second = newId("loc");
        registerLocation(second, organisation);
        UUID eventId = UUID.randomUUID();
        as(postJson(REPORTS, reports(report(eventId, location, "POST-1", OK, t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted());
        // the same figures written otherwise (a count as 10.0, a field order) are the same report
        as(postJson(REPORTS, reports(report(eventId, location, "POST-1",
                "{\"state\":\"GREEN\",\"taken\":3,\"places\":10.0}", t))), "HOSPITAL", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":0,\"duplicates\":1,\"stale\":0,\"rejected\":[]}", true));
        assertThat(moduleEventsOf(location)).isEqualTo(1);

        as(postJson(REPORTS, reports(report(UUID.randomUUID(), second, "POST-1", OK, t),
                report(eventId, location, "POST-1", "{\"places\":10,\"taken\":4,\"state\":\"GREEN\"}", t))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"))
                .andExpect(jsonPath("$.eventIds", hasSize(1)))
                .andExpect(jsonPath("$.eventIds[0]").value(eventId.toString()));
        assertThat(moduleEventsOf(location)).isEqualTo(1);
        assertThat(moduleEventsOf(second)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?",
                Long.class, organisation)).isEqualTo(1);
    }

    @Test
    void givenBedEventAccepted_whenAModuleReportOfTheSameOrganisationReusesItsId_then409() throws Exception {
        UUID eventId = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(eventId, location, "B1", "AVAILABLE", t))), "EPD_SYSTEM",
                organisation).andExpect(status().isAccepted());
        as(postJson(REPORTS, reports(report(eventId, location, "POST-1", OK, t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"));
        assertThat(moduleEventsOf(location)).isZero();
    }

    @Test
    void givenReportsThatDoNotFitTheDefinition_whenPostedWithAGoodOne_thenEachRejectedWithTheDefinitionsCode()
            throws Exception {
        List<String> figures = List.of(
                "{\"places\":3,\"taken\":4,\"state\":\"GREEN\"}",
                "{\"places\":3,\"taken\":1,\"state\":\"GREEN\",\"beds\":1}",
                "{\"places\":3,\"taken\":1,\"state\":\"BLUE\"}",
                "{\"places\":3,\"taken\":1}",
                "{\"places\":3,\"taken\":1.5,\"state\":\"GREEN\"}",
                "{\"places\":51,\"taken\":1,\"state\":\"GREEN\"}",
                "{\"places\":3,\"taken\":1,\"state\":7}");
        List<String> codes = List.of("INVARIANT_BROKEN", "UNKNOWN_FIGURE", "UNKNOWN_STATUS", "MISSING_FIGURE",
                "FIGURE_TYPE_MISMATCH", "FIGURE_OUT_OF_RANGE", "FIGURE_TYPE_MISMATCH");
        List<String> batch = new ArrayList<>();
        batch.add(report(UUID.randomUUID(), location, "POST-1", OK, t));
        for (String f : figures) {
            batch.add(report(UUID.randomUUID(), location, "POST-2", f, t));
        }
        UUID unknownKind = UUID.randomUUID();
        batch.add(report(unknownKind, location, "POST-3", OK, t).replace("\"proefpost\"", "\"nokind\""));
        var answer = as(postJson(REPORTS, reports(batch.toArray(String[]::new))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected", hasSize(figures.size() + 1)))
                .andExpect(jsonPath("$.rejected[" + figures.size() + "].eventId").value(unknownKind.toString()))
                .andExpect(jsonPath("$.rejected[" + figures.size() + "].code").value("UNKNOWN_UNIT_KIND"));
        for (int i = 0; i < codes.size(); i++) {
            answer.andExpect(jsonPath("$.rejected[" + i + "].code").value(codes.get(i)))
                    .andExpect(jsonPath("$.rejected[" + i + "].detail").isString());
        }
        assertThat(moduleEventsOf(location)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?",
                Long.class, organisation)).isEqualTo(1);
    }

    @Test
    void givenOnlyAReportBreakingTheInvariant_whenPosted_then400InvariantBrokenWithTheRejectedList()
            throws Exception {
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1",
                "{\"places\":3,\"taken\":4,\"state\":\"RED\"}", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVARIANT_BROKEN"))
                .andExpect(jsonPath("$.rejected", hasSize(1)));
        assertThat(moduleEventsOf(location)).isZero();
    }

    @Test
    void givenModulesTheWritePathCannotTake_whenPosted_then404UnknownModuleOr422ProviderKindNotAllowed()
            throws Exception {
        String body = reports(report(UUID.randomUUID(), location, "POST-1", OK, t));
        as(postJson("/api/v1/modules/nosuchmodule/reports", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        as(putJson("/api/v1/modules/nosuchmodule/providers/" + location + "/units",
                "{\"asOf\":\"" + t + "\",\"units\":[]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        // capacity-service's test module ketenproef is delivered by VVT institutions, which have no register yet
        as(postJson("/api/v1/modules/ketenproef/reports", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PROVIDER_KIND_NOT_ALLOWED"));
        as(putJson("/api/v1/modules/ketenproef/providers/" + location + "/units",
                "{\"asOf\":\"" + t + "\",\"units\":[]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PROVIDER_KIND_NOT_ALLOWED"));
        assertThat(moduleEventsOf(location)).isZero();
    }

    @Test
    void givenNewerReport_whenOlderReportArrives_thenCountedStaleAndStoredAsStale() throws Exception {
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t.plusSeconds(60)))),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted());
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1",
                "{\"places\":10,\"taken\":9,\"state\":\"RED\"}", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":0,\"duplicates\":0,\"stale\":1,\"rejected\":[]}", true));
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'stale' FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", String.class,
                "module:proefmodule:" + location)).isEqualTo("true");
    }

    @Test
    void givenReportsAheadOrBeforeTheHorizon_whenPosted_thenRejectedAsBedEventsAre() throws Exception {
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK,
                Instant.now().plusSeconds(600)))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("OCCURRED_IN_FUTURE"));
        UUID early = UUID.randomUUID();
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t),
                report(early, location, "POST-2", OK, Instant.now().minus(401, ChronoUnit.DAYS)))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].eventId").value(early.toString()))
                .andExpect(jsonPath("$.rejected[0].code").value("OCCURRED_TOO_EARLY"));
        assertThat(moduleEventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenANewProvider_whenEveryReportIsTooEarlyOrTheSnapshotIsEmpty_thenNothingIsAppendedAndLaterReportsWork()
            throws Exception {
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK,
                Instant.parse("1999-12-31T23:59:59Z")))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("OCCURRED_TOO_EARLY"));
        as(putJson("/api/v1/modules/proefmodule/providers/" + location + "/units",
                "{\"asOf\":\"" + t + "\",\"units\":[]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"moduleId":"proefmodule","providerId":"%s","asOf":"%s","changed":0,"removed":0,
                         "unchanged":0,"skippedNewerKnown":0}""".formatted(location, t), true));
        assertThat(moduleEventsOf(location)).isZero();
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t))), "EPD_SYSTEM",
                organisation).andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void givenThreeUnits_whenSnapshotListsTwo_thenTheThirdIsRemovedAndTheUnchangedEmitsNothing() throws Exception {
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t),
                report(UUID.randomUUID(), location, "POST-2", OK, t),
                report(UUID.randomUUID(), location, "POST-3", OK, t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(3));
        Instant asOf = t.plusSeconds(120);
        String snapshot = """
                {"asOf":"%s","units":[
                  {"unitKind":"proefpost","unitId":"POST-1","figures":{"places":10,"taken":10,"state":"RED",
                   "waitMinutes":45},"occurredAt":"%s"},
                  {"unitKind":"proefpost","unitId":"POST-2","figures":%s}]}""".formatted(asOf, t.plusSeconds(60), OK);
        as(putJson("/api/v1/modules/proefmodule/providers/" + location + "/units", snapshot), "EPD_SYSTEM",
                organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"moduleId":"proefmodule","providerId":"%s","asOf":"%s","changed":1,"removed":1,
                         "unchanged":1,"skippedNewerKnown":0}""".formatted(location, asOf), true));
        assertThat(moduleEventsOf(location)).isEqualTo(5);

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.CAPACITY_MODULES, r -> location.equals(r.key())
                && "ModuleUnitRemoved".equals(KafkaRecords.header(r, EventHeaders.EVENT_TYPE)));
        ModuleUnitRemoved removed = EventJson.fromBytes(record.value(), ModuleUnitRemoved.class);
        assertThat(removed.unitId()).isEqualTo("POST-3");
        assertThat(removed.occurredAt()).isEqualTo(asOf);
        assertThat(removed.organisationId().value()).isEqualTo(organisation);
        // the three reports are the provider's events 0..2; the snapshot's change is 3, the removal 4
        ModuleFiguresReported changed = EventJson.fromBytes(awaitRecord(Topics.CAPACITY_MODULES,
                r -> location.equals(r.key()) && "3".equals(KafkaRecords.header(r, EventHeaders.AGGREGATE_SEQUENCE)))
                .value(), ModuleFiguresReported.class);
        assertThat(changed.source()).isEqualTo(ModuleReportSource.SNAPSHOT);
        assertThat(changed.sourceEventId()).isNull();
        assertThat(changed.values()).containsEntry("waitMinutes", 45L);
    }

    @Test
    void givenASnapshotWithAUnitThatDoesNotFitOrIsListedTwice_whenPut_thenTheWholeSnapshotIsRefusedWithItsCode()
            throws Exception {
        String path = "/api/v1/modules/proefmodule/providers/" + location + "/units";
        String unit = "{\"unitKind\":\"proefpost\",\"unitId\":\"POST-1\",\"figures\":" + OK + "}";
        as(putJson(path, "{\"asOf\":\"" + t + "\",\"units\":[" + unit + "," + unit.replace("POST-1", "POST-2")
                .replace("\"taken\":3", "\"taken\":11") + "]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVARIANT_BROKEN"));
        as(putJson(path, "{\"asOf\":\"" + t + "\",\"units\":[" + unit + "," + unit + "]}"), "EPD_SYSTEM",
                organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DUPLICATE_UNIT"));
        as(putJson(path, "{\"asOf\":\"" + t + "\",\"units\":[" + unit.replace("proefpost", "nokind") + "]}"),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_UNIT_KIND"));
        assertThat(moduleEventsOf(location)).isZero();
    }

    @Test
    void givenLocationOfAnotherOrganisation_whenReportedOrSnapshotted_then403AndNothingAppended() throws Exception {
        String other = newId("loc");
        String otherOrganisation = newId("org");
        registerLocation(other, otherOrganisation);
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t),
                report(UUID.randomUUID(), other, "POST-1", OK, t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(putJson("/api/v1/modules/proefmodule/providers/" + other + "/units",
                "{\"asOf\":\"" + t + "\",\"units\":[]}"), "HOSPITAL", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t))), "MKA", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        assertThat(moduleEventsOf(location)).isZero();
        assertThat(moduleEventsOf(other)).isZero();
    }

    @Test
    void givenUnknownProvider_whenPostedAloneOrWithAKnownOne_then404UnknownLocationOrItAloneRejected()
            throws Exception {
        String nowhere = newId("nowhere");
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), nowhere, "POST-1", OK, t))), "EPD_SYSTEM",
                organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(postJson(REPORTS, reports(report(UUID.randomUUID(), location, "POST-1", OK, t),
                report(UUID.randomUUID(), nowhere, "POST-1", OK, t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_LOCATION"));
        as(putJson("/api/v1/modules/proefmodule/providers/" + nowhere + "/units",
                "{\"asOf\":\"" + t + "\",\"units\":[]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
    }

    @Test
    void givenStructuralErrors_whenPostedOrPut_then400AndNothingWritten() throws Exception {
        String valid = report(UUID.randomUUID(), location, "POST-1", OK, t);
        List<String> bodies = new ArrayList<>(List.of(
                "{\"reports\":[",
                "{}",
                "{\"reports\":[]}",
                reports(valid.replaceAll("\"eventId\":\"[^\"]*\",", "")),
                reports(valid.replace("\"unitId\":\"POST-1\"", "\"unitId\":\"POST 1/x\"")),
                reports(valid.replace("\"unitKind\":\"proefpost\",", "")),
                reports(valid.replace("\"providerId\":\"" + location + "\"", "\"providerId\":\"\"")),
                reports(valid.replace("\"figures\":" + OK + ",", "")),
                reports(valid.replaceAll(",\\s*\"occurredAt\":\"[^\"]*\"", "")),
                reports(valid.replace("\"state\":\"GREEN\"", "\"state\":\"GR\\u0000EEN\"")),
                reports(valid.replace("\"state\":\"GREEN\"", "\"st\\uD800ate\":\"GREEN\"")),
                reports(valid.replace("\"state\":\"GREEN\"", "\"state\":\"" + "G".repeat(65) + "\""))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(report(UUID.randomUUID(), location, "POST-" + i, OK, t));
        }
        bodies.add(reports(many.toArray(String[]::new)));
        for (String body : bodies) {
            as(postJson(REPORTS, body), "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.oneOf("INVALID_FIELD", "INVALID_ID",
                            "MALFORMED_REQUEST")));
        }
        String path = "/api/v1/modules/proefmodule/providers/" + location + "/units";
        for (String body : List.of("{\"units\":[]}", "{\"asOf\":\"" + t + "\"}",
                "{\"asOf\":\"" + t + "\",\"units\":[{\"unitKind\":\"proefpost\",\"figures\":" + OK + "}]}")) {
            as(putJson(path, body), "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.oneOf("INVALID_FIELD", "INVALID_ID")));
        }
        assertThat(moduleEventsOf(location)).isZero();
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> KafkaRecords.all(bootstrap, topic).stream().filter(match).findFirst(),
                        Optional::isPresent).orElseThrow();
    }
}
