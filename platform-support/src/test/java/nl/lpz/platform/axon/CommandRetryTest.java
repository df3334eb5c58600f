package nl.lpz.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class CommandRetryTest {
    private final CommandGateway gateway = mock(CommandGateway.class);

    @Test
    void givenTwoLostRaces_whenSent_thenTheThirdAttemptAnswersWithACommandBuiltAgain() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("lost"))
                .thenThrow(new AggregateStreamCreationException("lost creation")).thenReturn("decided");
        AtomicInteger built = new AtomicInteger();

        String result = new CommandRetry(gateway, 5, Duration.ZERO)
                .sendAndWait(() -> "command-" + built.incrementAndGet(), "board VR13/SEH");

        assertThat(result).isEqualTo("decided");
        assertThat(built).hasValue(3);
        verify(gateway).sendAndWait("command-3");
    }

    @Test
    void givenEveryAttemptLost_whenSent_thenConcurrentChangesAfterExactlyMaxAttempts() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("lost"));

        assertThatThrownBy(() -> new CommandRetry(gateway, 5, Duration.ZERO).sendAndWait(() -> "c", "board VR13/SEH"))
                .isInstanceOf(ConcurrentChangesException.class)
                .hasMessage("concurrent changes to board VR13/SEH won 5 times in a row; retry the request")
                .hasCauseInstanceOf(ConcurrencyException.class)
                .satisfies(e -> assertThat(((ConcurrentChangesException) e).interrupted()).isFalse());
        verify(gateway, times(5)).sendAndWait(any());
    }

    @Test
    void givenAnotherFailure_whenSent_thenItIsThrownUnchangedAfterOneAttempt() {
        AggregateNotFoundException notFound = new AggregateNotFoundException("loc-1", "unknown");
        when(gateway.sendAndWait(any())).thenThrow(notFound);

        assertThatThrownBy(() -> new CommandRetry(gateway, 10, Duration.ofMillis(20)).sendAndWait(() -> "c", "loc-1"))
                .isSameAs(notFound);
        verify(gateway, times(1)).sendAndWait(any());
    }

    @Test
    void givenAPauseStep_whenEveryAttemptIsLost_thenRandomPausesOfAtMostNTimesTheStep() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("lost"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> new CommandRetry(gateway, 10, Duration.ofMillis(20)).sendAndWait(() -> "c", "loc-1"))
                .isInstanceOf(ConcurrentChangesException.class)
                .hasMessage("concurrent changes to loc-1 won 10 times in a row; retry the request");

        // nine pauses of 1..20n ms (n = 1..9): at least 9 ms, at most 900 ms in total
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(9)).isLessThan(Duration.ofMillis(900 + 500));
        verify(gateway, times(10)).sendAndWait(any());
    }

    @Test
    void givenAnInterruptedThread_whenItWouldPause_thenConcurrentChangesMarkedInterrupted() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("lost"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new CommandRetry(gateway, 10, Duration.ofMillis(20)).sendAndWait(() -> "c", "x"))
                    .isInstanceOf(ConcurrentChangesException.class)
                    .satisfies(e -> assertThat(((ConcurrentChangesException) e).interrupted()).isTrue());
            verify(gateway, times(1)).sendAndWait(any());
        } finally {
            Thread.interrupted();
        }
    }
}
