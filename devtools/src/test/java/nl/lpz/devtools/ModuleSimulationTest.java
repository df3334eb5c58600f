package nl.lpz.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.modules.ModuleDefinition;
import org.junit.jupiter.api.Test;

class ModuleSimulationTest {
    private static final List<SimLocation> LOCATIONS = List.of(
            new SimLocation("L1", "O1", "Ziekenhuis Een", "R1", "Algemeen ziekenhuis",
                    List.of("SEH", "PCI", "VERLOSKUNDE")),
            new SimLocation("L2", "O1", "Ziekenhuis Twee", "R1", "Algemeen ziekenhuis", List.of()),
            new SimLocation("L3", "O2", "Ziekenhuis Drie", "R2", "Academisch ziekenhuis", List.of("SEH")));

    @Test
    void givenTheShippedDefinitions_whenRoundsArePlayed_thenEveryReportKeepsItsDefinition() {
        List<ModuleDefinition> definitions = ModuleSimulation.shippedDefinitions();
        assertThat(definitions).isNotEmpty();
        ModuleSimulation simulation = new ModuleSimulation(definitions, LOCATIONS, 7);

        for (int round = 0; round < 50; round++) {
            for (ModuleDefinition module : simulation.modules()) {
                Map<String, List<ModuleSimulation.Report>> reports = simulation.round(module,
                        Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * round));
                assertThat(reports).isNotEmpty();
                reports.values().stream().flatMap(List::stream).forEach(r -> {
                    assertThat(module.read(r.unitKind(), r.figures()).violation()).as(r.toString()).isNull();
                    String location = r.providerId();
                    assertThat(module.expectedFrom(LOCATIONS.stream().filter(l -> l.locationId().equals(location))
                            .findFirst().orElseThrow().careOffered())).isTrue();
                });
            }
        }
    }

    @Test
    void givenAModuleOnlyForSomeCare_thenOnlyLocationsOfferingItReport() {
        ModuleSimulation simulation = new ModuleSimulation(ModuleSimulation.shippedDefinitions(), LOCATIONS, 7);
        for (ModuleDefinition module : simulation.modules()) {
            List<String> providers = simulation.round(module, Instant.now()).values().stream()
                    .flatMap(List::stream).map(ModuleSimulation.Report::providerId).distinct().toList();
            assertThat(providers).containsExactlyInAnyOrderElementsOf(LOCATIONS.stream()
                    .filter(l -> module.expectedFrom(l.careOffered())).map(SimLocation::locationId).toList());
        }
    }

    @Test
    void givenAModuleKeepingLeadTimes_thenGeneratedPassagesKeepTheDefinitionAndEndByNow() {
        ModuleSimulation simulation = new ModuleSimulation(ModuleSimulation.shippedDefinitions(), LOCATIONS, 7);
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        int passages = 0;
        for (int round = 0; round < 20; round++) {
            for (ModuleDefinition module : simulation.modules()) {
                for (ModuleSimulation.Passage p : simulation.passages(module, now).values().stream()
                        .flatMap(List::stream).toList()) {
                    passages++;
                    assertThat(module.checkPassage(p.unitKind(), p.moments())).as(p.toString()).isEmpty();
                    assertThat(p.moments().values()).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(now));
                    assertThat(module.unit(p.unitKind()).orElseThrow().passages().defined()).isTrue();
                }
            }
        }
        assertThat(passages).as("the shipped Spoed keeps lead times").isPositive();
    }

}
