package nl.lpz.reporting.childrenicu;

import static nl.lpz.reporting.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.FeedProjectionTest;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.capacity.RegionalCapacity.Figures;
import nl.lpz.reporting.capacity.RegionalCapacity.GroupFigures;
import nl.lpz.reporting.childrenicu.ChildrenIcuOverview.Location;
import nl.lpz.reporting.childrenicu.ChildrenIcuOverview.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events fed through the projection into a database of the national tests alone, asserted through the national
 * NICU/PICU overview: the regional picture's visibility, thresholds and asOf, per region and national sums.
 */
class ChildrenIcuQueryTest extends FeedProjectionTest {
    private static final Instant T1 = Instant.parse("2026-11-03T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-03T09:00:00Z");
    private static ChildrenIcuQuery query;

    @BeforeAll
    static void overviewQuery() {
        query = new ChildrenIcuQuery(regional);
    }

    /** A1: 3 PICU (one held back by a threshold) and 1 NICU; B: 2 NICU; hidden A2: 1 PICU; A3: adult ICU only. */
    private void childrensIcuInTwoRegions() {
        project(publish(Fixtures.location("LOC-A3", "ORG-A1", A, "VR01")),
                a1("P1", "PICU", false, BedStatus.AVAILABLE, null, T1),
                a1("P2", "PICU", false, BedStatus.AVAILABLE, null, T1),
                a1("P3", "PICU", false, BedStatus.OCCUPIED, PatientCovidStatus.NON_COVID, T1),
                a1("N1", "NICU", true, BedStatus.OCCUPIED, PatientCovidStatus.COVID, T1),
                // later, but not a children's ICU bed: it does not date the children's ICU figures
                a1("I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, T2),
                report("LOC-A3", "ORG-A1", "I1", "IC_BEADEMD", false, BedStatus.AVAILABLE, null, T1),
                report("LOC-B", "ORG-B", "N1", "NICU", false, BedStatus.AVAILABLE, null, T1),
                report("LOC-B", "ORG-B", "N2", "NICU", false, BedStatus.RESERVED, null, T2),
                report("LOC-A2", "ORG-A2", "P1", "PICU", false, BedStatus.AVAILABLE, null, T1),
                publish(Fixtures.thresholds("LOC-A1", "ORG-A1", T1, new Threshold("PICU", 1))));
    }

    @Test
    void givenChildrensIcuBedsInTwoRegions_whenTheLcpsReads_thenSharedLocationsWithThresholdsApplied_andTheSums() {
        childrensIcuInTwoRegions();

        ChildrenIcuOverview overview = query.overview(null, null);

        assertThat(overview.elements().picu()).containsExactly("PICU");
        assertThat(overview.elements().nicu()).containsExactly("NICU");
        assertThat(overview.regions()).extracting(Region::roazRegionId).containsExactly(A, B);
        Region a = overview.regions().get(0);
        assertThat(a.locations()).extracting(Location::locationId).as("no hidden A2, no A3 without children's ICU")
                .containsExactly("LOC-A1");
        Location a1 = a.locations().get(0);
        assertThat(a1.name()).isEqualTo("Ziekenhuis LOC-A1");
        assertThat(a1.organisationId()).isEqualTo("ORG-A1");
        assertThat(a1.roazRegionId()).isEqualTo(A);
        assertThat(a1.safetyRegionId()).isEqualTo("VR01");
        assertThat(a1.shared()).isTrue();
        assertThat(a1.own()).isFalse();
        assertThat(a1.picu()).isEqualTo(new GroupFigures(3, 1, 1, null));
        assertThat(a1.nicu()).isEqualTo(new GroupFigures(1, 0, 1, null));
        assertThat(a1.lastEventAt()).isEqualTo(T1);
        assertThat(a1.ageSeconds()).isPositive();
        assertThat(a.totals()).isEqualTo(new ChildrenIcuOverview.Totals(1, new Figures(3, 1, 1),
                new Figures(1, 0, 1)));
        Location b = overview.regions().get(1).locations().get(0);
        assertThat(b.nicu()).isEqualTo(new GroupFigures(2, 1, 1, null));
        assertThat(b.picu()).isEqualTo(new GroupFigures(0, 0, 0, null));
        assertThat(b.lastEventAt()).isEqualTo(T2);
        assertThat(overview.national()).isEqualTo(new ChildrenIcuOverview.Totals(2, new Figures(3, 1, 1),
                new Figures(3, 1, 2)));
    }

    @Test
    void givenAHiddenOrganisation_whenItsOwnCallerReads_thenItSeesItsLocationRaw_flaggedNotShared() {
        childrensIcuInTwoRegions();

        Region a = query.overview(null, "ORG-A2").regions().get(0);

        assertThat(a.locations()).extracting(Location::locationId).containsExactly("LOC-A1", "LOC-A2");
        Location own = a.locations().get(1);
        assertThat(own.own()).isTrue();
        assertThat(own.shared()).isFalse();
        assertThat(own.picu()).isEqualTo(new GroupFigures(1, 1, 0, 1));
    }

    @Test
    void givenAnEarlierInstant_whenAskedAsOf_thenThePictureAndTheAgeAreThoseOfThatInstant() {
        childrensIcuInTwoRegions();
        Instant between = T1.plusSeconds(600);

        ChildrenIcuOverview then = query.overview(between, null);

        assertThat(then.asOf()).isEqualTo(between);
        Location b = then.regions().get(1).locations().get(0);
        assertThat(b.nicu()).isEqualTo(new GroupFigures(1, 1, 0, null));
        assertThat(b.lastEventAt()).isEqualTo(T1);
        assertThat(b.ageSeconds()).isEqualTo(600L);
        assertThat(query.overview(T1.minusSeconds(1), null).national().locations()).isZero();
    }
}
