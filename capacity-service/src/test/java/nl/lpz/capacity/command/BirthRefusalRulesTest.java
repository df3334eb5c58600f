package nl.lpz.capacity.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.capacity.command.BirthRefusalRules.Violation;
import nl.lpz.events.capacity.CareKind;
import org.junit.jupiter.api.Test;

class BirthRefusalRulesTest {
    private static final Map<String, Set<CareKind>> CARE = Map.of(
            "obstetric-a", EnumSet.of(CareKind.SEH, CareKind.VERLOSKUNDE),
            "obstetric-b", EnumSet.of(CareKind.VERLOSKUNDE),
            "ed-only", EnumSet.of(CareKind.SEH, CareKind.PCI));

    private static Optional<String> code(String refused, String takenBy) {
        return BirthRefusalRules.check(refused, takenBy, CARE).map(Violation::code);
    }

    @Test
    void givenTwoLocationsWithBirthCare_whenOneRefusedAndTheOtherTookHer_thenTheRefusalStands() {
        assertThat(code("obstetric-a", "obstetric-b")).isEmpty();
    }

    @Test
    void givenNoTakingLocation_whenTheRefusingOneOffersBirthCare_thenTheRefusalStands() {
        assertThat(code("obstetric-a", null)).isEmpty();
    }

    @Test
    void givenAnUnregisteredLocation_whenNamedAsRefusingOrTaking_thenUnknownLocation() {
        assertThat(code("nowhere", null)).contains(BirthRefusalRules.UNKNOWN_LOCATION);
        assertThat(code("obstetric-a", "nowhere")).contains(BirthRefusalRules.UNKNOWN_LOCATION);
        assertThat(BirthRefusalRules.check("obstetric-a", "nowhere", CARE).orElseThrow().detail())
                .startsWith("takenByLocationId nowhere");
    }

    @Test
    void givenALocationWithoutVerloskunde_whenNamedAsRefusingOrTaking_thenNoBirthCare() {
        assertThat(code("ed-only", null)).contains(BirthRefusalRules.NO_BIRTH_CARE);
        assertThat(code("obstetric-a", "ed-only")).contains(BirthRefusalRules.NO_BIRTH_CARE);
    }

    @Test
    void givenTheRefusingLocationAsTheTakingOne_thenSameLocation() {
        assertThat(code("obstetric-a", "obstetric-a")).contains(BirthRefusalRules.SAME_LOCATION);
    }

    @Test
    void givenAnUnknownRefusingLocationNamedTwice_thenItsUnknownnessIsReportedFirst() {
        assertThat(code("nowhere", "nowhere")).contains(BirthRefusalRules.UNKNOWN_LOCATION);
    }
}
