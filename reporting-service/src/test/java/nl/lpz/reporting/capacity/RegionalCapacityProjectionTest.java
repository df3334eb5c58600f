package nl.lpz.reporting.capacity;

import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.pipeline.ProjectionPipeline;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.readmodel.Locations;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.capacity.RegionalCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.ElementCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.Figures;
import nl.lpz.reporting.capacity.RegionalCapacity.LocationCapacity;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The projection fed events as consumed records, asserted through its query (no broker, no Spring context): the
 * counting rules, the COVID split, patients, thresholds, visibility, time travel and idempotency.
 */
class RegionalCapacityProjectionTest {
    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static SimpleMeterRegistry meters;
    private static RegionalCapacityQuery query;

    private String region;
    private String org;
    private String loc;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("projection");
        jdbc = db.jdbc();
        DataSourceTransactionManager tm = db.transactions();
        meters = db.meters();
        query = new RegionalCapacityQuery(jdbc, tm);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void aSharedLocation() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        project(publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.visibility(org, true, true, at(0))));
    }

    private static ProjectionPipeline.Outcome project(Published... records) {
        return db.project(records);
    }

    private LocationCapacity now(String viewer) {
        return location(query.find(region, null, viewer).orElseThrow(), loc).orElseThrow();
    }

    private Optional<LocationCapacity> asOf(Instant t, String viewer, String locationId) {
        return location(query.find(region, t, viewer).orElseThrow(), locationId);
    }

    private static Optional<LocationCapacity> location(RegionalCapacity rc, String locationId) {
        return rc.locations().stream().filter(l -> l.locationId().equals(locationId)).findFirst();
    }

    private static ElementCapacity element(LocationCapacity l, String code) {
        return l.elements().stream().filter(e -> e.specialistisch().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void givenAvailableOccupiedReservedAndBlockedBeds_whenQueried_thenReservedCountsAsOccupiedAndBlockedCountsNowhere() {
        project(publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).event()),
                publish(bed(loc, org, "B2").status(BedStatus.OCCUPIED).event()),
                publish(bed(loc, org, "B3").status(BedStatus.RESERVED).event()),
                publish(bed(loc, org, "B4").status(BedStatus.BLOCKED).event()));

        ElementCapacity e = element(now(null), "KLINIEK_VOLWASSENEN");
        assertThat(e.available()).isEqualTo(1);
        assertThat(e.occupied()).isEqualTo(2);
        assertThat(e.capacity()).isEqualTo(3);
        assertThat(e.icu()).isFalse();
        assertThat(now(null).totals().capacity()).isEqualTo(3);
    }

    @Test
    void givenAnElementWithOnlyBlockedBeds_whenQueried_thenTheElementIsLeftOut() {
        project(publish(bed(loc, org, "B1").element("MC").status(BedStatus.BLOCKED).event()),
                publish(bed(loc, org, "B2").status(BedStatus.AVAILABLE).event()));

        assertThat(now(null).elements()).extracting(ElementCapacity::specialistisch)
                .containsExactly("KLINIEK_VOLWASSENEN");
    }

    @Test
    void givenElementsOfSeveralKinds_whenQueried_thenIcuElementsComeFirstInCodeListOrder() {
        project(publish(bed(loc, org, "B1").element("KLINIEK_VOLWASSENEN").event()),
                publish(bed(loc, org, "B2").element("MC").event()),
                publish(bed(loc, org, "B3").element("IC_NIET_BEADEMD").event()),
                publish(bed(loc, org, "B4").element("IC_BEADEMD").event()));

        assertThat(now(null).elements()).extracting(ElementCapacity::specialistisch)
                .containsExactly("IC_BEADEMD", "IC_NIET_BEADEMD", "MC", "KLINIEK_VOLWASSENEN");
        assertThat(element(now(null), "IC_BEADEMD").icu()).isTrue();
    }

    @Test
    void givenABedThatWasRemoved_whenQueried_thenItCountsNowhere_butStillDatesTheLocation() {
        project(publish(bed(loc, org, "B1").at(at(1)).event()), publish(bed(loc, org, "B2").at(at(1)).event()));
        project(publish(bed(loc, org, "B2").removed(at(5))));

        LocationCapacity l = now(null);
        assertThat(element(l, "KLINIEK_VOLWASSENEN").capacity()).isEqualTo(1);
        assertThat(l.lastEventAt()).isEqualTo(at(5));
    }

    @Test
    void givenCovidCapacityBeds_whenQueried_thenSplitByTheBedsCovidLabelWhateverThePatient() {
        project(publish(bed(loc, org, "B1").element("IC_BEADEMD").covid(true).patient(PatientCovidStatus.NON_COVID)
                        .event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").covid(true).status(BedStatus.AVAILABLE).event()),
                publish(bed(loc, org, "B3").element("IC_BEADEMD").covid(false).patient(PatientCovidStatus.COVID)
                        .event()),
                publish(bed(loc, org, "B4").element("IC_BEADEMD").covid(false).status(BedStatus.AVAILABLE).event()),
                publish(bed(loc, org, "B5").element("IC_BEADEMD").covid(false).status(BedStatus.AVAILABLE).event()));

        ElementCapacity e = element(now(null), "IC_BEADEMD");
        assertThat(e.covid()).isEqualTo(new Figures(2, 1, 1));
        assertThat(e.nonCovid()).isEqualTo(new Figures(3, 2, 1));
        assertThat(e.capacity()).isEqualTo(5);
        assertThat(now(null).totals().covid()).isEqualTo(new Figures(2, 1, 1));
    }

    @Test
    void givenOccupiedBedsWithPatientStatus_whenQueried_thenPatientsAreCountedByStatus_andReservationsHoldNoPatient() {
        project(publish(bed(loc, org, "B1").patient(PatientCovidStatus.COVID).event()),
                publish(bed(loc, org, "B2").patient(PatientCovidStatus.COVID).event()),
                publish(bed(loc, org, "B3").patient(PatientCovidStatus.COVID_DELABELLED).event()),
                publish(bed(loc, org, "B4").patient(PatientCovidStatus.NON_COVID).event()),
                publish(bed(loc, org, "B5").status(BedStatus.RESERVED).event()));

        RegionalCapacity.Patients p = now(null).patients();
        assertThat(p).isEqualTo(new RegionalCapacity.Patients(2, 1, 1));
        assertThat(now(null).totals().occupied()).isEqualTo(5);
    }

    @Test
    void givenAThreshold_whenAnotherOrganisationQueries_thenAvailableIsHeldBackNonCovidFirstThenCovid() {
        project(publish(bed(loc, org, "B1").element("IC_BEADEMD").event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").covid(true).event()),
                publish(bed(loc, org, "B3").element("IC_BEADEMD").covid(true).event()),
                publish(bed(loc, org, "B4").element("IC_BEADEMD").patient(PatientCovidStatus.NON_COVID).event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("IC_BEADEMD", 2))));

        ElementCapacity e = element(now(unique("OTHER")), "IC_BEADEMD");
        assertThat(e.available()).isEqualTo(1);
        assertThat(e.nonCovid()).isEqualTo(new Figures(2, 0, 1));
        assertThat(e.covid()).isEqualTo(new Figures(2, 1, 0));
        assertThat(e.capacity()).as("capacity stays the staffed beds").isEqualTo(4);
        assertThat(e.occupied()).isEqualTo(1);
        assertThat(e.threshold()).isNull();
        assertThat(e.availableShared()).isNull();
        assertThat(now(unique("OTHER")).own()).isFalse();
    }

    @Test
    void givenAThreshold_whenTheOwnOrganisationQueries_thenItSeesItsRawAvailableTheThresholdAndTheSharedFigure() {
        project(publish(bed(loc, org, "B1").element("IC_BEADEMD").event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("IC_BEADEMD", 5))));

        LocationCapacity l = now(org);
        ElementCapacity e = element(l, "IC_BEADEMD");
        assertThat(l.own()).isTrue();
        assertThat(e.available()).isEqualTo(2);
        assertThat(e.capacity()).isEqualTo(2);
        assertThat(e.threshold()).isEqualTo(5);
        assertThat(e.availableShared()).isZero();
    }

    @Test
    void givenChildrensIcuBedsWithAThreshold_whenQueried_thenTheGroupsSumTheElementsAsEachCallerSeesThem() {
        project(publish(bed(loc, org, "P1").element("PICU").event()),
                publish(bed(loc, org, "P2").element("PICU").event()),
                publish(bed(loc, org, "P3").element("PICU").patient(PatientCovidStatus.NON_COVID).event()),
                publish(bed(loc, org, "N1").element("NICU").status(BedStatus.RESERVED).event()),
                publish(bed(loc, org, "N2").element("NICU").status(BedStatus.BLOCKED).event()),
                publish(bed(loc, org, "A1").element("IC_BEADEMD").event()),
                publish(bed(loc, org, "K1").element("KLINIEK_KINDEREN").event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("PICU", 1))));

        RegionalCapacity.Groups others = now(unique("OTHER")).groups();
        assertThat(others.picu()).isEqualTo(new RegionalCapacity.GroupFigures(3, 1, 1, null));
        assertThat(others.nicu()).isEqualTo(new RegionalCapacity.GroupFigures(1, 0, 1, null));
        assertThat(others.icu()).isEqualTo(new RegionalCapacity.GroupFigures(5, 2, 2, null));
        assertThat(others.clinic()).isEqualTo(new RegionalCapacity.GroupFigures(1, 1, 0, null));
        LocationCapacity own = now(org);
        assertThat(own.groups().picu()).isEqualTo(new RegionalCapacity.GroupFigures(3, 2, 1, 1));
        assertThat(own.groups().icu().capacity() + own.groups().clinic().capacity())
                .isEqualTo(own.totals().capacity());
    }

    @Test
    void givenAHiddenOrganisation_whenOthersQuery_thenItIsLeftOut_andItsOwnCallerStillSeesIt() {
        String hiddenOrg = unique("ORG");
        String hiddenLoc = unique("LOC");
        project(publish(Fixtures.location(hiddenLoc, hiddenOrg, region, "VR01")),
                publish(bed(hiddenLoc, hiddenOrg, "B1").event()));

        RegionalCapacity others = query.find(region, null, unique("OTHER")).orElseThrow();
        assertThat(location(others, hiddenLoc)).isEmpty();
        assertThat(location(others, loc)).isPresent();
        LocationCapacity own = location(query.find(region, null, hiddenOrg).orElseThrow(), hiddenLoc).orElseThrow();
        assertThat(own.own()).isTrue();
        assertThat(own.shared()).isFalse();
        assertThat(own.totals().available()).isEqualTo(1);
    }

    @Test
    void givenSharingWithReleasedHistory_whenAskedAsOfBeforeTheSwitch_thenThePastIsVisible() {
        String o = unique("ORG");
        String l = unique("LOC");
        project(publish(Fixtures.location(l, o, region, "VR01")), publish(bed(l, o, "B1").at(at(1)).event()),
                publish(Fixtures.visibility(o, true, true, at(10))));

        assertThat(asOf(at(5), null, l)).isPresent();
        assertThat(asOf(at(5), null, l).orElseThrow().shared()).isTrue();
    }

    @Test
    void givenSharingWithoutReleasedHistory_whenAskedAsOfBeforeTheSwitch_thenThePastStaysHidden() {
        String o = unique("ORG");
        String l = unique("LOC");
        project(publish(Fixtures.location(l, o, region, "VR01")), publish(bed(l, o, "B1").at(at(1)).event()),
                publish(Fixtures.visibility(o, false, false, at(2))),
                publish(Fixtures.visibility(o, true, false, at(10))));

        assertThat(asOf(at(5), null, l)).isEmpty();
        assertThat(asOf(at(5), o, l)).isPresent();
        assertThat(asOf(at(11), null, l)).isPresent();
        assertThat(location(query.find(region, null, null).orElseThrow(), l)).isPresent();
    }

    @Test
    void givenReportsOverTime_whenAskedAsOf_thenThePictureIsAsItStoodThen() {
        project(publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()),
                publish(bed(loc, org, "B1").status(BedStatus.OCCUPIED).at(at(10)).event()),
                publish(bed(loc, org, "B2").status(BedStatus.AVAILABLE).at(at(20)).event()));

        LocationCapacity before = asOf(at(0), null, loc).orElseThrow();
        assertThat(before.elements()).isEmpty();
        assertThat(before.lastEventAt()).isNull();
        LocationCapacity mid = asOf(at(5), null, loc).orElseThrow();
        assertThat(mid.totals().available()).isEqualTo(1);
        assertThat(mid.lastEventAt()).isEqualTo(at(1));
        LocationCapacity later = asOf(at(15), null, loc).orElseThrow();
        assertThat(later.totals().occupied()).isEqualTo(1);
        assertThat(later.totals().available()).isZero();
        assertThat(now(null).totals().capacity()).isEqualTo(2);
    }

    @Test
    void givenAStaleBackFilledReport_whenQueried_thenTheCurrentPictureIgnoresIt_butTimeTravelSeesIt() {
        project(publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(20)).event()));
        project(publish(bed(loc, org, "B1").status(BedStatus.OCCUPIED).at(at(10)).backFilled().event()));

        assertThat(now(null).totals().available()).isEqualTo(1);
        assertThat(now(null).totals().occupied()).isZero();
        assertThat(now(null).lastEventAt()).isEqualTo(at(20));
        LocationCapacity then = asOf(at(15), null, loc).orElseThrow();
        assertThat(then.totals().occupied()).isEqualTo(1);
        assertThat(then.lastEventAt()).isEqualTo(at(10));
    }

    @Test
    void givenABedRemovedBeforeTheInstant_whenAskedAsOf_thenTheBedIsHidden_andBeforeTheRemovalItIsThere() {
        project(publish(bed(loc, org, "B1").at(at(1)).event()), publish(bed(loc, org, "B1").removed(at(10))));

        assertThat(asOf(at(10), null, loc).orElseThrow().totals().capacity()).isZero();
        assertThat(asOf(at(9), null, loc).orElseThrow().totals().capacity()).isEqualTo(1);
    }

    @Test
    void givenAThresholdChangedLater_whenAskedAsOfEarlier_thenTheThresholdOfThatInstantApplies() {
        project(publish(bed(loc, org, "B1").at(at(1)).event()), publish(bed(loc, org, "B2").at(at(1)).event()),
                publish(Fixtures.thresholds(loc, org, at(2), new Threshold("KLINIEK_VOLWASSENEN", 1))),
                publish(Fixtures.thresholds(loc, org, at(20), new Threshold("KLINIEK_VOLWASSENEN", 2))));

        assertThat(asOf(at(1), null, loc).orElseThrow().totals().available()).isEqualTo(2);
        assertThat(asOf(at(10), null, loc).orElseThrow().totals().available()).isEqualTo(1);
        assertThat(now(null).totals().available()).isZero();
    }

    @Test
    void givenARecordProjectedTwice_whenTheDuplicateArrives_thenNothingChanges() {
        Published report = publish(bed(loc, org, "B1").status(BedStatus.OCCUPIED).at(at(5)).event());
        Published threshold = publish(Fixtures.thresholds(loc, org, at(1), new Threshold("KLINIEK_VOLWASSENEN", 1)));
        project(report, threshold);
        LocationCapacity before = now(org);
        Long history = jdbc.queryForObject("select count(*) from bed_history where location_id = ?", Long.class, loc);

        ProjectionPipeline.Outcome again = project(report, threshold, report);

        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.projected()).isEmpty();
        assertThat(now(org)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from bed_history where location_id = ?", Long.class, loc))
                .isEqualTo(history);
    }

    @Test
    void givenBedReportsForOneLocationInOneBatch_whenProjected_thenOneChangeRowIsLoggedForTheLocation() {
        Long before = jdbc.queryForObject("select count(*) from region_change where location_id = ?", Long.class, loc);
        project(publish(bed(loc, org, "B1").event()), publish(bed(loc, org, "B2").event()),
                publish(bed(loc, org, "B3").event()));

        List<String> payloads = jdbc.queryForList(
                "select payload::text from region_change where location_id = ? order by seq", String.class, loc);
        assertThat(payloads).hasSize(before.intValue() + 1);
        assertThat(payloads.get(payloads.size() - 1)).contains("\"locationId\":\"" + loc + "\"")
                .contains("\"lastEventAt\":\"" + Fixtures.T0 + "\"").contains("changedAt");
    }

    @Test
    void givenAHiddenOrganisationsChange_whenLogged_thenTheRowIsRestrictedToThatOrganisation() {
        String o = unique("ORG");
        String l = unique("LOC");
        project(publish(Fixtures.location(l, o, region, "VR01")));
        project(publish(bed(l, o, "B1").event()));

        assertThat(jdbc.queryForList("select restricted_to_organisation from region_change where location_id = ?",
                String.class, l)).containsOnly(o);
        project(publish(Fixtures.visibility(o, true, false, at(30))));
        List<String> restricted = jdbc.queryForList(
                "select coalesce(restricted_to_organisation, '-') from region_change where location_id = ? order by seq",
                String.class, l);
        assertThat(restricted.get(restricted.size() - 1)).isEqualTo("-");
    }

    @Test
    void givenRecordsOfUnknownTypeOrUnreadable_whenProjected_thenTheyAreStoredAndCounted_andTheRestIsProjected() {
        Published unknown = Fixtures.poison(Topics.CAPACITY_BEDS, loc, "BedTeleported", "{}");
        Published unreadable = Fixtures.poison(Topics.CAPACITY_BEDS, loc, "BedStatusChanged", "{not json");
        Published noType = Fixtures.poison(Topics.CAPACITY_BEDS, loc, null, "{}");
        double before = rejected("UNKNOWN_TYPE") + rejected("UNREADABLE") + rejected("MISSING_HEADER");

        ProjectionPipeline.Outcome outcome = project(unknown, unreadable, noType,
                publish(bed(loc, org, "B1").event()));

        assertThat(outcome.rejected()).hasSize(3);
        assertThat(rejected("UNKNOWN_TYPE") + rejected("UNREADABLE") + rejected("MISSING_HEADER") - before)
                .isEqualTo(3.0);
        assertThat(jdbc.queryForObject("select count(*) from parked_record where record_key = ?", Long.class, loc))
                .isEqualTo(3L);
        assertThat(now(null).totals().capacity()).isEqualTo(1);
    }

    @Test
    void givenAnEventLackingAMandatoryField_whenProjected_thenItIsRejectedAsIncomplete_andDoesNotBlockTheBatch() {
        Published noLabels = Fixtures.poison(Topics.CAPACITY_BEDS, loc, "BedStatusChanged", """
                {"locationId":"%s","organisationId":"%s","departmentId":"D","bedId":"B1","status":"AVAILABLE",
                 "occurredAt":"2026-11-23T08:00:00Z","stale":false}""".formatted(loc, org));

        ProjectionPipeline.Outcome outcome = project(noLabels, publish(bed(loc, org, "B2").event()));

        assertThat(outcome.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(DecodedRecord.Reason.INCOMPLETE);
            assertThat(r.detail()).contains("labels");
        });
        assertThat(now(null).totals().capacity()).isEqualTo(1);
    }

    @Test
    void givenContacts_whenQueried_thenTheLocationListsThem() {
        project(publish(Fixtures.contacts(loc, org)));

        assertThat(now(null).contacts().regiehouderSeh()).extracting(RegionalCapacity.Contact::name)
                .containsExactly("Jan de Vries");
    }

    @Test
    void givenNoLocationInTheRegion_whenQueried_thenThereIsNoPicture() {
        assertThat(query.find(unique("ROAZ"), null, null)).isEmpty();
        assertThat(new Locations(jdbc).regionExists(region)).isTrue();
        assertThat(new Locations(jdbc).safetyRegionInRoaz("VR01", region)).isTrue();
        assertThat(new Locations(jdbc).safetyRegionInRoaz("VR02", region)).isFalse();
    }

    private static double rejected(String reason) {
        var c = meters.find("lpz.consumer.records.parked").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}
