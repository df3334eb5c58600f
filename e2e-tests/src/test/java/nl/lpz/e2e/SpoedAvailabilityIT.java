package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Spoed's ED availability across the services: the ED's openness pushed to capacity-service as a module figure, its
 * stop declared at stop-service, and the module's regional picture in reporting-service showing them together
 * (spoed-v2: STOP with the stop's end while an SEH stop runs, the shock room's own state beside it), for the RCPS of
 * the region and the MKA of the veiligheidsregio, through the gateway.
 */
class SpoedAvailabilityIT {
    private static final String PICTURE = "/api/v1/regions/" + ROAZ_NHF + "/modules/spoed";
    private static final Stops.Region AMSTERDAM = new Stops.Region(VR13, ROAZ_NHF);
    private static final ZoneId AMSTERDAM_TIME = ZoneId.of("Europe/Amsterdam");

    @Test
    void givenAnOpenEd_whenItDeclaresAnSehStop_thenItsAvailabilityReadsStopUntilTheEnd_andOpenAfterEnding() {
        Stops.Provider ed = Stops.provider(AMC_ORG, AMSTERDAM, "SEH", "SR");
        Api.expectStatus(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/spoed/reports",
                Map.of("reports", List.of(report(ed.locationId(), "OPEN")))), 202);

        JsonNode open = awaitEd(Api.rcps(ROAZ_NHF), ed.locationId(),
                u -> assertThat(u.path("availability").path("value").asText()).isEqualTo("OPEN"));
        assertThat(open.path("care").path("SEH").asText()).isEqualTo("OPEN");
        assertThat(open.path("care").path("SR").asText()).isEqualTo("OPEN");
        assertThat(open.path("care").has("EHH")).as("not offered there").isFalse();
        assertThat(open.path("stops")).isEmpty();

        JsonNode stop = Stops.declared(ed, "SEH", 60, "SEH vol, geen behandelplekken");
        String stopId = stop.path("stopId").asText();
        for (Api.Identity reader : List.of(Api.rcps(ROAZ_NHF), Api.mka(VR13))) {
            JsonNode stopped = awaitEd(reader, ed.locationId(),
                    u -> assertThat(u.path("availability").path("value").asText()).isEqualTo("STOP"));
            assertThat(stopped.path("availability").path("stopKind").asText()).isEqualTo("SEH");
            Stops.assertStoredInstant(stopped.path("availability").path("until"),
                    Lpz.instant(stop.path("expectedEnd")));
            assertThat(stopped.path("stops").get(0).path("stopId").asText()).isEqualTo(stopId);
            assertThat(stopped.path("care").path("SEH").asText()).isEqualTo("STOP");
            assertThat(stopped.path("care").path("SR").asText()).as("a stop affects only its own kind")
                    .isEqualTo("OPEN");
            assertThat(stopped.path("statuses").path("openness").asText()).as("the figure as reported")
                    .isEqualTo("OPEN");
        }

        Api.expectStatus(Stops.end(ed.hospital(), stopId), 200);
        awaitEd(Api.rcps(ROAZ_NHF), ed.locationId(), u -> {
            assertThat(u.path("availability").path("value").asText()).isEqualTo("OPEN");
            assertThat(u.path("stops")).isEmpty();
        });
    }

    @Test
    void givenAnEdWithOpeningHours_whenReadOutsideThem_thenClosedUntilItOpens_andAroundTheClockOnceTheyAreCleared() {
        Stops.Provider ed = Stops.provider(AMC_ORG, AMSTERDAM, "SEH", "SR");
        Api.expectStatus(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/spoed/reports",
                Map.of("reports", List.of(report(ed.locationId(), "OPEN")))), 202);
        awaitEd(Api.rcps(ROAZ_NHF), ed.locationId(),
                u -> assertThat(u.path("availability").path("value").asText()).isEqualTo("OPEN"));
        // open only two days from now, 08:00-17:00 in Amsterdam: closed now, whatever the time of the run
        LocalDate day = LocalDate.now(AMSTERDAM_TIME).plusDays(2);
        String hours = "/api/v1/locations/" + ed.locationId() + "/opening-hours/SEH";
        JsonNode set = Api.expectStatus(Api.put(ed.hospital(), hours, Map.of("periods",
                List.of(Map.of("day", day.getDayOfWeek().name(), "opens", "08:00", "closes", "17:00")))), 200);
        assertThat(set.path("changed").asBoolean()).isTrue();
        assertThat(set.path("aroundTheClock").asBoolean()).isFalse();

        JsonNode closed = awaitEd(Api.rcps(ROAZ_NHF), ed.locationId(),
                u -> assertThat(u.path("availability").path("value").asText()).isEqualTo("CLOSED"));
        assertThat(closed.path("availability").path("outsideHours").asBoolean()).isTrue();
        Stops.assertStoredInstant(closed.path("availability").path("until"),
                day.atTime(8, 0).atZone(AMSTERDAM_TIME).toInstant());
        assertThat(closed.path("statuses").path("openness").asText()).as("the figure as reported").isEqualTo("OPEN");
        JsonNode location = Api.expectStatus(Api.get(Api.admin(), "/api/v1/locations/" + ed.locationId()), 200);
        assertThat(location.path("openingHours").path("SEH").get(0).path("opens").asText()).isEqualTo("08:00");

        // refused, and nothing changed: a kind not offered there, a period that closes before it opens, a reader
        Api.expectProblem(Api.put(ed.hospital(), "/api/v1/locations/" + ed.locationId() + "/opening-hours/PCI",
                Map.of("periods", List.of())), 400, "CARE_NOT_OFFERED");
        Api.expectProblem(Api.put(ed.hospital(), hours, Map.of("periods", List.of(Map.of("day", "MONDAY",
                "opens", "17:00", "closes", "08:00")))), 400, "INVALID_FIELD");
        Api.expectProblem(Api.put(ed.hospital(), hours, Map.of("periods", List.of(
                Map.of("day", "MONDAY", "opens", "08:00", "closes", "17:00"),
                Map.of("day", "MONDAY", "opens", "16:00", "closes", "20:00")))), 400, "OVERLAPPING_OPENING_HOURS");
        Api.expectProblem(Api.put(Api.mka(VR13), hours, Map.of("periods", List.of())), 403, "FORBIDDEN_ROLE");
        assertThat(Api.expectStatus(Api.get(Api.admin(), "/api/v1/locations/" + ed.locationId()), 200)
                .path("openingHours").path("SEH")).hasSize(1);

        Api.expectStatus(Api.put(ed.hospital(), hours, Map.of("periods", List.of())), 200);
        awaitEd(Api.rcps(ROAZ_NHF), ed.locationId(), u -> {
            assertThat(u.path("availability").path("value").asText()).isEqualTo("OPEN");
            assertThat(u.path("availability").path("outsideHours").asBoolean()).isFalse();
            assertThat(u.path("availability").hasNonNull("closesAt")).as("around the clock").isFalse();
        });
    }

    @Test
    void givenAnEdThatNeverReportedSpoed_whenItDeclaresAStop_thenThePictureListsItAsNotReportingWithItsStop() {
        Stops.Provider ed = Stops.provider(AMC_ORG, AMSTERDAM, "SEH");
        JsonNode stop = Stops.declared(ed, "SEH", 45, "SEH vol");

        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode picture = Api.expectStatus(Api.get(Api.mka(VR13), PICTURE), 200);
            JsonNode silent = null;
            for (JsonNode p : picture.path("notReporting")) {
                if (ed.locationId().equals(p.path("providerId").asText())) {
                    silent = p;
                }
            }
            assertThat(silent).as("%s among the EDs that did not report, in %s", ed.locationId(), picture)
                    .isNotNull();
            assertThat(silent.path("care").path("SEH").asText()).isEqualTo("STOP");
            assertThat(silent.path("stops").get(0).path("stopId").asText())
                    .isEqualTo(stop.path("stopId").asText());
            for (JsonNode p : picture.path("providers")) {
                assertThat(p.path("providerId").asText()).isNotEqualTo(ed.locationId());
            }
        });
    }

    private static Map<String, Object> report(String loc, String openness) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", UUID.randomUUID().toString());
        report.put("providerId", loc);
        report.put("unitKind", "seh");
        report.put("unitId", "SEH");
        report.put("figures", Map.of("openness", openness, "waiting", 4, "inTreatment", 9, "waitingForAdmission", 2,
                "longestWaitMinutes", 55, "treatmentPlaces", 14));
        report.put("occurredAt", Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS).toString());
        return report;
    }

    /** The location's ED in the Spoed picture, once it passes {@code check}. */
    private static JsonNode awaitEd(Api.Identity reader, String loc, Consumer<JsonNode> check) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode picture = Api.expectStatus(Api.get(reader, PICTURE), 200);
            JsonNode unit = null;
            for (JsonNode provider : picture.path("providers")) {
                if (loc.equals(provider.path("providerId").asText())) {
                    unit = provider.path("units").get(0);
                }
            }
            assertThat(unit).as("the ED of %s in %s", loc, picture).isNotNull();
            check.accept(unit);
            found[0] = unit;
        });
        return found[0];
    }
}
