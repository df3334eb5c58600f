package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.elementCodes;
import static nl.lpz.e2e.Lpz.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Full snapshot (EPD resync): {@code PUT /api/v1/locations/{id}/beds} replaces the location's beds; absent beds go. */
class SnapshotResyncIT {

    static ObjectNode snapshot(Instant asOf, Bed... beds) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("asOf", Bed.wire(asOf));
        ArrayNode list = body.putArray("beds");
        for (Bed b : beds) {
            list.add(b.snapshotJson());
        }
        return body;
    }

    @Test
    void givenThreeBeds_whenASnapshotListsOnlyTwo_thenTheThirdIsRemovedAndTheTwoTakeTheirSnapshotStatus() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        Bed ward = Bed.at(loc, "K", "x", "KLINIEK_VOLWASSENEN").at(t);
        Bed b1 = ward.bed("bed-1").available();
        Bed b2 = ward.bed("bed-2").occupied("NON_COVID");
        Bed b3 = ward.bed("bed-3").available();
        Bed m1 = Bed.at(loc, "MC", "mc-1", "MC").available().at(t);
        Lpz.pushAll(Api.epd(AMC_ORG), b1, b2, b3, m1);
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> {
            assertFigures(element(l, "KLINIEK_VOLWASSENEN"), 3, 2, 1);
            assertFigures(element(l, "MC"), 1, 1, 0);
        });

        Instant asOf = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant seen = asOf.minusSeconds(5);
        Api.Response r = Api.put(Api.epd(AMC_ORG), "/api/v1/locations/" + loc + "/beds",
                snapshot(asOf, b1.occupied("COVID").at(seen), b2.at(seen)));

        Api.expectStatus(r, 202);
        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc,
                x -> assertFigures(element(x, "KLINIEK_VOLWASSENEN"), 2, 0, 2));
        assertThat(elementCodes(l)).as("MC's only bed was absent from the snapshot").containsExactly("KLINIEK_VOLWASSENEN");
        assertThat(l.path("patients").path("covid").asInt(-1)).isEqualTo(1);
        assertThat(l.path("patients").path("nonCovid").asInt(-1)).isEqualTo(1);

        JsonNode earlier = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF, t.plusSeconds(30)), loc);
        assertThat(earlier).as("%s as of before the snapshot", loc).isNotNull();
        assertFigures(element(earlier, "KLINIEK_VOLWASSENEN"), 3, 2, 1);
        assertFigures(element(earlier, "MC"), 1, 1, 0);
    }
}
