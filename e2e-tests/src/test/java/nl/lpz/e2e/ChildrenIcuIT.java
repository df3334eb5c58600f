package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, Kliniek NICU/PICU, through the gateway: PICU and NICU beds of a location appear as their own groups in the
 * regional picture, the RCPS daily report and the LCPS feed (of ICU: ICU keeps counting them), and in the national
 * NICU/PICU overview with the threshold applied; a hidden organisation's children's ICU is not shown to the LCPS.
 */
class ChildrenIcuIT {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Api.Identity LCPS = new Api.Identity("e2e-lcps", List.of("LCPS"), null, null);
    private static final String OVERVIEW = "/api/v1/lcps/children-icu";

    @Test
    void givenPicuAndNicuBeds_whenTheCoordinationCentresRead_thenTheyAreTheirOwnGroups_andHiddenOnesStayHidden() {
        String loc = Lpz.newLocation(AMC_ORG);
        String hiddenOrg = Lpz.unique("E2EORG");
        String hiddenLoc = Lpz.unique("E2E");
        Api.expect2xx(Api.put(Api.admin(), "/api/v1/locations/" + hiddenLoc,
                Lpz.locationBody(hiddenOrg, "Hidden hospital " + hiddenLoc, ROAZ_NHF, VR13, "SEH")));
        // before today's report moment (10:00 Amsterdam), so that today's RCPS report and LCPS feed count them
        LocalDate today = LocalDate.now(AMSTERDAM);
        Instant moment = today.atTime(10, 0).atZone(AMSTERDAM).toInstant();
        Instant now = Instant.now().minusSeconds(60);
        Instant t = (now.isBefore(moment) ? now : moment.minusSeconds(60)).truncatedTo(ChronoUnit.MILLIS);
        Bed picu = Bed.at(loc, "PICU", "x", "PICU").at(t);
        Bed nicu = Bed.at(loc, "NICU", "x", "NICU").at(t);
        Lpz.pushAll(Api.epd(AMC_ORG), List.of(picu.bed("p-1").available(), picu.bed("p-2").available(),
                picu.bed("p-3").occupied("NON_COVID"), nicu.bed("n-1").covidCapacity(true).occupied("COVID"),
                nicu.bed("n-2").available(), Bed.at(loc, "IC", "i-1", "IC_BEADEMD").available().at(t)));
        Lpz.pushAll(Api.epd(hiddenOrg), Bed.at(hiddenLoc, "PICU", "p-1", "PICU").available().at(t));
        Api.expect2xx(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("PICU", 1)));

        // the regional picture: groups per location, the threshold applied for others
        JsonNode pictured = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc,
                l -> assertFigures(l.path("groups").path("picu"), 3, 1, 1));
        assertFigures(pictured.path("groups").path("nicu"), 2, 1, 1);
        // IC_BEADEMD 1 free, PICU 1 of 2 free shown (threshold 1), NICU 1 free
        assertFigures(pictured.path("groups").path("icu"), 6, 3, 2);

        // the RCPS daily report: real capacity (no threshold), PICU and NICU of ICU
        JsonNode daily = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF),
                "/api/v1/rcps/" + ROAZ_NHF + "/daily?date=" + today), 200);
        JsonNode mine = entry(daily.path("locations"), "locationId", loc);
        assertThat(mine).as("%s in %s", loc, daily).isNotNull();
        assertFigures(mine.path("picu"), 3, 2, 1);
        assertFigures(mine.path("nicu"), 2, 1, 1);
        assertThat(mine.path("nicu").path("patients").path("covid").asInt()).isEqualTo(1);
        assertThat(mine.path("icu").path("capacity").asInt()).as("ICU counts them too").isEqualTo(6);
        assertThat(entry(daily.path("locations"), "locationId", hiddenLoc)).as("hidden for the RCPS").isNull();

        // the LCPS feed: per region and nationally (others' beds may be in the region too: at least ours)
        JsonNode day = Api.expectStatus(Api.get(LCPS, "/api/v1/lcps/feed?date=" + today), 200).path("days").path(0);
        JsonNode region = entry(day.path("regions"), "roazRegionId", ROAZ_NHF);
        assertThat(region.path("picu").path("capacity").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(region.path("nicu").path("occupied").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(day.path("national").path("picu").path("capacity").asInt())
                .isGreaterThanOrEqualTo(region.path("picu").path("capacity").asInt());
        assertThat(region.path("icu").path("capacity").asInt())
                .isGreaterThanOrEqualTo(region.path("picu").path("capacity").asInt()
                        + region.path("nicu").path("capacity").asInt());

        // the national NICU/PICU overview, as the LCPS sees it
        JsonNode overview = Api.expectStatus(Api.get(LCPS, OVERVIEW), 200);
        JsonNode nhf = entry(overview.path("regions"), "roazRegionId", ROAZ_NHF);
        JsonNode listed = entry(nhf.path("locations"), "locationId", loc);
        assertThat(listed).as("%s in %s", loc, nhf).isNotNull();
        assertThat(listed.path("organisationId").asText()).isEqualTo(AMC_ORG);
        assertThat(listed.path("roazRegionId").asText()).isEqualTo(ROAZ_NHF);
        assertThat(listed.path("safetyRegionId").asText()).isEqualTo(VR13);
        assertThat(listed.path("name").asText()).isEqualTo("E2E location " + loc);
        assertFigures(listed.path("picu"), 3, 1, 1);
        assertFigures(listed.path("nicu"), 2, 1, 1);
        assertThat(Lpz.instant(listed.path("lastEventAt"))).isEqualTo(t);
        assertThat(listed.path("ageSeconds").asLong(-1)).isGreaterThanOrEqualTo(0);
        assertThat(nhf.path("totals").path("picu").path("capacity").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(overview.path("national").path("picu").path("capacity").asInt())
                .isGreaterThanOrEqualTo(nhf.path("totals").path("picu").path("capacity").asInt());
        for (JsonNode r : overview.path("regions")) {
            assertThat(entry(r.path("locations"), "locationId", hiddenLoc)).as("hidden in %s", r).isNull();
        }
        // ... and the hidden organisation's own bed is in the read model: absence is not lag
        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> assertThat(
                Lpz.location(Lpz.capacity(Api.hospital(hiddenOrg), ROAZ_NHF), hiddenLoc)).isNotNull());

        Api.expectProblem(Api.get(Api.hospital(AMC_ORG), OVERVIEW), 403, "FORBIDDEN_ROLE");
        Api.expectProblem(Api.get(LCPS, OVERVIEW + "?asOf=yesterday"), 400, "INVALID_FIELD");
        JsonNode before = Api.expectStatus(Api.get(Api.rcps(Lpz.OTHER_REGION),
                OVERVIEW + "?asOf=" + t.minusSeconds(1)), 200);
        assertThat(entry(entry(before.path("regions"), "roazRegionId", ROAZ_NHF).path("locations"), "locationId", loc))
                .as("not yet reported at %s", t.minusSeconds(1)).isNull();
    }

    private static JsonNode entry(JsonNode array, String field, String value) {
        for (JsonNode e : array) {
            if (value.equals(e.path(field).asText())) {
                return e;
            }
        }
        return null;
    }
}
