package nl.lpz.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.lpz.devtools.BedPlan.BedSpec;
import nl.lpz.devtools.EpdSimulation.Bed;
import nl.lpz.events.codelist.LabelCodeList;
import org.junit.jupiter.api.Test;

class EpdSimulationTest {
    private static final SimLocation AMC = new SimLocation("100101", "100101", "Academisch Medisch Centrum",
            "ROAZ-NHF", "Academisch ziekenhuis", List.of("SEH", "SR", "CCU", "PCI"));
    private static final SimLocation GENERAL = new SimLocation("100301", "100301", "Rode Kruis Ziekenhuis",
            "ROAZ-NHF", "Algemeen ziekenhuis", List.of("SEH"));
    private static final SimLocation CLINIC = new SimLocation("100202", "100201", "Medisch centrum Annadal",
            "ROAZ-LI", "Buitenpolikliniek", List.of());

    private static Instant at(int hour) {
        return LocalDate.of(2026, 11, 23).atTime(LocalTime.of(hour, 0)).atZone(EpdSimulation.ZONE).toInstant();
    }

    private static List<SimLocation> generalHospitals(int n) {
        return IntStream.range(0, n).mapToObj(i -> new SimLocation("1%03d01".formatted(i), "1%03d01".formatted(i / 2),
                "Ziekenhuis " + i, "ROAZ-NN", "Algemeen ziekenhuis", List.of("SEH"))).toList();
    }

    @Test
    void givenTheTopology_whenFiltering_thenOnlyAcademicAndGeneralHospitalsHaveBeds() {
        assertThat(AMC.hasBeds()).isTrue();
        assertThat(AMC.academic()).isTrue();
        assertThat(GENERAL.hasBeds()).isTrue();
        assertThat(GENERAL.academic()).isFalse();
        assertThat(CLINIC.hasBeds()).isFalse();
        SimLocation untyped = new SimLocation("107601", "107601", "Universitair Medisch Centrum Utrecht", "ROAZ-MN",
                null, List.of("SEH"));
        assertThat(untyped.hasBeds()).isTrue();
        assertThat(untyped.academic()).isTrue();
    }

    @Test
    void givenALocation_whenPlanningBeds_thenTheSameBedsEveryTimeWithValidCodesAndUniqueIds() {
        List<BedSpec> beds = BedPlan.bedsFor(GENERAL, 1.0);
        assertThat(BedPlan.bedsFor(GENERAL, 1.0)).isEqualTo(beds);
        LabelCodeList codes = LabelCodeList.current();
        assertThat(beds).allSatisfy(b -> {
            assertThat(codes.specialistisch(b.specialistisch())).isPresent();
            assertThat(b.specialisme() == null || codes.isSpecialisme(b.specialisme())).isTrue();
            assertThat(b.bedId()).matches("[A-Za-z0-9._-]{1,64}");
            assertThat(b.departmentId()).matches("[A-Za-z0-9._-]{1,64}");
        });
        assertThat(beds.stream().map(BedSpec::bedId).distinct().count()).isEqualTo(beds.size());
        assertThat(beds).anyMatch(b -> b.specialistisch().equals("IC_BEADEMD") || b.specialistisch().equals("MC"));
        assertThat(beds).anyMatch(b -> b.specialistisch().equals("KLINIEK_VOLWASSENEN"));
        assertThat(beds).anyMatch(BedSpec::covid);
    }

    @Test
    void givenAnAcademicHospital_whenPlanningBeds_thenItIsLargerWithPaediatricAndNeonatalIcu() {
        List<BedSpec> academic = BedPlan.bedsFor(AMC, 1.0);
        int generalMax = generalHospitals(60).stream().mapToInt(l -> BedPlan.bedsFor(l, 1.0).size()).max().orElseThrow();
        assertThat(academic.size()).isGreaterThan(generalMax).isBetween(500, 900);
        assertThat(academic).anyMatch(b -> b.specialistisch().equals("PICU"));
        assertThat(academic).anyMatch(b -> b.specialistisch().equals("NICU"));
        long icu = academic.stream().filter(b -> b.specialistisch().startsWith("IC_")).count();
        assertThat(icu).isBetween(24L, 40L);
        assertThat(BedPlan.bedsFor(AMC, 0.25).size()).isLessThan(academic.size() / 3);
    }

    @Test
    void givenTheSimulation_whenTicking_thenEachEventChangesItsBedWithAUniqueIdAtNow() {
        EpdSimulation sim = new EpdSimulation(List.of(AMC, GENERAL), 1.0, 1);
        Map<String, String> state = new HashMap<>();
        sim.beds().forEach(b -> state.put(key(b.location.locationId(), b.spec.bedId()), b.status + "/" + b.patientCovidStatus));
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant now = at(11).plusSeconds(i);
            List<BedEvent> events = sim.tick(now, 1.0, 20);
            Set<String> bedsThisTick = new HashSet<>();
            for (BedEvent e : events) {
                assertThat(ids.add(e.eventId())).isTrue();
                assertThat(e.occurredAt().toInstant()).isEqualTo(now);
                String key = key(e.locationId(), e.bedId());
                assertThat(bedsThisTick.add(key)).as("one change per bed per tick").isTrue();
                String after = e.status() + "/" + e.patientCovidStatus();
                assertThat(after).isNotEqualTo(state.get(key));
                state.put(key, "OCCUPIED".equals(e.status()) ? after : e.status() + "/null");
                if (!"OCCUPIED".equals(e.status())) {
                    assertThat(e.patientCovidStatus()).isNull();
                }
            }
        }
        double expected = 200 * 20 * EpdSimulation.activity(11); // 20/s on average over the day, more at 11:00
        assertThat((double) ids.size()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void givenADay_whenSimulating_thenMoreChangesByDayThanAtNightAndOccupancyStaysPlausible() {
        EpdSimulation sim = new EpdSimulation(generalHospitals(20), 1.0, 7);
        int night = 0;
        int day = 0;
        for (int hour = 0; hour < 24; hour++) {
            for (int minute = 0; minute < 60; minute++) {
                int n = sim.tick(at(hour).plusSeconds(minute * 60L), 60, 5).size();
                if (hour >= 1 && hour < 5) {
                    night += n;
                } else if (hour >= 10 && hour < 14) {
                    day += n;
                }
            }
        }
        assertThat(day).isGreaterThan(night * 3);
        List<Bed> beds = sim.beds();
        double occupied = beds.stream().filter(b -> b.status.equals("OCCUPIED") || b.status.equals("RESERVED")).count()
                / (double) beds.size();
        double blocked = beds.stream().filter(b -> b.status.equals("BLOCKED")).count() / (double) beds.size();
        assertThat(occupied).isBetween(0.6, 0.92);
        assertThat(blocked).isBetween(0.0, 0.08);
        assertThat(beds).anyMatch(b -> "COVID".equals(b.patientCovidStatus));
        assertThat(beds).anyMatch(b -> "COVID_DELABELLED".equals(b.patientCovidStatus));
        double mean = IntStream.range(0, 24).mapToDouble(EpdSimulation::activity).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenALocation_whenTakingASnapshot_thenEveryBedOnceWithoutEventId() {
        EpdSimulation sim = new EpdSimulation(List.of(AMC, GENERAL), 1.0, 3);
        List<BedEvent> snapshot = sim.snapshot(GENERAL, at(9));
        assertThat(snapshot).hasSize(BedPlan.bedsFor(GENERAL, 1.0).size());
        assertThat(snapshot).allSatisfy(e -> {
            assertThat(e.eventId()).isNull();
            assertThat(e.locationId()).isEqualTo(GENERAL.locationId());
        });
        String json = GatewayClient.JSON.valueToTree(snapshot.get(0)).toString();
        assertThat(json).doesNotContain("eventId").contains("\"specialisme\"").contains("\"occurredAt\":\"2026-11-23T09:00:00+01:00\"");
    }

    private static String key(String location, String bed) {
        return location + "/" + bed;
    }
}
