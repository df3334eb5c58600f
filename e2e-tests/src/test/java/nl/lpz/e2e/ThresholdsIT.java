package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thresholds (drempelwaarden): others see {@code available = max(0, available - threshold)} per element, taken from the
 * non-COVID split first, then COVID, with capacity unchanged (docs/architecture.md); the owner sees its raw figures,
 * {@code threshold} and {@code availableShared}.
 */
class ThresholdsIT {

    static ObjectNode thresholds(String element, int beds) {
        ObjectNode body = Api.JSON.createObjectNode();
        ObjectNode t = body.putArray("thresholds").addObject();
        t.put("specialistisch", element);
        t.put("beds", beds);
        return body;
    }

    @Test
    void givenAThresholdOfFourIcBeds_whenOthersReadTheRegion_thenAvailableIsReducedNonCovidFirstAndOnlyTheOwnerSeesTheThreshold() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(60);
        Bed ic = Bed.at(loc, "IC", "x", "IC_BEADEMD").at(t);
        Lpz.pushAll(Api.epd(AMC_ORG), List.of(
                ic.bed("n-1").available(), ic.bed("n-2").available(), ic.bed("n-3").available(),
                ic.bed("n-4").occupied("NON_COVID"),
                ic.bed("c-1").covidCapacity(true).available(), ic.bed("c-2").covidCapacity(true).available(),
                ic.bed("c-3").covidCapacity(true).occupied("COVID"),
                Bed.at(loc, "K", "k-1", "KLINIEK_VOLWASSENEN").available().at(t)));
        // raw IC_BEADEMD: capacity 7, available 5, occupied 2; nonCovid 4/3/1, covid 3/2/1
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "IC_BEADEMD"), 7, 5, 2));

        Api.expect2xx(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + loc + "/thresholds",
                thresholds("IC_BEADEMD", 4)));

        for (Api.Identity other : List.of(Api.hospital(VUMC_ORG), Api.rcps(ROAZ_NHF))) {
            JsonNode l = awaitLocation(other, ROAZ_NHF, loc,
                    x -> assertThat(element(x, "IC_BEADEMD").path("available").asInt(-1)).isEqualTo(1));
            JsonNode e = element(l, "IC_BEADEMD");
            // capacity stays the staffed beds; only available is held back (docs/architecture.md)
            assertFigures(e, 7, 1, 2);
            // 4 held back: all 3 available non-COVID beds, then 1 of the 2 available COVID beds
            assertThat(e.path("nonCovid").path("available").asInt(-1)).as("nonCovid of %s", e).isZero();
            assertThat(e.path("nonCovid").path("occupied").asInt(-1)).as("nonCovid of %s", e).isEqualTo(1);
            assertThat(e.path("covid").path("available").asInt(-1)).as("covid of %s", e).isEqualTo(1);
            assertThat(e.path("covid").path("occupied").asInt(-1)).as("covid of %s", e).isEqualTo(1);
            assertThat(e.path("threshold").isMissingNode() || e.path("threshold").isNull())
                    .as("no threshold for %s in %s", other, e).isTrue();
            assertThat(e.path("availableShared").isMissingNode() || e.path("availableShared").isNull())
                    .as("no availableShared for %s in %s", other, e).isTrue();
            // an element without a threshold is not reduced
            assertFigures(element(l, "KLINIEK_VOLWASSENEN"), 1, 1, 0);
        }

        JsonNode own = awaitLocation(Api.hospital(AMC_ORG), ROAZ_NHF, loc,
                x -> assertThat(element(x, "IC_BEADEMD").path("threshold").asInt(-1)).isEqualTo(4));
        assertThat(own.path("own").asBoolean(false)).isTrue();
        JsonNode e = element(own, "IC_BEADEMD");
        // the owner sees both: its raw figures and, beside them, the threshold and the shared figure
        assertFigures(e, 7, 5, 2);
        assertThat(e.path("availableShared").asInt(-1)).as("availableShared of %s", e).isEqualTo(1);
    }

    @Test
    void givenAThresholdAboveTheAvailableBeds_whenOthersReadTheRegion_thenAvailableIsZeroNotNegative() {
        String loc = Lpz.newLocation(AMC_ORG);
        Bed mc = Bed.at(loc, "MC", "x", "MC").at(Instant.now().minusSeconds(30));
        Lpz.pushAll(Api.epd(AMC_ORG), mc.bed("m-1").available(), mc.bed("m-2").occupied("NON_COVID"));
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "MC"), 2, 1, 1));

        Api.expect2xx(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + loc + "/thresholds", thresholds("MC", 3)));

        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc,
                x -> assertThat(element(x, "MC").path("available").asInt(-1)).isZero());
        assertFigures(element(l, "MC"), 2, 0, 1);
        assertThat(element(l, "MC").path("nonCovid").path("available").asInt(-1)).isZero();
        assertThat(element(l, "MC").path("covid").path("available").asInt(-1)).isZero();
    }
}
