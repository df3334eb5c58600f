package nl.lpz.reporting.rcps;


import nl.lpz.reporting.FeedProjectionTest;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.rcps.RcpsDaily.RcpsLocation;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Patients;
import nl.lpz.reporting.readmodel.ReportFigures.Split;
import nl.lpz.reporting.capacity.RegionalCapacity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events fed through the projection into a database of this test alone, asserted through the RCPS query: daily
 * figures, ICU vs clinic, report moment per region, hidden organisations.
 */
class RcpsProjectionTest extends FeedProjectionTest {
    private static RcpsQuery query;

    @BeforeAll
    static void feedQuery() {
        query = new RcpsQuery(jdbc, transactions, MOMENTS, NOW);
    }

    @Test
    void givenEveryKindOfBed_whenTheRcpsReadsItsDailyReport_thenEveryFigureCountsAtTheReportMomentWithoutThresholds() {
        Instant before = Instant.parse("2026-11-03T08:00:00Z");
        project(a1("I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, before),
                a1("I2", "IC_BEADEMD", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID, before),
                a1("I3", "IC_NIET_BEADEMD", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID_DELABELLED, before),
                a1("I4", "IC_BEADEMD", false, BedStatus.RESERVED, null, before),
                a1("K1", "KLINIEK_VOLWASSENEN", true, BedStatus.AVAILABLE, null, before),
                a1("K2", "KLINIEK_VOLWASSENEN", false, BedStatus.OCCUPIED, PatientCovidStatus.NON_COVID, before),
                a1("K3", "MC", false, BedStatus.OCCUPIED, null, before),
                a1("K4", "KLINIEK_VOLWASSENEN", false, BedStatus.BLOCKED, null, before),
                a1("K5", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, before),
                publish(bed("LOC-A1", "ORG-A1", "K5").removed(before.plusSeconds(60))),
                // after the report moment: not in the day's report
                a1("I1", "IC_BEADEMD", false, BedStatus.OCCUPIED, PatientCovidStatus.COVID,
                        MOMENT_A_03.plusSeconds(1)),
                a1("K6", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, MOMENT_A_03.plusSeconds(1)),
                publish(Fixtures.thresholds("LOC-A1", "ORG-A1", before, new Threshold("IC_BEADEMD", 1),
                        new Threshold("KLINIEK_VOLWASSENEN", 5))));

        RcpsDaily report = query.rcpsDaily(A, NOV_03, null, false).orElseThrow();

        assertThat(report.reportMoment()).isEqualTo(MOMENT_A_03);
        assertThat(report.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(report.locations()).extracting(RcpsLocation::locationId).containsExactly("LOC-A1");
        RcpsLocation l = report.locations().get(0);
        assertThat(l.organisationId()).isEqualTo("ORG-A1");
        assertThat(l.name()).isEqualTo("Ziekenhuis LOC-A1");
        assertThat(l.shared()).isTrue();
        assertThat(l.own()).isFalse();
        Block icu = new Block(4, 3, 1, new Split(2, 2, 0), new Split(2, 1, 1), new Patients(1, 1, 0));
        Block clinic = new Block(3, 2, 1, new Split(1, 0, 1), new Split(2, 2, 0), new Patients(0, 0, 2));
        assertThat(l.icu()).isEqualTo(icu);
        assertThat(l.clinic()).isEqualTo(clinic);
        assertThat(report.totals().icu()).isEqualTo(icu);
        assertThat(report.totals().clinic()).isEqualTo(clinic);

        // the same counting as the regional picture at that instant (owner's raw view)
        RegionalCapacity.LocationCapacity picture = regional.find(A, MOMENT_A_03, "ORG-A1").orElseThrow()
                .locations().stream().filter(p -> p.locationId().equals("LOC-A1")).findFirst().orElseThrow();
        assertThat(picture.totals().capacity()).isEqualTo(icu.capacity() + clinic.capacity());
        assertThat(picture.totals().occupied()).isEqualTo(icu.occupied() + clinic.occupied());
        assertThat(picture.totals().available()).isEqualTo(icu.available() + clinic.available());
        assertThat(picture.totals().covid().capacity())
                .isEqualTo(icu.covid().capacity() + clinic.covid().capacity());
        assertThat(picture.patients()).isEqualTo(new RegionalCapacity.Patients(1, 1, 2));
    }

    @Test
    void givenChildrensIcuBeds_whenTheRcpsReadsTheDay_thenPicuAndNicuAreOfIcu_perLocationAndInTheTotals() {
        Instant before = Instant.parse("2026-11-03T08:00:00Z");
        project(publish(Fixtures.location("LOC-A3", "ORG-A1", A, "VR01")),
                a1("I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, before),
                a1("P1", "PICU", false, BedStatus.OCCUPIED, PatientCovidStatus.NON_COVID, before),
                a1("P2", "PICU", false, BedStatus.AVAILABLE, null, before),
                a1("N1", "NICU", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID, before),
                a1("K1", "KLINIEK_KINDEREN", false, BedStatus.AVAILABLE, null, before),
                report("LOC-A3", "ORG-A1", "N1", "NICU", false, BedStatus.RESERVED, null, before),
                // a threshold does not reduce the feeds' figures
                publish(Fixtures.thresholds("LOC-A1", "ORG-A1", before, new Threshold("PICU", 1))));

        RcpsDaily report = query.rcpsDaily(A, NOV_03, null, false).orElseThrow();

        RcpsLocation l = report.locations().get(0);
        assertThat(l.picu()).isEqualTo(new Block(2, 1, 1, new Split(0, 0, 0), new Split(2, 1, 1),
                new Patients(0, 0, 1)));
        assertThat(l.nicu()).isEqualTo(new Block(1, 1, 0, new Split(1, 1, 0), new Split(0, 0, 0),
                new Patients(1, 0, 0)));
        assertThat(l.icu().capacity()).as("ICU keeps counting every ICU element").isEqualTo(4);
        assertThat(l.clinic().capacity()).isEqualTo(1);
        assertThat(report.locations().get(1).nicu().occupied()).isEqualTo(1);
        assertThat(report.locations().get(1).picu().capacity()).isZero();
        assertThat(report.totals().nicu()).isEqualTo(new Block(2, 2, 0, new Split(1, 1, 0), new Split(1, 1, 0),
                new Patients(1, 0, 0)));
        assertThat(report.totals().picu().capacity()).isEqualTo(2);
        assertThat(report.totals().icu().capacity()).isEqualTo(5);
    }

    @Test
    void givenTwoLocations_whenTheRcpsReadsTheDay_thenTheRegionTotalsAddThemUp() {
        Instant before = Instant.parse("2026-11-03T08:00:00Z");
        project(publish(Fixtures.location("LOC-A3", "ORG-A1", A, "VR01")),
                a1("I1", "IC_BEADEMD", false, BedStatus.OCCUPIED, PatientCovidStatus.COVID, before),
                report("LOC-A3", "ORG-A1", "I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, before),
                report("LOC-A3", "ORG-A1", "K1", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, before));

        RcpsDaily report = query.rcpsDaily(A, NOV_03, null, false).orElseThrow();

        assertThat(report.locations()).extracting(RcpsLocation::locationId).containsExactly("LOC-A1", "LOC-A3");
        assertThat(report.totals().icu()).isEqualTo(
                new Block(2, 1, 1, new Split(0, 0, 0), new Split(2, 1, 1), new Patients(1, 0, 0)));
        assertThat(report.totals().clinic().capacity()).isEqualTo(1);
    }

    @Test
    void givenAHiddenOrganisation_whenRead_thenOnlyItsOwnCallersSeeIt_flaggedNotShared() {
        Instant before = Instant.parse("2026-11-03T08:00:00Z");
        project(a1("K1", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, before),
                report("LOC-A2", "ORG-A2", "K1", "KLINIEK_VOLWASSENEN", false, BedStatus.OCCUPIED,
                        PatientCovidStatus.COVID, before));

        assertThat(query.rcpsDaily(A, NOV_03, null, false).orElseThrow().locations())
                .extracting(RcpsLocation::locationId).containsExactly("LOC-A1");

        RcpsDaily own = query.rcpsDaily(A, NOV_03, "ORG-A2", true).orElseThrow();
        assertThat(own.locations()).extracting(RcpsLocation::locationId).containsExactly("LOC-A2");
        assertThat(own.locations().get(0).shared()).isFalse();
        assertThat(own.locations().get(0).own()).isTrue();
        assertThat(own.totals().clinic().patients()).isEqualTo(new Patients(1, 0, 0));

        RcpsDaily other = query.rcpsDaily(A, NOV_03, "ORG-A1", true).orElseThrow();
        assertThat(other.locations()).extracting(RcpsLocation::locationId).containsExactly("LOC-A1");
    }

    @Test
    void givenARegionWithAnEarlierReportTime_whenRead_thenItsReportMomentDecides() {
        project(report("LOC-B", "ORG-B", "I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null,
                        MOMENT_B_03.minusSeconds(1800)),
                report("LOC-B", "ORG-B", "I2", "IC_BEADEMD", false, BedStatus.AVAILABLE, null,
                        MOMENT_B_03.plusSeconds(1800)),
                a1("I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, MOMENT_B_03.plusSeconds(1800)));

        RcpsDaily b = query.rcpsDaily(B, NOV_03, null, false).orElseThrow();
        assertThat(b.reportMoment()).isEqualTo(MOMENT_B_03);
        assertThat(b.totals().icu().capacity()).isEqualTo(1);
        RcpsDaily a = query.rcpsDaily(A, NOV_03, null, false).orElseThrow();
        assertThat(a.reportMoment()).isEqualTo(MOMENT_A_03);
        assertThat(a.totals().icu().capacity()).isEqualTo(1);
    }

    @Test
    void givenAnUnknownRegion_whenRead_thenEmpty() {
        assertThat(query.rcpsDaily("ROAZ-X", NOV_03, null, false)).isEmpty();
    }
}
