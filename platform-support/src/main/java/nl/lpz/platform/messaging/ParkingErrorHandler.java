package nl.lpz.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of a record listener ({@code @KafkaListener} of single records) that applies events to a
 * database: a transient failure ({@link Failures#isTransient}) is retried with a growing pause for as long as it
 * takes, so an outage parks nothing; a deterministic one is tried {@code attempts} times in all and then parked in
 * {@link ParkedRecords}, and the consumer goes on with the next record. Parking needs the database: before it the
 * handler checks that the database answers, and if it does not (or the parking itself fails) the record is
 * delivered again instead, so a record is never skipped without a trace.
 */
public final class ParkingErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ParkingErrorHandler.class);
    /** The pause between attempts at a record that failed deterministically. */
    static final long DETERMINISTIC_PAUSE_MILLIS = 200;

    private ParkingErrorHandler() {
    }

    public static DefaultErrorHandler of(String consumer, ParkedRecords parked, JdbcTemplate jdbc, int attempts) {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> r = (ConsumerRecord<String, byte[]>) record;
            // throws when the database is away: the record is then delivered again, never skipped
            jdbc.queryForObject("select 1", Integer.class);
            parked.park(consumer, r, "APPLY_FAILED", Failures.describe(failure), attempts);
        }, new FixedBackOff(DETERMINISTIC_PAUSE_MILLIS, Math.max(0, attempts - 1)));
        handler.setBackOffFunction((record, failure) -> {
            if (!Failures.isTransient(failure)) {
                return null; // the handler's own: a few attempts, then the recoverer parks it
            }
            log.warn("consumer {}: transient failure at {}-{}@{}, retrying until it passes: {}", consumer,
                    record.topic(), record.partition(), record.offset(), Failures.describe(failure));
            return forever();
        });
        // a record that failed transiently and then deterministically (or the other way round) starts counting anew
        handler.setResetStateOnExceptionChange(true);
        return handler;
    }

    /** Retry for as long as it takes: from 200 ms doubling to 10 s between attempts. */
    public static ExponentialBackOff forever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
