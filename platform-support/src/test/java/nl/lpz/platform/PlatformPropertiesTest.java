package nl.lpz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.lpz.platform.axon.CommandRetryProperties;
import nl.lpz.platform.axon.ProcessorsProperties;
import nl.lpz.platform.outbox.OutboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The names and defaults of platform-support's {@code lpz.*} settings. */
class PlatformPropertiesTest {

    @Test
    void givenNothingSet_whenBound_thenTheDefaults() {
        Binder binder = binder(Map.of());

        ProcessorsProperties processors = binder.bindOrCreate("lpz.processors", ProcessorsProperties.class);
        assertThat(processors.nodeId()).isEmpty();
        assertThat(processors.balance().interval()).isEqualTo(Duration.ofSeconds(10));
        CommandRetryProperties retry = binder.bindOrCreate("lpz.commands.retry", CommandRetryProperties.class);
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.pause()).isZero();
        assertThat(binder.bindOrCreate("lpz.kafka", OutboxProperties.class).sendTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenEverythingSet_whenBound_thenTheSettings() {
        Binder binder = binder(Map.of(
                "lpz.processors.node-id", "capacity-1",
                "lpz.processors.balance.interval", "3s",
                "lpz.commands.retry.max-attempts", "10",
                "lpz.commands.retry.pause", "20ms",
                "lpz.kafka.send-timeout", "PT45S",
                "lpz.kafka.replication-factor", "3"));

        ProcessorsProperties processors = binder.bindOrCreate("lpz.processors", ProcessorsProperties.class);
        assertThat(processors.nodeId()).isEqualTo("capacity-1");
        assertThat(processors.balance().interval()).isEqualTo(Duration.ofSeconds(3));
        CommandRetryProperties retry = binder.bindOrCreate("lpz.commands.retry", CommandRetryProperties.class);
        assertThat(retry.maxAttempts()).isEqualTo(10);
        assertThat(retry.pause()).isEqualTo(Duration.ofMillis(20));
        assertThat(binder.bindOrCreate("lpz.kafka", OutboxProperties.class).sendTimeout())
                .isEqualTo(Duration.ofSeconds(45));
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
