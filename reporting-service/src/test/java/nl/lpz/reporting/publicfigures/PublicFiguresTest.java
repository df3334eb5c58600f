package nl.lpz.reporting.publicfigures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.lpz.reporting.publicfigures.PublicFigures.Counts;
import nl.lpz.reporting.publicfigures.PublicFigures.LocationFigures;
import org.junit.jupiter.api.Test;

/** From per-location figures to the public table, on hand-made data. */
class PublicFiguresTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Counts icu(long capacity, long occupied, long covid, long nonCovid) {
        return new Counts(capacity, occupied, capacity - occupied, covid, 0, nonCovid);
    }

    @Test
    void givenThreeHospitalsPerRegion_whenBuilt_thenSumsArePublishedAndSmallPatientCountsSuppressed() {
        List<LocationFigures> locations = List.of(
                new LocationFigures("R1", "A", icu(20, 15, 5, 10), icu(100, 80, 0, 80)),
                new LocationFigures("R1", "B", icu(10, 10, 10, 0), icu(50, 40, 0, 40)),
                new LocationFigures("R1", "C", icu(10, 5, 0, 5), icu(50, 40, 0, 40)),
                new LocationFigures("R2", "D", icu(30, 20, 0, 20), icu(60, 50, 20, 30)),
                new LocationFigures("R2", "E", icu(30, 20, 0, 20), icu(60, 50, 20, 30)),
                new LocationFigures("R2", "F", icu(30, 20, 0, 20), icu(60, 50, 20, 30)));

        PublicCapacity p = PublicFigures.build(List.of("R1", "R2"), locations, 3, NOW);

        assertThat(p.generatedAt()).isEqualTo(NOW);
        assertThat(p.national().roazRegionId()).isNull();
        assertThat(p.regions()).extracting(PublicCapacity.Area::roazRegionId).containsExactly("R1", "R2");
        PublicCapacity.Cell r1Icu = p.regions().get(0).icu();
        assertThat(r1Icu.capacity()).isEqualTo(40);
        assertThat(r1Icu.occupied()).isEqualTo(30);
        assertThat(r1Icu.available()).isEqualTo(10);
        assertThat(r1Icu.patients().covid()).isEqualTo(15);
        assertThat(r1Icu.patients().nonCovid()).isEqualTo(15);
        assertThat(r1Icu.patients().covidDelabelled()).isZero();
        assertThat(p.national().total().capacity()).isEqualTo(40 + 200 + 90 + 180);
        assertThat(p.national().icu().patients().covid()).isEqualTo(15);
        assertThat(r1Icu.suppressed()).isEmpty();
        assertThat(p.suppression().minimumOrganisations()).isEqualTo(3);
        assertThat(p.suppression().rules()).isNotEmpty();
    }

    @Test
    void givenARegionWithTwoHospitals_whenBuilt_thenItsCellsAreSuppressedWithTheirComplements() {
        List<LocationFigures> locations = List.of(
                new LocationFigures("R1", "A", icu(20, 15, 0, 15), icu(100, 80, 0, 80)),
                new LocationFigures("R1", "B", icu(10, 10, 0, 10), icu(50, 40, 0, 40)),
                new LocationFigures("R2", "C", icu(30, 20, 0, 20), icu(60, 50, 0, 50)),
                new LocationFigures("R2", "D", icu(30, 20, 0, 20), icu(60, 50, 0, 50)),
                new LocationFigures("R2", "E", icu(30, 20, 0, 20), icu(60, 50, 0, 50)),
                new LocationFigures("R3", "F", icu(30, 20, 0, 20), icu(60, 50, 0, 50)),
                new LocationFigures("R3", "G", icu(30, 20, 0, 20), icu(60, 50, 0, 50)),
                new LocationFigures("R3", "H", icu(31, 21, 0, 21), icu(60, 50, 0, 50)));

        PublicCapacity p = PublicFigures.build(List.of("R1", "R2", "R3"), locations, 3, NOW);

        PublicCapacity.Cell r1 = p.regions().get(0).total();
        assertThat(r1.capacity()).isNull();
        assertThat(r1.occupied()).isNull();
        assertThat(r1.patients().nonCovid()).isNull();
        assertThat(r1.suppressed()).containsEntry("capacity", "TOO_FEW_ORGANISATIONS")
                .containsEntry("patients.nonCovid", "TOO_FEW_ORGANISATIONS");
        // R2 is the smaller of the other regions in every column: its cells complement R1's
        assertThat(p.regions().get(1).icu().capacity()).isNull();
        assertThat(p.regions().get(1).icu().suppressed()).containsEntry("capacity", "COMPLEMENTARY");
        assertThat(p.regions().get(2).icu().capacity()).isEqualTo(91);
        assertThat(p.national().icu().capacity()).isEqualTo(30 + 90 + 91);
        assertThat(p.national().total().capacity()).isEqualTo(30 + 90 + 91 + 150 + 180 + 180);
    }

    @Test
    void givenALocationWithoutIcu_whenBuilt_thenItDoesNotCountAsAnIcuContributor() {
        List<LocationFigures> locations = List.of(
                new LocationFigures("R1", "A", Counts.ZERO, icu(100, 80, 0, 80)),
                new LocationFigures("R1", "B", Counts.ZERO, icu(100, 80, 0, 80)),
                new LocationFigures("R1", "C", Counts.ZERO, icu(100, 80, 0, 80)));

        PublicCapacity p = PublicFigures.build(List.of("R1"), locations, 3, NOW);

        assertThat(p.regions().get(0).icu().capacity()).isZero();
        assertThat(p.regions().get(0).icu().suppressed()).isEmpty();
        assertThat(p.regions().get(0).clinic().capacity()).isEqualTo(300);
        assertThat(p.national().clinic().patients().nonCovid()).isEqualTo(240);
    }

    @Test
    void givenNoLocationAtAll_whenBuilt_thenTheNationalRowIsZero() {
        PublicCapacity p = PublicFigures.build(List.of(), List.of(), 3, NOW);

        assertThat(p.regions()).isEmpty();
        assertThat(p.national().total().capacity()).isZero();
        assertThat(p.national().icu().patients().covid()).isZero();
    }
}
