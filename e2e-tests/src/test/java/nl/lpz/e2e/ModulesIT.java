package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A module that exists only as a definition file ({@code proefmodule}, given to the services as
 * {@code lpz.modules.definitions}; no Java of its own) goes through the whole platform: listed in the catalogue,
 * pushed by an EPD, refused when it breaks its definition, shown in the region now and as of an earlier instant,
 * streamed over SSE and counted in delivery compliance.
 */
class ModulesIT {
    private static final String MODULE = "proefmodule";
    private static final String REPORTS = "/api/v1/modules/" + MODULE + "/reports";
    private static final String PICTURE = "/api/v1/regions/" + ROAZ_NHF + "/modules/" + MODULE;

    @Test
    void givenTheCatalogue_thenTheShippedModulesAndTheDefinitionFileOnlyModuleAreListed() {
        JsonNode catalogue = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/modules"), 200);
        List<String> ids = new ArrayList<>();
        (catalogue.isArray() ? catalogue : catalogue.path("modules")).forEach(m -> ids.add(m.path("id").asText()));
        assertThat(ids).contains("spoed", "geboortezorg", MODULE);

        JsonNode module = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/modules/" + MODULE), 200);
        assertThat(module.path("version").asInt()).isEqualTo(1);
        assertThat(module.path("units").get(0).path("kind").asText()).isEqualTo("proefpost");
        Api.expectProblem(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/modules/geen-module"), 404, "UNKNOWN_MODULE");
    }

    @Test
    void givenReportsOfADefinitionOnlyModule_whenPushed_thenTheRegionShowsThemNowAndAsOfAndTheStreamAnnouncesThem()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t1 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Instant t2 = t1.plusSeconds(30);

        try (SseClient stream = SseClient.open(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF + "/stream", null)) {
            assertThat(stream.status).isEqualTo(200);
            UUID first = UUID.randomUUID();
            JsonNode answer = Api.expectStatus(push(report(first, loc, "P1", 10, 4, "GREEN", t1)), 202);
            assertThat(answer.path("accepted").asLong()).isEqualTo(1);
            awaitModuleEvent(stream, loc);

            // the same report again is a duplicate; the same id with other content refuses the request
            assertThat(Api.expectStatus(push(report(first, loc, "P1", 10, 4, "GREEN", t1)), 202)
                    .path("duplicates").asLong()).isEqualTo(1);
            Api.expectProblem(push(report(first, loc, "P1", 10, 5, "GREEN", t1)), 409, "EVENT_ID_CONFLICT");
        }
        Api.expectStatus(push(report(UUID.randomUUID(), loc, "P1", 10, 6, "RED", t2)), 202);

        JsonNode now = awaitUnit(loc, "P1", null, u -> assertThat(u.path("values").path("taken").asLong())
                .isEqualTo(6));
        assertThat(now.path("statuses").path("state").asText()).isEqualTo("RED");
        assertThat(now.path("definitionVersion").asInt()).isEqualTo(1);
        assertThat(now.path("levels").path("fill").asText()).as("6 of 10 taken").isEqualTo("MIDDEN");
        JsonNode then = awaitUnit(loc, "P1", t1.plusSeconds(10), u -> assertThat(u.path("values").path("taken")
                .asLong()).isEqualTo(4));
        assertThat(then.path("statuses").path("state").asText()).isEqualTo("GREEN");

        // an older report arriving late is history, not the current state
        assertThat(Api.expectStatus(push(report(UUID.randomUUID(), loc, "P1", 10, 1, "GREEN", t1.plusSeconds(5))),
                202).path("stale").asLong()).isEqualTo(1);
        awaitUnit(loc, "P1", null, u -> assertThat(u.path("values").path("taken").asLong()).isEqualTo(6));
    }

    @Test
    void givenReportsThatBreakTheDefinition_whenPushed_thenProblemsWithTheirCodesAndNothingIsShown() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        Api.expectProblem(push(report(UUID.randomUUID(), loc, "P1", 3, 4, "GREEN", t)), 400, "INVARIANT_BROKEN");
        Api.expectProblem(push(report(UUID.randomUUID(), loc, "P1", 3, 1, "BLUE", t)), 400, "UNKNOWN_STATUS");
        Api.expectProblem(push(report(UUID.randomUUID(), loc, "P1", 51, 1, "GREEN", t)), 400, "FIGURE_OUT_OF_RANGE");
        Map<String, Object> unknownUnit = report(UUID.randomUUID(), loc, "P1", 3, 1, "GREEN", t);
        unknownUnit.put("unitKind", "kraamafdeling");
        Api.expectProblem(push(unknownUnit), 400, "UNKNOWN_UNIT_KIND");
        Api.expectProblem(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/geen-module/reports",
                Map.of("reports", List.of(report(UUID.randomUUID(), loc, "P1", 3, 1, "GREEN", t)))), 404,
                "UNKNOWN_MODULE");
        Api.expectProblem(Api.post(Api.epd("999999"), REPORTS,
                Map.of("reports", List.of(report(UUID.randomUUID(), loc, "P1", 3, 1, "GREEN", t)))), 403,
                "FORBIDDEN_ORGANISATION");

        // a valid report afterwards is the first and only one the region shows
        Api.expectStatus(push(report(UUID.randomUUID(), loc, "P1", 3, 1, "GREEN", t)), 202);
        awaitUnit(loc, "P1", null, u -> assertThat(u.path("values").path("places").asLong()).isEqualTo(3));
    }

    @Test
    void givenADeliveringLocation_thenComplianceCountsItForTheModule() {
        String loc = Lpz.newLocation(AMC_ORG);
        Api.expectStatus(push(report(UUID.randomUUID(), loc, "P1", 5, 1, "GREEN",
                Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS))), 202);
        awaitUnit(loc, "P1", null, u -> assertThat(u.path("values").path("places").asLong()).isEqualTo(5));

        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode compliance = Api.expectStatus(Api.get(Api.admin(), "/api/v1/compliance/modules"), 200);
            JsonNode module = null;
            for (JsonNode m : compliance.isArray() ? compliance : compliance.path("modules")) {
                if (MODULE.equals(m.path("moduleId").asText())) {
                    module = m;
                }
            }
            assertThat(module).as("proefmodule in %s", compliance).isNotNull();
            assertThat(module.toString()).contains(ROAZ_NHF);
            assertThat(module.findValues("delivering").stream().mapToLong(JsonNode::asLong).max().orElse(0))
                    .as("delivering in %s", module).isPositive();
        });
    }

    private static Api.Response push(Map<String, Object> report) {
        return Api.post(Api.epd(AMC_ORG), REPORTS, Map.of("reports", List.of(report)));
    }

    private static Map<String, Object> report(UUID eventId, String loc, String unitId, int places, int taken,
                                              String state, Instant at) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", eventId.toString());
        report.put("providerId", loc);
        report.put("unitKind", "proefpost");
        report.put("unitId", unitId);
        report.put("figures", Map.of("places", places, "taken", taken, "state", state));
        report.put("occurredAt", at.toString());
        return report;
    }

    /** The unit in the region's picture (now, or as of {@code asOf}) once it passes {@code check}. */
    private static JsonNode awaitUnit(String loc, String unitId, Instant asOf,
                                      java.util.function.Consumer<JsonNode> check) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode picture = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF),
                    PICTURE + (asOf == null ? "" : "?asOf=" + asOf)), 200);
            JsonNode unit = null;
            for (JsonNode provider : picture.path("providers")) {
                if (loc.equals(provider.path("providerId").asText())) {
                    for (JsonNode u : provider.path("units")) {
                        if (unitId.equals(u.path("unitId").asText())) {
                            unit = u;
                        }
                    }
                }
            }
            assertThat(unit).as("unit %s of %s in %s", unitId, loc, picture).isNotNull();
            check.accept(unit);
            found[0] = unit;
        });
        return found[0];
    }

    private static void awaitModuleEvent(SseClient stream, String loc) throws Exception {
        long deadline = System.nanoTime() + Lpz.VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event e = stream.next(Duration.ofMillis(200));
            if (e != null && "module".equals(e.name()) && e.data().contains(loc) && e.data().contains(MODULE)) {
                return;
            }
        }
        throw new AssertionError("no module event for " + loc + " within " + Lpz.VISIBLE_WITHIN + "; received "
                + stream.received());
    }
}
