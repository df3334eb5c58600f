package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Birth-care refusals (weigeringen) across the platform: a first-line midwife records through the gateway that a
 * hospital could not take a woman in labour (capacity-service, `POST /api/v1/birth-care/refusals`); the hospital reads
 * the refusals about itself and the RCPS of its region the monthly counts (reporting-service); another hospital may
 * not read them; a resent refusal is a duplicate and a refusal with an unknown reason changes nothing.
 */
class RefusalsIT {
    private static final String REFUSALS = "/api/v1/birth-care/refusals";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void givenAMidwifesTwoRefusalsOfOneHospital_whenTheHospitalAndItsRcpsRead_thenTheySeeThemAndOthersDoNot() {
        String refusing = obstetricLocation(AMC_ORG);
        String taking = obstetricLocation(VUMC_ORG);
        String practice = Lpz.unique("VP");
        Api.Identity midwife = Api.midwife(practice, ROAZ_NHF);
        // both in the same minute, so on one Amsterdam day and month whatever the hour
        Instant at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = at.atZone(AMSTERDAM).toLocalDate();
        YearMonth month = YearMonth.from(day);
        Map<String, Object> takenElsewhere = refusal(refusing, at, "NO_DELIVERY_ROOM", taking);
        Map<String, Object> notTaken = refusal(refusing, at.plusSeconds(30), "PRESENTATIESTOP", null);

        JsonNode answer = Api.expectStatus(Api.post(midwife, REFUSALS,
                Map.of("refusals", List.of(takenElsewhere, notTaken))), 202);
        assertThat(answer.path("accepted").asInt()).as("%s", answer).isEqualTo(2);
        assertThat(answer.path("rejected").isArray() && answer.path("rejected").isEmpty()).isTrue();
        JsonNode again = Api.expectStatus(Api.post(midwife, REFUSALS, Map.of("refusals", List.of(takenElsewhere))),
                202);
        assertThat(again.path("duplicates").asInt()).as("the same eventId again: %s", again).isEqualTo(1);
        assertThat(again.path("accepted").asInt()).isZero();

        // an unknown reason refuses the whole request with a problem; nothing of it is written
        Map<String, Object> badReason = refusal(refusing, at, "FULL_MOON", null);
        Map<String, Object> wouldBeFine = refusal(refusing, at, "NO_STAFF", null);
        Api.expectProblem(Api.post(midwife, REFUSALS, Map.of("refusals", List.of(wouldBeFine, badReason))), 400,
                "INVALID_FIELD");

        String about = "/api/v1/locations/" + refusing + "/refusals?from=" + day + "&to=" + day;
        await().atMost(Lpz.VISIBLE_WITHIN).ignoreExceptions().untilAsserted(() -> {
            JsonNode list = Api.expectStatus(Api.get(Api.hospital(AMC_ORG), about), 200);
            assertThat(list.path("refusals")).as("%s", list).hasSize(2);
        });
        JsonNode list = Api.expectStatus(Api.get(Api.hospital(AMC_ORG), about), 200);
        JsonNode first = list.path("refusals").get(0);
        assertThat(first.path("reason").asText()).isEqualTo("NO_DELIVERY_ROOM");
        assertThat(first.path("takenByLocationId").asText()).isEqualTo(taking);
        assertThat(first.path("midwifeRegionId").asText()).isEqualTo(ROAZ_NHF);
        assertThat(first.has("practiceId")).as("the practice is not shown to the hospital").isFalse();
        assertThat(list.path("refusals").get(1).path("reason").asText()).isEqualTo("PRESENTATIESTOP");
        assertThat(list.path("refusals").get(1).path("takenByLocationId").isNull()).isTrue();

        Api.expectProblem(Api.get(Api.hospital(VUMC_ORG), about), 403, "FORBIDDEN_ORGANISATION");
        Api.expectProblem(Api.get(midwife, about), 403, "FORBIDDEN_ROLE");

        JsonNode monthly = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF
                + "/refusals/monthly?from=" + month + "&to=" + month), 200);
        JsonNode counts = null;
        for (JsonNode hospital : monthly.path("hospitals")) {
            if (refusing.equals(hospital.path("locationId").asText())) {
                counts = hospital.path("months").get(0);
            }
        }
        assertThat(counts).as("%s in %s", refusing, monthly).isNotNull();
        assertThat(counts.path("month").asText()).isEqualTo(month.toString());
        assertThat(counts.path("total").asInt()).isEqualTo(2);
        assertThat(counts.path("byReason").path("NO_DELIVERY_ROOM").asInt()).isEqualTo(1);
        assertThat(counts.path("byReason").path("PRESENTATIESTOP").asInt()).isEqualTo(1);
        assertThat(counts.path("byReason").path("NO_STAFF").asInt()).as("the refused request wrote nothing")
                .isZero();
        assertThat(counts.path("takenElsewhere").asInt()).isEqualTo(1);
        Api.expectProblem(Api.get(Api.rcps(Lpz.OTHER_REGION), "/api/v1/regions/" + ROAZ_NHF
                + "/refusals/monthly"), 403, "FORBIDDEN_REGION");

        JsonNode mine = Api.expectStatus(Api.get(midwife, "/api/v1/birth-care/refusals/mine?from=" + day), 200);
        assertThat(mine.path("refusals")).as("%s", mine).hasSize(2);
    }

    /** A location of its own in VR13 / ROAZ-NHF with acute obstetric care, under a reference organisation. */
    private static String obstetricLocation(String organisationId) {
        String id = Lpz.unique("E2E-VK");
        Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + id, Lpz.locationBody(organisationId,
                "E2E verloskunde " + id, ROAZ_NHF, VR13, "SEH", "VERLOSKUNDE"));
        assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
        return id;
    }

    private static Map<String, Object> refusal(String refused, Instant at, String reason, String takenBy) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventId", UUID.randomUUID().toString());
        r.put("refusedLocationId", refused);
        r.put("occurredAt", at.atZone(AMSTERDAM).toOffsetDateTime().toString());
        r.put("reason", reason);
        r.put("takenByLocationId", takenBy);
        return r;
    }
}
