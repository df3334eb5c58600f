package nl.lpz.stop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import org.junit.jupiter.api.Test;

class StopRulesPropertiesTest {

    @Test
    void givenNoRegionalSetting_thenTheNationalDefaultNormTimesApply() {
        StopRulesProperties rules = new StopRulesProperties();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SEH)).contains(Duration.ofHours(2));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SR)).contains(Duration.ofHours(1));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.PCI)).contains(Duration.ofHours(2));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.VERLOSKUNDE)).contains(Duration.ofHours(4));
    }

    @Test
    void givenARegionalPresentatiestopNormTime_thenItOverridesTheFourHoursOnlyForThatKindAndRegion() {
        StopRulesProperties rules = new StopRulesProperties();
        rules.setNormTimes(Map.of("ROAZ-OOST", Map.of(CareKind.VERLOSKUNDE, Duration.ofHours(3))));
        assertThat(rules.normTime("ROAZ-OOST", CareKind.VERLOSKUNDE)).contains(Duration.ofHours(3));
        assertThat(rules.normTime("ROAZ-OOST", CareKind.SEH)).contains(Duration.ofHours(2));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.VERLOSKUNDE)).contains(Duration.ofHours(4));
    }

    @Test
    void givenARegionalNormTime_thenItOverridesTheDefaultOnlyThere() {
        StopRulesProperties rules = new StopRulesProperties();
        rules.setNormTimes(Map.of("ROAZ-NHF", Map.of(CareKind.SR, Duration.ofMinutes(45))));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SR)).contains(Duration.ofMinutes(45));
        assertThat(rules.normTime("roaz-nhf", CareKind.SR)).contains(Duration.ofMinutes(45));
        assertThat(rules.normTime("ROAZ-OOST", CareKind.SR)).contains(Duration.ofHours(1));
    }

    @Test
    void givenARegionWithoutStopsOrAZeroNormTime_thenNoStopIsAllowed() {
        StopRulesProperties rules = new StopRulesProperties();
        rules.setRegionsWithoutStops(Set.of("ROAZ-X"));
        rules.setNormTimes(Map.of("ROAZ-NHF", Map.of(CareKind.PCI, Duration.ZERO)));
        assertThat(rules.normTime("ROAZ-X", CareKind.SEH)).isEmpty();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.PCI)).isEmpty();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SEH)).isPresent();
    }
}
