package nl.lpz.reporting.capacity;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ProjectionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The current regional picture is computed again exactly when the region's change log moved on (or it aged). A
 * table change that tells no change-log row stands in for "nothing the picture depends on changed": it stays unseen
 * until a projected change, or the age limit, makes the query compute again.
 */
class CurrentPictureTest {
    private static ProjectionDatabase db;

    private String region;
    private String org;
    private String loc;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("projection");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void aSharedLocationWithOneAvailableBed() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        db.project(publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.visibility(org, true, true, at(0))),
                publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()));
    }

    @Test
    void givenAPictureRead_whenNothingIsProjected_thenTheSamePictureIsAnsweredAsOfNow() {
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMinutes(5));
        RegionalCapacity first = query.find(region, null, null).orElseThrow();
        assertThat(available(first)).isEqualTo(1);

        sneakASecondBedIn();

        RegionalCapacity again = query.find(region, null, null).orElseThrow();
        assertThat(available(again)).as("computed once, answered again").isEqualTo(1);
        assertThat(again.asOf()).isAfterOrEqualTo(first.asOf());
        assertThat(new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ZERO).find(region, null, null)
                .map(CurrentPictureTest::available)).as("computed without reuse").contains(2);
    }

    @Test
    void givenAPictureRead_whenABedChangeIsProjected_thenTheNextReadComputesItAgain() {
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMinutes(5));
        query.find(region, null, null).orElseThrow();
        sneakASecondBedIn();

        db.project(publish(bed(loc, org, "B3").status(BedStatus.OCCUPIED).at(at(3)).event()));

        RegionalCapacity after = query.find(region, null, null).orElseThrow();
        assertThat(available(after)).isEqualTo(2);
        assertThat(after.locations().get(0).totals().occupied()).isEqualTo(1);
    }

    @Test
    void givenAPictureRead_whenItsContactsChange_thenTheNextReadShowsThem() {
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMinutes(5));
        assertThat(query.find(region, null, null).orElseThrow().locations().get(0).contacts().regiehouderSeh())
                .isEmpty();

        db.project(publish(Fixtures.contacts(loc, org)));

        assertThat(query.find(region, null, null).orElseThrow().locations().get(0).contacts().regiehouderSeh())
                .extracting(RegionalCapacity.Contact::name).containsExactly("Jan de Vries");
    }

    @Test
    void givenAPictureRead_whenAnotherLocationChanges_thenOnlyThatOneIsReadAgainAndTheRestTakenFromThePicture() {
        String other = unique("LOC");
        db.project(publish(Fixtures.location(other, org, region, "VR01")),
                publish(bed(other, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()));
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMinutes(5));
        query.find(region, null, null).orElseThrow();
        sneakASecondBedIn();

        db.project(publish(bed(other, org, "B2").status(BedStatus.OCCUPIED).at(at(3)).event()));

        RegionalCapacity after = query.find(region, null, null).orElseThrow();
        assertThat(location(after, other).totals().occupied()).as("the changed location, read again").isEqualTo(1);
        assertThat(location(after, loc).totals().available()).as("the unchanged one, taken as it was").isEqualTo(1);
        assertThat(location(new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ZERO)
                .find(region, null, null).orElseThrow(), loc).totals().available()).as("read whole").isEqualTo(2);
    }

    @Test
    void givenAPictureRead_whenTheOrganisationStopsSharing_thenTheNextReadLeavesItsLocationOutForOthers() {
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMinutes(5));
        assertThat(query.find(region, null, null).orElseThrow().locations()).hasSize(1);

        db.project(publish(Fixtures.visibility(org, false, false, at(2))));

        assertThat(query.find(region, null, null).orElseThrow().locations()).isEmpty();
        assertThat(query.find(region, null, org).orElseThrow().locations()).extracting(l -> l.shared())
                .as("the owner still sees it, as not shared").containsExactly(false);
    }

    @Test
    void givenAPictureRead_whenItIsOlderThanTheMaximumAge_thenTheNextReadComputesItAgain() throws Exception {
        RegionalCapacityQuery query = new RegionalCapacityQuery(db.jdbc(), db.transactions(), Duration.ofMillis(50));
        query.find(region, null, null).orElseThrow();
        sneakASecondBedIn();
        Thread.sleep(100); // the age limit itself is what is tested here

        assertThat(query.find(region, null, null).map(CurrentPictureTest::available)).contains(2);
    }

    /** A second available bed written straight into the read model, without a change-log row. */
    private void sneakASecondBedIn() {
        db.jdbc().update("""
                insert into bed_current (location_id, department_id, bed_id, organisation_id, status, specialistisch,
                                         covid, occurred_at, event_id, removed)
                select location_id, department_id, 'B2', organisation_id, status, specialistisch, covid,
                       occurred_at, ?, removed
                from bed_current where location_id = ? and bed_id = 'B1'""", UUID.randomUUID().toString(),
                loc);
    }

    private static RegionalCapacity.LocationCapacity location(RegionalCapacity picture, String locationId) {
        return picture.locations().stream().filter(l -> l.locationId().equals(locationId)).findFirst().orElseThrow();
    }

    private static int available(RegionalCapacity picture) {
        return picture.locations().get(0).totals().available();
    }
}
