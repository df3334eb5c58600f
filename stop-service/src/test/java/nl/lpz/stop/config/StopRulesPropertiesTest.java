package nl.lpz.stop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import org.junit.jupiter.api.Test;

class StopRulesPropertiesTest {

    @Test
    void given_no_regional_setting_then_the_national_default_norm_times_apply() {
        StopRulesProperties rules = new StopRulesProperties();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SEH)).contains(Duration.ofHours(2));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SR)).contains(Duration.ofHours(1));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.PCI)).contains(Duration.ofHours(2));
    }

    @Test
    void given_a_regional_norm_time_then_it_overrides_the_default_only_there() {
        StopRulesProperties rules = new StopRulesProperties();
        rules.setNormTimes(Map.of("ROAZ-NHF", Map.of(CareKind.SR, Duration.ofMinutes(45))));
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SR)).contains(Duration.ofMinutes(45));
        assertThat(rules.normTime("roaz-nhf", CareKind.SR)).contains(Duration.ofMinutes(45));
        assertThat(rules.normTime("ROAZ-OOST", CareKind.SR)).contains(Duration.ofHours(1));
    }

    @Test
    void given_a_region_without_stops_or_a_zero_norm_time_then_no_stop_is_allowed() {
        StopRulesProperties rules = new StopRulesProperties();
        rules.setRegionsWithoutStops(Set.of("ROAZ-X"));
        rules.setNormTimes(Map.of("ROAZ-NHF", Map.of(CareKind.PCI, Duration.ZERO)));
        assertThat(rules.normTime("ROAZ-X", CareKind.SEH)).isEmpty();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.PCI)).isEmpty();
        assertThat(rules.normTime("ROAZ-NHF", CareKind.SEH)).isPresent();
    }
}
