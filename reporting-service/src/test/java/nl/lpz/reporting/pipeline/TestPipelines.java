package nl.lpz.reporting.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.platform.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The pipeline without a Spring context, for tests of other packages (its constructor is package-private). */
public final class TestPipelines {
    private TestPipelines() {
    }

    public static ProjectionPipeline create(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                            MeterRegistry meters, List<Projection> projections) {
        return new ProjectionPipeline(jdbc, transactions, new OffsetStore(jdbc), projections, meters,
                new ParkedRecords(jdbc, meters), EventTracing.disabled());
    }

    /** The advisory lock key every change-log writer takes before deriving its rows. */
    public static long changeLogLock() {
        return ChangeLog.CHANGE_LOG_LOCK;
    }

    public static DecodedRecord decode(ConsumerRecord<String, byte[]> record) {
        return RecordDecoder.decode(record);
    }
}
