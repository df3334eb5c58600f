package nl.lpz.capacity.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.lpz.capacity.acutecare.AcuteCareMap;
import nl.lpz.capacity.acutecare.AcuteCareMapProperties;
import nl.lpz.capacity.acutecare.GreatCircleTravelTimes;
import nl.lpz.capacity.acutecare.ScenarioResult;
import nl.lpz.capacity.command.RegisterLocation;
import nl.lpz.events.acutecare.LimitedHours;
import nl.lpz.events.acutecare.MeasuredArrivals;
import nl.lpz.events.acutecare.ScenarioDefined;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import org.junit.jupiter.api.Test;

/**
 * The acute-care map on the real reference data: the 115 emergency departments of the reference topology and the
 * population of 4,067 PC4 areas (CBS 2021). The model's defaults are calibrated against RIVM's 99.8 %.
 */
class ReferenceAcuteCareMapTest {
    private static final PopulationAreas POPULATION = PopulationAreas.reference();
    private static final AcuteCareMapProperties DEFAULTS = AcuteCareMapProperties.defaults();
    private static final AcuteCareMap MAP = new AcuteCareMap(POPULATION, new GreatCircleTravelTimes(DEFAULTS),
            DEFAULTS);
    private static final List<SehSite> EDS = ReferenceTopologyLoader.read(Instant.EPOCH).stream()
            .filter(l -> l.careOffered().contains(CareKind.SEH))
            .map(l -> new SehSite(l.locationId().value(), l.name(), l.latitude(), l.longitude())).toList();
    private static final String DEN_HELDER = "103702";
    private static final String AMC = "100101";

    private static ScenarioDefined closing(String... locations) {
        return new ScenarioDefined("sc-test", "test", null, "SEH", EDS, List.of(locations), List.of(),
                Instant.parse("2026-12-07T09:00:00Z"), Actor.SYSTEM, List.of(), List.of());
    }

    private static ScenarioDefined limiting(String location, String opens, String closes,
                                            List<MeasuredArrivals> measured) {
        return new ScenarioDefined("sc-test", "beperkt", null, "SEH", EDS, List.of(), List.of(),
                Instant.parse("2026-12-07T09:00:00Z"), Actor.SYSTEM,
                List.of(new LimitedHours(location, LocalTime.parse(opens), LocalTime.parse(closes))), measured);
    }

    private static double totalArrivals(ScenarioResult result) {
        return result.receiving().stream().mapToDouble(ScenarioResult.Receiving::expectedExtraArrivalsPerDay).sum();
    }

    @Test
    void givenAnEdLimitedToDaytime_whenComputed_thenItsNightIsTheClosure_itsDayTheBaseline_andItsInflowHalf() {
        ScenarioResult closed = MAP.scenario(closing(DEN_HELDER));
        List<MeasuredArrivals> measured = List.of(new MeasuredArrivals(DEN_HELDER, LocalDate.parse("2026-11-09"),
                LocalDate.parse("2026-12-06"), 28, 2_800));

        ScenarioResult limited = MAP.scenario(limiting(DEN_HELDER, "08:00", "20:00", measured));

        assertThat(limited.scenario()).isEqualTo(closed.scenario());
        assertThat(limited.scenarioDuringHours()).isEqualTo(limited.baseline());
        assertThat(limited.affectedAreas()).isEqualTo(closed.affectedAreas());
        // the measured 100 arrivals a day, of which the 12 closed hours' share goes to the receiving EDs
        assertThat(totalArrivals(limited)).isCloseTo(50.0, within(0.5));
        assertThat(limited.receiving()).allSatisfy(r -> assertThat(r.inflowSource())
                .isEqualTo(ScenarioResult.SPOED_FIGURES));
        assertThat(limited.inflowSources()).containsExactly(new ScenarioResult.InflowSource(DEN_HELDER,
                ScenarioResult.SPOED_FIGURES, 100.0));
        // through the night (22:00-06:00 open): closed 16 hours
        assertThat(totalArrivals(MAP.scenario(limiting(DEN_HELDER, "22:00", "06:00", measured))))
                .isCloseTo(100.0 * 16 / 24, within(0.5));
    }

    @Test
    void givenAClosedEdWithoutSpoedFigures_whenComputed_thenItsInflowIsTheEstimateFromItsPopulation() {
        ScenarioResult closed = MAP.scenario(closing(DEN_HELDER));
        long moved = closed.receiving().stream().mapToLong(ScenarioResult.Receiving::population).sum();

        assertThat(totalArrivals(closed)).isCloseTo(moved * DEFAULTS.sehVisitsPer1000PerYear() / 1000 / 365,
                within(0.5));
        assertThat(closed.inflowSources()).containsExactly(new ScenarioResult.InflowSource(DEN_HELDER,
                ScenarioResult.ESTIMATE, null));
        // too few days of figures: still the estimate
        ScenarioResult fewDays = MAP.scenario(limiting(DEN_HELDER, "08:00", "20:00", List.of(new MeasuredArrivals(
                DEN_HELDER, LocalDate.parse("2026-11-09"), LocalDate.parse("2026-12-06"), 3, 300))));
        assertThat(fewDays.inflowSources().get(0).source()).isEqualTo(ScenarioResult.ESTIMATE);
    }

    @Test
    void givenTheReferenceData_whenTheNationalBaselineIsComputed_thenItCountsEveryInhabitantAndMeetsTheRivmFigure() {
        AcuteCareMap.Reachability national = MAP.reachability(EDS, AcuteCareMap.Scope.NATIONAL, "SEH");

        assertThat(EDS).hasSize(115);
        assertThat(national.populationTotal()).isEqualTo(17_472_870L).isEqualTo(POPULATION.total());
        assertThat(national.populationWithin45() + national.populationBeyond45()).isEqualTo(17_472_870L);
        // RIVM, bereikbaarheidsanalyse SEH's (April 2018): 99.8 % within 45 minutes by ambulance
        assertThat(100.0 * national.populationWithin45() / national.populationTotal()).isBetween(99.75, 99.85);
        assertThat(national.bySafetyRegion()).hasSize(25);
        assertThat(national.bySafetyRegion().stream().mapToLong(AcuteCareMap.RegionFigures::populationTotal).sum())
                .isEqualTo(17_472_870L);
        // the Wadden islands have no road to an ED: Texel alone is beyond the norm
        assertThat(MAP.reachability(EDS, AcuteCareMap.Scope.safetyRegion("VR10"), "SEH").populationBeyond45())
                .isGreaterThan(13_000L);
        assertThat(national.model()).startsWith("modelled");
    }

    @Test
    void givenADenseCity_whenItsAcademicEdCloses_thenNobodyMovesBeyondTheNormAndItsNeighboursReceive() {
        ScenarioResult result = MAP.scenario(closing(AMC));

        assertThat(result.scenario().populationBeyond45()).isEqualTo(result.baseline().populationBeyond45());
        assertThat(result.affectedAreas()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.fromLocationId()).isEqualTo(AMC))
                .allSatisfy(a -> assertThat(a.extraMinutes()).isGreaterThanOrEqualTo(0.0));
        assertThat(result.receiving()).isNotEmpty();
        assertThat(result.receiving().stream().mapToLong(ScenarioResult.Receiving::population).sum())
                .isEqualTo(result.affectedAreas().stream().mapToLong(ScenarioResult.AffectedArea::population).sum());
        assertThat(result.byMunicipality()).isEmpty();
    }

    @Test
    void givenARemoteArea_whenItsOnlyEdCloses_thenTensOfThousandsMoveBeyondTheNorm() {
        ScenarioResult result = MAP.scenario(closing(DEN_HELDER));

        long moved = result.scenario().populationBeyond45() - result.baseline().populationBeyond45();
        assertThat(moved).isGreaterThan(50_000L);
        assertThat(result.byMunicipality()).anySatisfy(m -> {
            assertThat(m.municipality()).isEqualTo("Den Helder");
            assertThat(m.newlyBeyond45()).isGreaterThan(40_000L);
        });
        assertThat(result.bySafetyRegion()).anySatisfy(r -> {
            assertThat(r.safetyRegionId()).isEqualTo("VR10");
            assertThat(r.scenarioBeyond45() - r.baselineBeyond45()).isEqualTo(moved);
        });
        assertThat(result.affectedAreas()).anySatisfy(a -> {
            assertThat(a.beyond45Before()).isFalse();
            assertThat(a.beyond45After()).isTrue();
        });
    }

    @Test
    void givenAnEdOpenedWhereOneClosed_whenComputed_thenTheNormIsRestored_andAScenarioComputesTheSameEveryTime() {
        SehSite denHelder = EDS.stream().filter(s -> s.locationId().equals(DEN_HELDER)).findFirst().orElseThrow();
        ScenarioDefined moved = new ScenarioDefined("sc-test", "verplaatst", null, "SEH", EDS, List.of(DEN_HELDER),
                List.of(new SehSite(null, "Nieuwe SEH", denHelder.latitude(), denHelder.longitude())),
                Instant.parse("2026-12-07T09:00:00Z"), Actor.SYSTEM, List.of(), List.of());

        ScenarioResult result = MAP.scenario(moved);

        assertThat(result.scenario()).isEqualTo(result.baseline());
        assertThat(MAP.scenario(moved)).isEqualTo(result);
        assertThat(result.receiving()).allSatisfy(r -> assertThat(r.name()).isEqualTo("Nieuwe SEH"));
    }

    @Test
    void givenTheReferenceLocations_thenEveryEdHasAPoint() {
        List<RegisterLocation> seh = ReferenceTopologyLoader.read(Instant.EPOCH).stream()
                .filter(l -> l.careOffered().contains(CareKind.SEH)).toList();
        assertThat(seh).allSatisfy(l -> assertThat(l.latitude()).isNotNull());
    }
}
