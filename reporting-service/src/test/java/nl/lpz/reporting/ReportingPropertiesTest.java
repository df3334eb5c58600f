package nl.lpz.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.lpz.reporting.modules.ModuleProperties;
import nl.lpz.reporting.pipeline.ProjectionProperties;
import nl.lpz.reporting.publicfigures.PublicFiguresProperties;
import nl.lpz.reporting.stream.StreamProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The names and defaults of reporting-service's {@code lpz.reporting.*} settings bound to records. */
class ReportingPropertiesTest {

    @Test
    void givenNothingSet_whenBound_thenTheDefaults() {
        Binder binder = binder(Map.of());

        ProjectionProperties projection = binder.bindOrCreate("lpz.reporting.projection", ProjectionProperties.class);
        assertThat(projection.attempts()).isEqualTo(3);
        assertThat(projection.stallAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(projection.sampleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(binder.bindOrCreate("lpz.reporting.public", PublicFiguresProperties.class).minimumOrganisations())
                .isEqualTo(3);
        assertThat(binder.bindOrCreate("lpz.reporting.stream", StreamProperties.class).retentionHours()).isEqualTo(6);
        ModuleProperties modules = binder.bindOrCreate("lpz.reporting.modules", ModuleProperties.class);
        assertThat(modules.complianceWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(modules.passageNorms()).isEmpty();
        assertThat(modules.aggregateMinimumOrganisations()).isEqualTo(3);
        assertThat(modules.aggregateMinimumPassages()).isEqualTo(10);
    }

    @Test
    void givenEverythingSet_whenBound_thenTheSettings() {
        Binder binder = binder(Map.of(
                "lpz.reporting.projection.attempts", "5",
                "lpz.reporting.projection.stall-after", "PT10S",
                "lpz.reporting.projection.sample-interval", "PT1S",
                "lpz.reporting.public.minimum-organisations", "1",
                "lpz.reporting.stream.retention-hours", "24",
                "lpz.reporting.modules.compliance-window", "PT48H",
                "lpz.reporting.modules.passage-norms[proefmodule.totGezien.ROAZ-NHF]", "PT3H"));

        ProjectionProperties projection = binder.bindOrCreate("lpz.reporting.projection", ProjectionProperties.class);
        assertThat(projection.attempts()).isEqualTo(5);
        assertThat(projection.stallAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(projection.sampleInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(binder.bindOrCreate("lpz.reporting.public", PublicFiguresProperties.class).minimumOrganisations())
                .isEqualTo(1);
        assertThat(binder.bindOrCreate("lpz.reporting.stream", StreamProperties.class).retentionHours()).isEqualTo(24);
        ModuleProperties modules = binder.bindOrCreate("lpz.reporting.modules", ModuleProperties.class);
        assertThat(modules.complianceWindow()).isEqualTo(Duration.ofHours(48));
        assertThat(modules.passageNorms()).as("the key keeps its dots and case")
                .containsExactly(Map.entry("proefmodule.totGezien.ROAZ-NHF", Duration.ofHours(3)));
    }

    @Test
    void givenNoMinimumOfOrganisations_whenBound_thenRefused() {
        Binder binder = binder(Map.of("lpz.reporting.public.minimum-organisations", "0"));

        assertThatThrownBy(() -> binder.bindOrCreate("lpz.reporting.public", PublicFiguresProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("lpz.reporting.public.minimum-organisations must be at least 1");
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
