package nl.lpz.platform.axon;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy for commands that lose an append race (ADR 0009): any instance takes any command, the event
 * store's unique {@code (aggregate, sequence)} key rejects the second of two concurrent appends, and the loser's
 * transaction rolls back whole. Such a command is built and sent again, so that it is decided on the winner's state
 * (resilience4j {@link Retry}), up to {@code lpz.commands.retry.max-attempts} attempts. Attempt {@code n} first waits
 * a random pause of 1..{@code n × lpz.commands.retry.pause} ms so that contenders spread out ({@code 0}: at once).
 * After the last attempt it throws {@link ConcurrentChangesException} (409 {@code CONFLICT}). Every other outcome of
 * the command, a result or an exception, is returned or thrown unchanged.
 * <p>
 * With a registry, every command is timed as {@code lpz.command.duration} by its type and outcome ({@code ok},
 * {@code refused}: any exception the command threw, {@code conflict}: every attempt lost): the append, the subscribing
 * projections and the commit, as the caller waits for them (docs/operations.md).
 */
public final class CommandRetry {
    private static final Logger log = LoggerFactory.getLogger(CommandRetry.class);

    private final CommandGateway gateway;
    private final int maxAttempts;
    private final Retry retry;
    private final MeterRegistry meters;

    public CommandRetry(CommandGateway gateway, int maxAttempts, Duration pause) {
        this(gateway, maxAttempts, pause, null);
    }

    public CommandRetry(CommandGateway gateway, int maxAttempts, Duration pause, MeterRegistry meters) {
        if (maxAttempts < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("max-attempts must be at least 1 and the pause not negative");
        }
        this.gateway = gateway;
        this.maxAttempts = maxAttempts;
        this.meters = meters;
        long pauseMillis = pause.toMillis();
        IntervalFunction growingJitter = attempt -> pauseMillis == 0 ? 0L
                : ThreadLocalRandom.current().nextLong(1, pauseMillis * attempt + 1);
        this.retry = Retry.of("lost-append-race", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(growingJitter)
                .retryOnException(CommandRetry::lostRace)
                .build());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Sends the command {@code command} builds (again on every attempt, so it may read the current state) and waits
     * for its result; {@code subject} names the aggregate for the log and the problem detail.
     */
    public <R> R sendAndWait(Supplier<?> command, String subject) {
        if (meters == null) {
            return send(command, subject, new String[1]);
        }
        long start = System.nanoTime();
        String[] type = new String[1];
        String outcome = "refused";
        try {
            R result = send(command, subject, type);
            outcome = "ok";
            return result;
        } catch (ConcurrentChangesException e) {
            outcome = "conflict";
            throw e;
        } finally {
            Timer.builder("lpz.command.duration").description("a command from sending to its commit")
                    .tag("command", type[0] == null ? "unknown" : type[0]).tag("outcome", outcome)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10)).register(meters)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private <R> R send(Supplier<?> command, String subject, String[] type) {
        int[] attempt = {0};
        try {
            return retry.executeSupplier(() -> {
                if (++attempt[0] > 1) {
                    log.debug("{} changed concurrently (attempt {}); sending the command again", subject,
                            attempt[0] - 1);
                }
                Object built = command.get();
                type[0] = built.getClass().getSimpleName();
                return gateway.sendAndWait(built);
            });
        } catch (ConcurrencyException | AggregateStreamCreationException lastRace) {
            if (Thread.currentThread().isInterrupted()) {
                throw ConcurrentChangesException.interrupted(lastRace);
            }
            throw ConcurrentChangesException.exhausted(subject, maxAttempts, lastRace);
        }
    }

    private static boolean lostRace(Throwable failure) {
        return failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException;
    }
}
