package nl.lpz.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.lpz.capacity.command.AggregateProperties;
import nl.lpz.capacity.config.KafkaTopicsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The names and defaults of capacity-service's {@code lpz.*} settings. */
class CapacityPropertiesTest {

    @Test
    void givenNothingSet_whenBound_thenTheDefaults() {
        Binder binder = binder(Map.of());

        AggregateProperties aggregate = binder.bindOrCreate("lpz", AggregateProperties.class);
        assertThat(aggregate.snapshotThreshold()).isEqualTo(500);
        assertThat(aggregate.aggregateCache().maxEntries()).isEqualTo(2000);
        assertThat(aggregate.aggregateCache().warmUp()).isTrue();
        assertThat(aggregate.aggregateCache().warmUpTimeLimit()).isEqualTo(Duration.ofSeconds(120));
        KafkaTopicsProperties kafka = binder.bindOrCreate("lpz.kafka", KafkaTopicsProperties.class);
        assertThat(kafka.replicationFactor()).isEqualTo((short) 1);
        assertThat(kafka.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenEverythingSet_whenBound_thenTheSettings() {
        Binder binder = binder(Map.of(
                "lpz.snapshot-threshold", "100",
                "lpz.aggregate-cache.max-entries", "50",
                "lpz.aggregate-cache.warm-up", "false",
                "lpz.aggregate-cache.warm-up-time-limit", "PT10S",
                "lpz.kafka.replication-factor", "3",
                "lpz.kafka.close-timeout", "2s",
                "lpz.kafka.send-timeout", "1m"));

        AggregateProperties aggregate = binder.bindOrCreate("lpz", AggregateProperties.class);
        assertThat(aggregate.snapshotThreshold()).isEqualTo(100);
        assertThat(aggregate.aggregateCache().maxEntries()).isEqualTo(50);
        assertThat(aggregate.aggregateCache().warmUp()).isFalse();
        assertThat(aggregate.aggregateCache().warmUpTimeLimit()).isEqualTo(Duration.ofSeconds(10));
        KafkaTopicsProperties kafka = binder.bindOrCreate("lpz.kafka", KafkaTopicsProperties.class);
        assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
        assertThat(kafka.closeTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
