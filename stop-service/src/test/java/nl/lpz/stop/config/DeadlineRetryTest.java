package nl.lpz.stop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineRetryTest {
    private final DeadlineRetry<Object> retry = new DeadlineRetry<>(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void givenConsecutiveFailures_whenTheNextAttemptIsPlanned_thenTheWaitDoublesFromTheFirstUpToTheMax() {
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(retry.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
