package nl.lpz.stop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.Test;

class StopsPropertiesTest {

    @Test
    void givenNoSettings_whenBound_thenTheDefaultsOfTheFormerValueInjectionsApply() {
        Binder binder = binder(Map.of());

        assertThat(binder.bindOrCreate("lpz.stops", StopsProperties.class))
                .isEqualTo(new StopsProperties("stop-service-topology", 100, Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(binder.bindOrCreate("lpz.kafka", KafkaTopicsProperties.class))
                .isEqualTo(new KafkaTopicsProperties(3, (short) 1));
    }

    @Test
    void givenTheKeysOfApplicationYml_whenBound_thenEachReachesItsComponent() {
        Binder binder = binder(Map.of("lpz.stops.topology-group", "stop-it", "lpz.stops.snapshot-threshold", "3",
                "lpz.stops.deadline-polling-interval", "250ms", "lpz.stops.deadline-retry-first", "200ms",
                "lpz.stops.deadline-retry-max", "5s", "lpz.stops.regions-without-stops", "ROAZ-X",
                "lpz.kafka.partitions", "6", "lpz.kafka.replication-factor", "3", "lpz.kafka.send-timeout", "10s"));

        assertThat(binder.bindOrCreate("lpz.stops", StopsProperties.class))
                .isEqualTo(new StopsProperties("stop-it", 3, Duration.ofMillis(250), Duration.ofMillis(200),
                        Duration.ofSeconds(5)));
        assertThat(binder.bindOrCreate("lpz.kafka", KafkaTopicsProperties.class))
                .isEqualTo(new KafkaTopicsProperties(6, (short) 3));
    }

    @Test
    void givenAZeroSnapshotThresholdOrPollingInterval_whenBound_thenStartUpFails() {
        assertThatThrownBy(() -> binder(Map.of("lpz.stops.snapshot-threshold", "0"))
                .bindOrCreate("lpz.stops", StopsProperties.class)).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> binder(Map.of("lpz.stops.deadline-polling-interval", "0s"))
                .bindOrCreate("lpz.stops", StopsProperties.class)).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> binder(Map.of("lpz.stops.deadline-retry-first", "1m", "lpz.stops.deadline-retry-max",
                "30s")).bindOrCreate("lpz.stops", StopsProperties.class)).isInstanceOf(BindException.class);
    }

    private static Binder binder(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings));
    }
}
