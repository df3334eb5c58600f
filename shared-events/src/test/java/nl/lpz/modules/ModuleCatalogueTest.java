package nl.lpz.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleCatalogueTest {
    private static final String MINIMAL = """
            id: demo
            version: 1
            name: {nl: Demo, en: Demo}
            providerKinds: [HOSPITAL_LOCATION]
            freshness: PT10M
            units:
              - kind: post
                figures:
                  - {id: capacity, type: COUNT, max: 10}
                  - {id: occupied, type: COUNT, max: 10}
                  - {id: colour, type: STATUS, values: [GREEN, RED]}
                  - {id: waitMinutes, type: DURATION_MINUTES, required: false}
                invariants: ["occupied <= capacity"]
            readers:
              - {role: RCPS, scope: REGION}
            kpis:
              - {from: 2026-01-01, share: 0.5}
              - {from: 2027-01-01, share: 1.0}
            """;

    private static ModuleCatalogue.InputStreamSource yaml(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ModuleDefinition minimal() {
        return ModuleCatalogue.parse("demo.yaml", yaml(MINIMAL));
    }

    @Test
    void givenTheShippedDefinitions_whenParsed_thenSpoedAndGeboortezorgAreThere() {
        Map<String, ModuleCatalogue.InputStreamSource> sources = new LinkedHashMap<>();
        for (String file : new String[] {"spoed-v1.yaml", "spoed-v2.yaml", "spoed-v3.yaml", "spoed-v4.yaml", "spoed-v5.yaml",
                "geboortezorg-v1.yaml", "geboortezorg-v2.yaml"}) {
            sources.put(file, () -> getClass().getResourceAsStream("/lpz-modules/" + file));
        }
        ModuleCatalogue catalogue = ModuleCatalogue.parse(sources);

        assertThat(catalogue.currentDefinitions()).extracting(ModuleDefinition::id)
                .containsExactly("geboortezorg", "spoed");
        ModuleDefinition spoed = catalogue.current("spoed").orElseThrow();
        assertThat(spoed.freshness()).isEqualTo(Duration.ofMinutes(30));
        assertThat(spoed.expectedFrom(java.util.List.of("SEH", "PCI"))).isTrue();
        assertThat(spoed.expectedFrom(java.util.List.of("PCI"))).isFalse();
        assertThat(catalogue.version("geboortezorg", 1).orElseThrow().expectedFrom(java.util.List.of())).isTrue();
        ModuleDefinition geboortezorg = catalogue.current("geboortezorg").orElseThrow();
        assertThat(geboortezorg.expectedFrom(java.util.List.of("SEH"))).as("v2: obstetric units only").isFalse();
        assertThat(geboortezorg.expectedFrom(java.util.List.of("SEH", "VERLOSKUNDE"))).isTrue();
        assertThat(geboortezorg.unit("verloskamers").orElseThrow().stops().kinds()).containsExactly("VERLOSKUNDE");
        assertThat(spoed.unit("seh").orElseThrow().figure("openness").orElseThrow().values())
                .containsExactly("OPEN", "LIMITED", "CLOSED");
        assertThat(spoed.kpis()).extracting(DeliveryKpi::source).allSatisfy(s -> assertThat(s).startsWith("Bijlage 1"));
        assertThat(catalogue.current("geboortezorg").orElseThrow().unit("verloskamers").orElseThrow().invariants())
                .extracting(Invariant::text).containsExactly("occupied <= capacity");
        // version 2 shows the location's stops with the ED; version 1 stays as it was for the events written under it
        // and version 4 closes it outside its opening hours; version 5 adds the RAV and HAP as readers
        assertThat(spoed.version()).isEqualTo(5);
        assertThat(spoed.rulesFor("RAV")).extracting(r -> r.scope().name()).containsExactly("REGION");
        assertThat(spoed.rulesFor("HAP")).extracting(r -> r.scope().name()).containsExactly("REGION");
        assertThat(catalogue.version("spoed", 5).orElseThrow().units())
                .isEqualTo(catalogue.version("spoed", 4).orElseThrow().units());
        UnitStops stops = spoed.unit("seh").orElseThrow().stops();
        assertThat(stops.kinds()).containsExactly("SEH", "SR", "EHH");
        assertThat(stops.availability()).contains(new UnitStops.Availability("openness", "SEH",
                java.util.Optional.of("SEH")));
        assertThat(catalogue.version("spoed", 3).orElseThrow().unit("seh").orElseThrow().stops().availability())
                .contains(new UnitStops.Availability("openness", "SEH"));
        assertThat(catalogue.version("spoed", 4).orElseThrow().unit("seh").orElseThrow().figures())
                .isEqualTo(catalogue.version("spoed", 3).orElseThrow().unit("seh").orElseThrow().figures());
        assertThat(catalogue.version("spoed", 1).orElseThrow().unit("seh").orElseThrow().stops())
                .isEqualTo(UnitStops.NONE);
        assertThat(catalogue.version("spoed", 1).orElseThrow().unit("seh").orElseThrow().figures())
                .isEqualTo(spoed.unit("seh").orElseThrow().figures());
    }

    @Test
    void givenAValidReport_whenRead_thenTheFiguresAreSplitIntoValuesAndStatuses() {
        ModuleDefinition.Checked checked = minimal().read("post", Map.of("capacity", 8, "occupied", 3,
                "colour", "GREEN"));

        assertThat(checked.ok()).isTrue();
        assertThat(checked.figures().values()).containsExactlyInAnyOrderEntriesOf(Map.of("capacity", 8L,
                "occupied", 3L));
        assertThat(checked.figures().statuses()).containsExactlyEntriesOf(Map.of("colour", "GREEN"));
    }

    @Test
    void givenReportsThatBreakTheDefinition_whenRead_thenEachGetsItsCode() {
        ModuleDefinition demo = minimal();
        assertThat(demo.read("ward", Map.of()).violation().code()).isEqualTo(FigureViolation.UNKNOWN_UNIT_KIND);
        assertThat(demo.read("post", Map.of("capacity", 8, "occupied", 3, "colour", "GREEN", "extra", 1))
                .violation().code()).isEqualTo(FigureViolation.UNKNOWN_FIGURE);
        assertThat(demo.read("post", Map.of("capacity", 8, "colour", "GREEN")).violation().code())
                .isEqualTo(FigureViolation.MISSING_FIGURE);
        assertThat(demo.read("post", Map.of("capacity", 11, "occupied", 3, "colour", "GREEN")).violation().code())
                .isEqualTo(FigureViolation.FIGURE_OUT_OF_RANGE);
        assertThat(demo.read("post", Map.of("capacity", -1, "occupied", 0, "colour", "GREEN")).violation().code())
                .isEqualTo(FigureViolation.FIGURE_OUT_OF_RANGE);
        assertThat(demo.read("post", Map.of("capacity", 2.5, "occupied", 0, "colour", "GREEN")).violation().code())
                .isEqualTo(FigureViolation.FIGURE_TYPE_MISMATCH);
        assertThat(demo.read("post", Map.of("capacity", 2, "occupied", 0, "colour", 1)).violation().code())
                .isEqualTo(FigureViolation.FIGURE_TYPE_MISMATCH);
        assertThat(demo.read("post", Map.of("capacity", 2, "occupied", 0, "colour", "BLUE")).violation().code())
                .isEqualTo(FigureViolation.UNKNOWN_STATUS);
        assertThat(demo.read("post", Map.of("capacity", 2, "occupied", 3, "colour", "RED")).violation().code())
                .isEqualTo(FigureViolation.INVARIANT_BROKEN);
    }

    @Test
    void givenSpoedsLeadTimes_whenPassagesAreChecked_thenTheMomentsMustBeKnownStartWithArrivalAndKeepTheirOrder() {
        ModuleDefinition spoed = ModuleCatalogue.parse("spoed-v3.yaml",
                () -> getClass().getResourceAsStream("/lpz-modules/spoed-v3.yaml"));
        UnitPassages passages = spoed.unit("seh").orElseThrow().passages();
        assertThat(passages.moments()).containsExactly("arrival", "triage", "seenByDoctor", "departure");
        assertThat(passages.intervals()).extracting(UnitPassages.Interval::id, UnitPassages.Interval::norm)
                .containsExactly(tuple("arrivalToTriage", Duration.ofMinutes(15)),
                        tuple("arrivalToDoctor", Duration.ofHours(1)), tuple("lengthOfStay", Duration.ofHours(4)));
        java.time.Instant t = java.time.Instant.parse("2026-12-06T09:00:00Z");

        assertThat(spoed.checkPassage("seh", Map.of("arrival", t, "triage", t.plusSeconds(540)))).isEmpty();
        assertThat(spoed.checkPassage("seh", Map.of("arrival", t, "departure", t.plusSeconds(60)))).as("left "
                + "before triage: the moments it reached").isEmpty();
        assertThat(spoed.checkPassage("seh", Map.of("triage", t))).get().extracting(FigureViolation::code)
                .isEqualTo(FigureViolation.MISSING_MOMENT);
        assertThat(spoed.checkPassage("seh", Map.of("arrival", t, "patientId", t))).get()
                .extracting(FigureViolation::code).isEqualTo(FigureViolation.UNKNOWN_MOMENT);
        assertThat(spoed.checkPassage("seh", Map.of("arrival", t, "triage", t.minusSeconds(1)))).get()
                .extracting(FigureViolation::code).isEqualTo(FigureViolation.MOMENTS_OUT_OF_ORDER);
        assertThat(spoed.checkPassage("ward", Map.of("arrival", t))).get().extracting(FigureViolation::code)
                .isEqualTo(FigureViolation.UNKNOWN_UNIT_KIND);
        assertThat(minimal().checkPassage("post", Map.of("arrival", t))).get().extracting(FigureViolation::code)
                .isEqualTo(FigureViolation.NO_PASSAGES);
        assertThat(passages.intervals().get(2).of(Map.of("arrival", t, "departure", t.plusSeconds(3600))))
                .contains(Duration.ofHours(1));
        assertThat(passages.intervals().get(0).of(Map.of("arrival", t))).isEmpty();
    }

    @Test
    void givenBrokenPassages_whenParsed_thenRefusedWithTheReason() {
        String base = "    invariants: [\"occupied <= capacity\"]\n";
        String passages = base + "    passages:\n      moments: %s\n      intervals:\n%s";
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(base, passages.formatted(
                "[in]", "        - {id: stay, from: in, to: in}\n"))))).hasMessageContaining("at least two");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(base, passages.formatted(
                "[in, out]", "        - {id: stay, from: out, to: in}\n"))))).hasMessageContaining("from before to");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(base, passages.formatted(
                "[in, out]", "        - {id: stay, from: in, to: out, norm: P30D}\n")))))
                .hasMessageContaining("norm");
        assertThat(ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(base, passages.formatted("[in, out]",
                "        - {id: stay, from: in, to: out}\n")))).unit("post").orElseThrow().passages().intervals())
                .extracting(UnitPassages.Interval::norm).containsOnlyNulls();
    }

    @Test
    void givenKpis_thenTheRequiredShareIsTheLatestOneInForce() {
        ModuleDefinition demo = minimal();
        assertThat(demo.requiredShare(LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(demo.requiredShare(LocalDate.of(2026, 6, 1))).contains(0.5);
        assertThat(demo.requiredShare(LocalDate.of(2027, 1, 1))).contains(1.0);
    }

    @Test
    void givenBrokenDefinitions_whenParsed_thenTheyAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace("freshness", "fresh"))))
                .isInstanceOf(InvalidModuleDefinition.class).hasMessageContaining("x.yaml");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace("occupied <= capacity",
                "occupied <= beds")))).hasMessageContaining("beds");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace("values: [GREEN, RED]",
                "values: []")))).hasMessageContaining("colour");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace("role: RCPS",
                "role: KING")))).hasMessageContaining("reader");
        String stops = "    invariants: [\"occupied <= capacity\"]\n    stops:\n      kinds: %s\n%s";
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH, ICU]", "")))))
                .hasMessageContaining("care kinds");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH]",
                        "      availability: {figure: capacity, stoppedBy: SEH}\n")))))
                .hasMessageContaining("availability.figure");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH]",
                        "      availability: {figure: colour, stoppedBy: PCI}\n")))))
                .hasMessageContaining("stoppedBy");
        assertThat(ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH, PCI]",
                        "      availability: {figure: colour, stoppedBy: PCI}\n")))).unit("post").orElseThrow()
                .stops().availability()).contains(new UnitStops.Availability("colour", "PCI"));
        // opening hours close a unit: its figure must be able to say CLOSED (colour holds GREEN and RED only)
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH, PCI]",
                        "      availability: {figure: colour, stoppedBy: PCI, hoursOf: PCI}\n")))))
                .hasMessageContaining("hoursOf");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(MINIMAL.replace(
                "    invariants: [\"occupied <= capacity\"]\n", stops.formatted("[SEH, PCI]",
                        "      availability: {figure: colour, stoppedBy: PCI, hoursOf: ICU}\n")))))
                .hasMessageContaining("hoursOf");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml("id: [")))
                .isInstanceOf(InvalidModuleDefinition.class).hasMessageContaining("does not parse");
        assertThatThrownBy(() -> ModuleCatalogue.parse(Map.of("a.yaml", yaml(MINIMAL), "b.yaml", yaml(MINIMAL))))
                .hasMessageContaining("defined twice");
    }

    @Test
    void givenTwoVersions_thenNewReportsUseTheNewestAndOldEventsFindTheirOwn() {
        ModuleCatalogue catalogue = ModuleCatalogue.parse(Map.of("v1.yaml", yaml(MINIMAL),
                "v2.yaml", yaml(MINIMAL.replace("version: 1", "version: 2").replace("max: 10}", "max: 20}"))));

        assertThat(catalogue.current("demo").orElseThrow().version()).isEqualTo(2);
        assertThat(catalogue.version("demo", 1).orElseThrow().unit("post").orElseThrow().figure("capacity")
                .orElseThrow().max()).isEqualTo(10);
        assertThat(catalogue.versions("demo")).hasSize(2);
        assertThat(catalogue.current("nope")).isEmpty();
    }

    @Test
    void givenTheSpoedCrowdingLevel_thenTheBandsAreTheNedocsOccupancyTerm() {
        UnitDefinition seh = ModuleCatalogue.parse("spoed-v1.yaml",
                () -> getClass().getResourceAsStream("/lpz-modules/spoed-v1.yaml")).unit("seh").orElseThrow();
        LevelRule crowding = seh.levels().get(0);

        // NEDOCS = 85.8 x ratio - 20: 20 at 0.466, 60 at 0.932, 100 at 1.399, 140 at 1.865
        assertThat(crowding.level(Map.of("waiting", 2L, "inTreatment", 5L, "treatmentPlaces", 15L))).contains("RUSTIG");
        assertThat(crowding.level(Map.of("waiting", 4L, "inTreatment", 9L, "treatmentPlaces", 15L))).contains("DRUK");
        assertThat(crowding.level(Map.of("waiting", 5L, "inTreatment", 15L, "treatmentPlaces", 15L)))
                .contains("ZEER_DRUK");
        assertThat(crowding.level(Map.of("waiting", 12L, "inTreatment", 15L, "treatmentPlaces", 15L)))
                .contains("OVERVOL");
        assertThat(crowding.level(Map.of("waiting", 20L, "inTreatment", 15L, "treatmentPlaces", 15L)))
                .contains("GEVAARLIJK_OVERVOL");
        assertThat(crowding.level(Map.of("waiting", 0L, "inTreatment", 0L, "treatmentPlaces", 0L)))
                .contains("GEVAARLIJK_OVERVOL");
        assertThat(crowding.level(Map.of("waiting", 3L, "inTreatment", 5L))).isEmpty();
        // a region's own bounds
        assertThat(crowding.level(Map.of("waiting", 4L, "inTreatment", 9L, "treatmentPlaces", 15L),
                List.of(1.0, 1.5, 2.0, 2.5))).contains("RUSTIG");
        assertThat(seh.levelsOf(Map.of("waiting", 4L, "inTreatment", 9L, "treatmentPlaces", 15L)))
                .containsExactlyEntriesOf(Map.of("crowding", "DRUK"));
    }

    @Test
    void givenBadLevels_whenParsed_thenTheyAreRefused() {
        String withLevel = MINIMAL.replace("invariants: [\"occupied <= capacity\"]", """
                invariants: ["occupied <= capacity"]
                    levels:
                      - id: fill
                        numerator: [occupied]
                        denominator: [capacity]
                        bands: [{upTo: 0.5, level: LOW}, {level: HIGH}]""");
        assertThat(ModuleCatalogue.parse("ok.yaml", yaml(withLevel)).unit("post").orElseThrow().levels())
                .extracting(LevelRule::id).containsExactly("fill");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(withLevel.replace("[occupied]", "[colour]"))))
                .hasMessageContaining("level fill");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(withLevel.replace("{level: HIGH}",
                "{upTo: 0.4, level: HIGH}")))).hasMessageContaining("ascending");
        assertThatThrownBy(() -> ModuleCatalogue.parse("x.yaml", yaml(withLevel.replace("HIGH", "LOW"))))
                .hasMessageContaining("distinct");
    }
}
