package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_LOCATION;
import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.elementCodes;
import static nl.lpz.e2e.Lpz.instant;
import static nl.lpz.e2e.Lpz.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Push → visible: bed events through the gateway appear in the regional capacity read model, counted by the LPZ rules. */
class RegionalCapacityIT {

    @Test
    void givenBedsOfEveryStatusAndCovidLabel_whenPushedByTheEpd_thenTheRegionalPictureCountsThemByTheLpzRules() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Bed ic = Bed.at(loc, "IC", "x", "IC_BEADEMD");
        Bed ward = Bed.at(loc, "K3", "x", "KLINIEK_VOLWASSENEN");
        List<Bed> beds = List.of(
                ic.bed("ic-1").available().at(t),
                ic.bed("ic-2").occupied("NON_COVID").at(t.plusSeconds(1)),
                ic.bed("ic-3").reserved().at(t.plusSeconds(2)),
                ic.bed("ic-4").blocked().at(t.plusSeconds(3)),
                ic.bed("ic-5").covidCapacity(true).occupied("COVID").at(t.plusSeconds(4)),
                ic.bed("ic-6").covidCapacity(true).available().at(t.plusSeconds(5)),
                ic.bed("ic-7").covidCapacity(true).occupied("COVID_DELABELLED").at(t.plusSeconds(6)),
                ward.bed("k-1").labels("INTERNE_GENEESKUNDE", "BESCHOUWEND").available().at(t.plusSeconds(7)),
                ward.bed("k-2").blocked().at(t.plusSeconds(8)),
                ward.bed("k-3").labels("CHIRURGIE", "SNIJDEND").occupied("NON_COVID").at(t.plusSeconds(9)));

        Lpz.pushAll(Api.epd(AMC_ORG), beds);

        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, x -> {
            assertThat(x).as("location %s in the regional picture", loc).isNotNull();
            assertThat(x.path("lastEventAt").isNull() || x.path("lastEventAt").isMissingNode()).isFalse();
            assertThat(instant(x.get("lastEventAt"))).isEqualTo(t.plusSeconds(9));
        });
        assertThat(l.path("organisationId").asText()).isEqualTo(AMC_ORG);
        assertThat(l.path("name").asText()).isEqualTo("E2E location " + loc);
        assertThat(l.path("safetyRegionId").asText()).isEqualTo(VR13);
        assertThat(l.path("shared").asBoolean(false)).as("shared of %s", l).isTrue();
        assertThat(l.path("own").isBoolean() && !l.path("own").asBoolean()).as("own=false for RCPS in %s", l).isTrue();
        // ICU elements first, then code-list order
        assertThat(elementCodes(l)).containsExactly("IC_BEADEMD", "KLINIEK_VOLWASSENEN");

        JsonNode icu = element(l, "IC_BEADEMD");
        assertThat(icu.path("icu").asBoolean(false)).isTrue();
        // capacity = available + occupied; RESERVED counts as occupied; BLOCKED counts nowhere
        assertFigures(icu, 6, 2, 4);
        assertFigures(icu.get("covid"), 3, 1, 2);
        assertFigures(icu.get("nonCovid"), 3, 1, 2);

        JsonNode kliniek = element(l, "KLINIEK_VOLWASSENEN");
        assertThat(kliniek.path("icu").isBoolean() && !kliniek.path("icu").asBoolean()).isTrue();
        assertFigures(kliniek, 2, 1, 1);
        assertFigures(kliniek.get("covid"), 0, 0, 0);
        assertFigures(kliniek.get("nonCovid"), 2, 1, 1);

        JsonNode totals = l.get("totals");
        assertFigures(totals, 8, 3, 5);
        assertFigures(totals.get("covid"), 3, 1, 2);
        assertFigures(totals.get("nonCovid"), 5, 2, 3);

        JsonNode patients = l.get("patients");
        assertThat(List.of(patients.path("covid").asInt(-1), patients.path("covidDelabelled").asInt(-1),
                patients.path("nonCovid").asInt(-1))).as("patients %s", patients).containsExactly(1, 1, 2);

        JsonNode picture = Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF);
        assertThat(picture.path("roazRegionId").asText()).isEqualTo(ROAZ_NHF);
        assertThat(instant(picture.get("asOf"))).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    @Test
    void givenARegisteredLocationWithoutBedReports_whenTheRegionIsRead_thenItIsListedEmptyWithNoLastEventAt() {
        String loc = Lpz.newLocation(AMC_ORG);

        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, x -> assertThat(x).isNotNull());

        assertThat(l.path("lastEventAt").isNull()).as("lastEventAt in %s", l).isTrue();
        assertThat(l.path("elements").isArray() && l.path("elements").isEmpty()).as("elements in %s", l).isTrue();
        assertFigures(l.get("totals"), 0, 0, 0);
    }

    @Test
    void givenTheOwningHospital_whenItReadsTheRegion_thenItsLocationIsMarkedOwn() {
        String loc = Lpz.newLocation(AMC_ORG);
        Lpz.pushAll(Api.epd(AMC_ORG), Bed.at(loc, "SEH", "bed-1", "MC").available());

        // the registration alone already lists the location: wait for the bed's figures
        JsonNode own = awaitLocation(Api.hospital(AMC_ORG), ROAZ_NHF, loc,
                x -> assertFigures(element(x, "MC"), 1, 1, 0));
        assertThat(own.path("own").asBoolean(false)).as("own in %s", own).isTrue();

        JsonNode other = location(Lpz.capacity(Api.hospital(Lpz.VUMC_ORG), ROAZ_NHF), loc);
        assertThat(other).as("the location as another hospital sees it").isNotNull();
        assertThat(other.path("own").isBoolean() && !other.path("own").asBoolean()).as("own in %s", other).isTrue();
    }

    @Test
    void givenABedChangingStatus_whenItsEventsArrive_thenItIsCountedOnceInItsLatestStatus() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(30);
        Bed b = Bed.at(loc, "CCU", "bed-1", "CCU");
        Lpz.pushAll(Api.epd(AMC_ORG), b.available().at(t));
        Lpz.pushAll(Api.epd(AMC_ORG), b.reserved().at(t.plusSeconds(1)));
        Lpz.pushAll(Api.epd(AMC_ORG), b.occupied("NON_COVID").at(t.plusSeconds(2)));
        Lpz.pushAll(Api.epd(AMC_ORG), b.available().at(t.plusSeconds(3)), b.blocked().at(t.plusSeconds(4)),
                b.available().at(t.plusSeconds(5)), b.occupied("COVID").at(t.plusSeconds(6)));

        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, x -> {
            assertThat(x).isNotNull();
            assertThat(instant(x.get("lastEventAt"))).isEqualTo(t.plusSeconds(6).truncatedTo(ChronoUnit.MILLIS));
        });
        assertFigures(element(l, "CCU"), 1, 0, 1);
        assertThat(l.path("patients").path("covid").asInt(-1)).isEqualTo(1);
        assertThat(l.path("patients").path("nonCovid").asInt(-1)).isEqualTo(0);
    }

    @Test
    void givenALocationOfTheReferenceTopology_whenABedIsPushedForIt_thenItsRegionalFiguresGrowByThatBed() {
        JsonNode before = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), AMC_LOCATION);
        assertThat(before).as("reference location %s (shared, history released) in ROAZ-NHF", AMC_LOCATION).isNotNull();
        assertThat(before.path("organisationId").asText()).isEqualTo(AMC_ORG);
        assertThat(before.path("name").asText()).isEqualTo("Academisch Medisch Centrum");
        assertThat(before.path("safetyRegionId").asText()).isEqualTo(VR13);
        JsonNode paaz = element(before, "PAAZ");
        int capacity = paaz == null ? 0 : paaz.path("capacity").asInt();
        int available = paaz == null ? 0 : paaz.path("available").asInt();
        int occupied = paaz == null ? 0 : paaz.path("occupied").asInt();

        Bed b = Bed.at(AMC_LOCATION, Lpz.unique("PAAZ"), "bed-1", "PAAZ").available();
        Lpz.pushAll(Api.epd(AMC_ORG), b);

        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, AMC_LOCATION,
                x -> assertFigures(element(x, "PAAZ"), capacity + 1, available + 1, occupied));
    }
}
