package nl.lpz.stop.config;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a deadline's handling fails, it is tried again soon: after {@code first}, doubling per consecutive failure up
 * to {@code max}. db-scheduler's default for one-time tasks is a flat five minutes, which makes a stop's expiry five
 * minutes late whenever its first attempt loses a race: with two stop-service instances, a deadline firing on one
 * and a command on the other append to the same board, and the event store's unique (aggregate, sequence) rejects
 * the later of the two. A retry reloads the board and applies the deadline to its new state; the cap keeps the
 * retries of a longer failure (the database gone) from drifting far past its end.
 */
final class DeadlineRetry<T> implements FailureHandler<T> {
    private static final Logger log = LoggerFactory.getLogger(DeadlineRetry.class);

    private final Duration first;
    private final Duration max;

    DeadlineRetry(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Duration delay = delayAfter(failures);
        Instant next = complete.getTimeDone().plus(delay);
        log.warn("deadline {} failed (attempt {}), trying again at {}: {}",
                complete.getExecution().taskInstance.getId(), failures, next,
                complete.getCause().map(DeadlineRetry::rootCause).orElse("no cause"));
        operations.reschedule(complete, next);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The wait after the given number of consecutive failures (1 for the first). */
    Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
