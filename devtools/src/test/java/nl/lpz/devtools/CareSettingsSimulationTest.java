package nl.lpz.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CareSettingsSimulationTest {
    private static List<SimLocation> locations() {
        List<SimLocation> locations = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            locations.add(new SimLocation("L" + i, "O" + i, "Ziekenhuis " + i, i % 2 == 0 ? "ROAZ-NHF" : "ROAZ-BR",
                    i < 5 ? "Academisch ziekenhuis" : "Algemeen ziekenhuis", i % 3 == 0
                    ? List.of("SEH", "VERLOSKUNDE") : List.of("SEH")));
        }
        return locations;
    }

    @Test
    void givenTheTopology_thenSomeGeneralHospitalsEdsKeepHours_theSameOnesOnEveryStart() {
        Map<String, List<Map<String, String>>> hours = new CareSettingsSimulation(locations(), 1).openingHours();

        assertThat(hours).isNotEmpty().hasSizeLessThan(80 / 4);
        assertThat(hours.keySet()).doesNotContain("L0", "L1", "L2", "L3", "L4");
        assertThat(hours.values()).allSatisfy(periods -> assertThat(periods).hasSize(7));
        assertThat(new CareSettingsSimulation(locations(), 99).openingHours()).isEqualTo(hours);
    }

    @Test
    void givenObstetricUnits_whenARefusalIsMade_thenItNamesOneOfTheRegionsUnitsAndAnotherThatTookHer() {
        CareSettingsSimulation simulation = new CareSettingsSimulation(locations(), 7);
        for (int i = 0; i < 50; i++) {
            CareSettingsSimulation.Refusal refusal = simulation.nextRefusal(Instant.now()).orElseThrow();
            Map<String, Object> body = refusal.body();
            int refused = Integer.parseInt(((String) body.get("refusedLocationId")).substring(1));
            assertThat(refused % 3).as("offers VERLOSKUNDE").isZero();
            assertThat(refusal.roazRegionId()).isEqualTo(refused % 2 == 0 ? "ROAZ-NHF" : "ROAZ-BR");
            assertThat(refusal.practiceId()).isEqualTo("VP-SIM-" + refusal.roazRegionId());
            assertThat(body.get("takenByLocationId")).isNotEqualTo(body.get("refusedLocationId"));
            assertThat(body.keySet()).containsExactly("eventId", "refusedLocationId", "occurredAt", "reason",
                    "takenByLocationId");
        }
    }
}
