package nl.lpz.reporting.lcps;


import nl.lpz.reporting.FeedProjectionTest;
import static nl.lpz.reporting.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.lcps.LcpsFeed.LcpsDay;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Patients;
import nl.lpz.reporting.readmodel.ReportFigures.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events fed through the projection into a database of this test alone (the LCPS feed is national), asserted through
 * the LCPS query: days per region and national, report moment per region, hidden organisations, JSON and CSV, a late
 * correction and the cursor.
 */
class LcpsProjectionTest extends FeedProjectionTest {
    private static LcpsQuery query;

    @BeforeAll
    static void feedQuery() {
        query = new LcpsQuery(jdbc, transactions, MOMENTS, NOW);
    }

    @Test
    void givenAHiddenOrganisation_whenTheLcpsReads_thenItIsLeftOut() {
        Instant before = Instant.parse("2026-11-03T08:00:00Z");
        project(a1("K1", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, before),
                report("LOC-A2", "ORG-A2", "K1", "KLINIEK_VOLWASSENEN", false, BedStatus.OCCUPIED,
                        PatientCovidStatus.COVID, before));

        assertThat(query.lcps(null, NOV_03).days().get(0).national().clinic().capacity()).isEqualTo(1);
    }

    @Test
    void givenChildrensIcuBedsInTwoRegions_whenTheLcpsReads_thenPicuAndNicuPerRegionAndNationally_andTheCsvIsUnchanged() {
        Instant before = Instant.parse("2026-11-03T07:00:00Z");
        project(a1("P1", "PICU", false, BedStatus.OCCUPIED, PatientCovidStatus.NON_COVID, before),
                a1("N1", "NICU", false, BedStatus.AVAILABLE, null, before),
                report("LOC-B", "ORG-B", "N1", "NICU", false, BedStatus.OCCUPIED, PatientCovidStatus.COVID, before),
                report("LOC-B", "ORG-B", "I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, before),
                // the hidden organisation's children's ICU is left out too
                report("LOC-A2", "ORG-A2", "P1", "PICU", false, BedStatus.AVAILABLE, null, before));

        LcpsDay day = query.lcps(null, NOV_03).days().get(0);

        assertThat(day.regions().get(0).picu().capacity()).isEqualTo(1);
        assertThat(day.regions().get(0).picu().patients()).isEqualTo(new Patients(0, 0, 1));
        assertThat(day.regions().get(0).nicu().available()).isEqualTo(1);
        assertThat(day.regions().get(1).picu().capacity()).isZero();
        assertThat(day.regions().get(1).nicu().patients()).isEqualTo(new Patients(1, 0, 0));
        assertThat(day.national().picu().capacity()).isEqualTo(1);
        assertThat(day.national().nicu()).isEqualTo(new Block(2, 1, 1, new Split(0, 0, 0), new Split(2, 1, 1),
                new Patients(1, 0, 0)));
        assertThat(day.national().icu().capacity()).as("of which: ICU holds them all").isEqualTo(4);
        assertThat(LcpsCsv.text(query.lcps(null, NOV_03))).isEqualTo(LcpsCsv.HEADER + "\n"
                + "03-11-2026,4,0,1,0,1,0,0,0\n");
    }

    @Test
    void givenARegionWithAnEarlierReportTime_whenRead_thenItsReportMomentDecides() {
        project(report("LOC-B", "ORG-B", "I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null,
                        MOMENT_B_03.minusSeconds(1800)),
                report("LOC-B", "ORG-B", "I2", "IC_BEADEMD", false, BedStatus.AVAILABLE, null,
                        MOMENT_B_03.plusSeconds(1800)),
                a1("I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, MOMENT_B_03.plusSeconds(1800)));

        LcpsDay day = query.lcps(null, NOV_03).days().get(0);
        assertThat(day.regions()).extracting(LcpsFeed.LcpsRegion::roazRegionId).containsExactly(A, B);
        assertThat(day.regions().get(1).reportMoment()).isEqualTo(MOMENT_B_03);
        assertThat(day.regions().get(1).icu().capacity()).isEqualTo(1);
        assertThat(day.national().icu().capacity()).isEqualTo(2);
    }

    /** 2 Nov: I1 COVID, K1 non-COVID, K2 free, B's I9 non-COVID; 3 Nov: I1 delabelled, K2 COVID; hidden A2 left out. */
    private void threeDays() {
        Instant nov2 = Instant.parse("2026-11-02T08:00:00Z");
        Instant nov3 = Instant.parse("2026-11-03T08:00:00Z");
        project(a1("I1", "IC_BEADEMD", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID, nov2),
                a1("K1", "KLINIEK_VOLWASSENEN", false, BedStatus.OCCUPIED, PatientCovidStatus.NON_COVID, nov2),
                a1("K2", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null, nov2),
                report("LOC-B", "ORG-B", "I9", "IC_NIET_BEADEMD", false, BedStatus.OCCUPIED,
                        PatientCovidStatus.NON_COVID, Instant.parse("2026-11-02T07:00:00Z")),
                report("LOC-A2", "ORG-A2", "K1", "KLINIEK_VOLWASSENEN", true, BedStatus.OCCUPIED,
                        PatientCovidStatus.COVID, Instant.parse("2026-11-02T07:00:00Z")));
        project(a1("I1", "IC_BEADEMD", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID_DELABELLED, nov3),
                a1("K2", "KLINIEK_VOLWASSENEN", false, BedStatus.OCCUPIED, PatientCovidStatus.COVID, nov3));
    }

    @Test
    void givenThreeDaysOfReports_whenTheLcpsReadsTheFeed_thenOneDayPerReportDayNewestFirstPerRegionAndNational() {
        threeDays();

        LcpsFeed feed = query.lcps(null, null);

        assertThat(feed.days()).extracting(LcpsDay::date)
                .containsExactly(LocalDate.parse("2026-11-04"), NOV_03, NOV_02);
        LcpsDay nov2 = feed.days().get(2);
        assertThat(nov2.national().icu()).isEqualTo(
                new Block(2, 2, 0, new Split(1, 1, 0), new Split(1, 1, 0), new Patients(1, 0, 1)));
        assertThat(nov2.national().clinic()).isEqualTo(
                new Block(2, 1, 1, new Split(0, 0, 0), new Split(2, 1, 1), new Patients(0, 0, 1)));
        assertThat(nov2.regions().get(0).icu().patients()).isEqualTo(new Patients(1, 0, 0));
        assertThat(nov2.regions().get(1).icu().patients()).isEqualTo(new Patients(0, 0, 1));
        assertThat(feed.days().get(1).national().icu().patients()).isEqualTo(new Patients(0, 1, 1));
        assertThat(feed.days().get(1).national().clinic().patients()).isEqualTo(new Patients(1, 0, 1));
        assertThat(feed.cursor()).isEqualTo(feed.reflects().position()).matches("\\d+-\\d+");
        assertThat(feed.reflects().projectedAt()).isNotNull();

        assertThat(LcpsCsv.text(feed)).isEqualTo("""
                datum,IC_capaciteit_totaal,kliniek_capaciteit_totaal,IC_bezetting_covid,IC_bezetting_ontlabeld,\
                IC_bezetting_noncovid,kliniek_bezetting_covid,kliniek_bezetting_ontlabeld,kliniek_bezetting_noncovid
                04-11-2026,2,2,0,1,1,1,0,1
                03-11-2026,2,2,0,1,1,1,0,1
                02-11-2026,2,2,1,0,1,0,0,1
                """);
        assertThat(query.lcps(null, NOV_02).days()).extracting(LcpsDay::date).containsExactly(NOV_02);
    }

    @Test
    void givenALateCorrectionForAnEarlierDay_whenReadSinceTheCursor_thenOnlyTheAffectedDaysComeAgainChanged() {
        threeDays();
        LcpsFeed first = query.lcps(null, null);

        // late: K1 was discharged at 08:00 on 3 November (after the 2 November moment, before the 3 November one)
        project(a1("K1", "KLINIEK_VOLWASSENEN", false, BedStatus.AVAILABLE, null,
                Instant.parse("2026-11-03T07:00:00Z")));
        LcpsQuery.Cursor cursor = LcpsQuery.Cursor.parse(first.cursor()).orElseThrow();
        LcpsFeed since = query.lcps(cursor, null);

        assertThat(since.days()).extracting(LcpsDay::date).containsExactly(LocalDate.parse("2026-11-04"), NOV_03);
        assertThat(LcpsCsv.text(since)).isEqualTo(LcpsCsv.HEADER + "\n"
                + "04-11-2026,2,2,0,1,1,1,0,0\n"
                + "03-11-2026,2,2,0,1,1,1,0,0\n");
        assertThat(LcpsCsv.text(query.lcps(null, null))).endsWith("02-11-2026,2,2,1,0,1,0,0,1\n");

        assertThat(query.lcps(LcpsQuery.Cursor.parse(since.cursor()).orElseThrow(), null).days()).isEmpty();

        // a visibility switch may release or hide any day: everything comes again
        project(publish(Fixtures.visibility("ORG-A2", true, true, Instant.parse("2026-11-04T11:00:00Z"))));
        LcpsFeed afterSwitch = query.lcps(LcpsQuery.Cursor.parse(since.cursor()).orElseThrow(), null);
        assertThat(afterSwitch.days()).hasSize(3);
        assertThat(afterSwitch.days().get(2).national().clinic().patients()).isEqualTo(new Patients(1, 0, 1));
    }

    @Test
    void givenCursorsOfAnotherShape_whenParsed_thenEmpty() {
        assertThat(LcpsQuery.Cursor.parse("12-3")).contains(new LcpsQuery.Cursor(12, 3));
        assertThat(LcpsQuery.Cursor.parse("abc")).isEmpty();
        assertThat(LcpsQuery.Cursor.parse("-1-2")).isEmpty();
    }
}
