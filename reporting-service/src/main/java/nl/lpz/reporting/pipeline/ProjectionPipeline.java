package nl.lpz.reporting.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.EventHeaders;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.platform.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects one consumed batch in a single database transaction: hands each {@link Projection} (in {@code @Order})
 * the events it accepts, parks the records that could not be read, appends the change-log rows the projections
 * produced and stores the partitions' next offsets. Counts what it did after the commit. Idempotent by event id: a
 * record seen before changes nothing.
 */
@Component
public class ProjectionPipeline {
    private static final Logger log = LoggerFactory.getLogger(ProjectionPipeline.class);
    /** The name this projection's records are parked under. */
    public static final String CONSUMER = "regional-capacity";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OffsetStore offsets;
    private final List<Projection> projections;
    private final ChangeLog changeLog;
    private final MeterRegistry meters;
    private final ParkedRecords parked;
    private final EventTracing tracing;

    /** @param projections in the order they apply a batch */
    ProjectionPipeline(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OffsetStore offsets,
                              List<Projection> projections, MeterRegistry meters, ParkedRecords parked,
                              EventTracing tracing) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.offsets = offsets;
        this.projections = List.copyOf(projections);
        this.changeLog = new ChangeLog(jdbc);
        this.meters = meters;
        this.parked = parked;
        this.tracing = tracing;
    }

    /** What a batch did. */
    public record Outcome(Map<String, Integer> projected, int duplicates, List<DecodedRecord.Rejected> rejected) {
    }

    List<Projection> projections() {
        return projections;
    }

    public Outcome project(List<DecodedRecord> batch) {
        Collection<EventTracing.Hop> traced = traced(batch);
        Outcome outcome;
        try {
            outcome = tx.execute(status -> apply(batch));
        } catch (RuntimeException | Error e) {
            traced.forEach(hop -> hop.end(e));
            throw e;
        }
        traced.forEach(hop -> hop.end(null));
        // counted after the commit, so a retried batch is not counted twice
        outcome.projected().forEach((type, n) ->
                Counter.builder("lpz.reporting.events.projected").tag("type", type)
                        .description("events applied to the regional capacity read model")
                        .register(meters).increment(n));
        if (outcome.duplicates() > 0) {
            Counter.builder("lpz.reporting.events.duplicates")
                    .description("records whose event id had already been projected").register(meters)
                    .increment(outcome.duplicates());
        }
        for (DecodedRecord.Rejected r : outcome.rejected()) {
            ConsumerRecord<String, byte[]> rec = r.record();
            log.error("PARKED record {}-{}@{} (type {}, event id {}): {}: {}; the projection goes on (./lpz parked)",
                    rec.topic(), rec.partition(), rec.offset(), r.eventType(), r.eventId(), r.reason(), r.detail());
            Counter.builder("lpz.consumer.records.parked").tag("consumer", CONSUMER).tag("reason", r.reason().name())
                    .description("records a consumer could not apply and parked (parked_record)")
                    .register(meters).increment();
        }
        return outcome;
    }

    /**
     * A span per traced request among the batch's records (the events of one request share a trace), from the poll
     * until the read model committed them: the trace that began at the gateway ends when a reader can see the change.
     */
    private Collection<EventTracing.Hop> traced(List<DecodedRecord> batch) {
        Map<String, EventTracing.Hop> hops = new HashMap<>(0);
        for (DecodedRecord r : batch) {
            Header header = r.record().headers().lastHeader(EventTracing.TRACEPARENT);
            if (header != null) {
                hops.computeIfAbsent(new String(header.value(), StandardCharsets.UTF_8), carried -> {
                    EventTracing.Hop hop = tracing.continueTrace(carried, "project " + r.record().topic(),
                            Span.Kind.CONSUMER);
                    hop.span().tag("messaging.system", "kafka")
                            .tag("messaging.destination.name", r.record().topic())
                            .tag("messaging.batch.message_count", String.valueOf(batch.size()));
                    return hop;
                });
            }
        }
        return hops.values();
    }

    private Outcome apply(List<DecodedRecord> records) {
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        List<DecodedRecord.Rejected> rejected = new ArrayList<>();
        List<DecodedRecord.Event> events = new ArrayList<>();
        for (DecodedRecord r : records) {
            ConsumerRecord<String, byte[]> rec = r.record();
            nextOffsets.merge(new TopicPartition(rec.topic(), rec.partition()), rec.offset() + 1, Math::max);
            if (r instanceof DecodedRecord.Rejected rej) {
                rejected.add(rej);
            } else {
                events.add((DecodedRecord.Event) r);
            }
        }
        List<List<DecodedRecord.Event>> byProjection = new ArrayList<>();
        projections.forEach(p -> byProjection.add(new ArrayList<>()));
        for (DecodedRecord.Event e : events) {
            byProjection.get(projectionOf(e)).add(e);
        }
        Batch batch = new Batch();
        for (int i = 0; i < projections.size(); i++) {
            if (!byProjection.get(i).isEmpty()) {
                projections.get(i).apply(byProjection.get(i), batch);
            }
        }
        insertRejected(rejected);
        changeLog.write(batch);
        offsets.save(nextOffsets);
        return new Outcome(batch.projected(), batch.duplicates(), rejected);
    }

    private int projectionOf(DecodedRecord.Event e) {
        for (int i = 0; i < projections.size(); i++) {
            if (projections.get(i).accepts(e.event())) {
                return i;
            }
        }
        throw new IllegalStateException("no projection for " + e.event().getClass().getName());
    }

    private void insertRejected(List<DecodedRecord.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        insert into parked_record (consumer, topic, partition_no, record_offset, record_key, event_type,
                                                   event_id, event_revision, payload, reason, error, attempts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                        on conflict (consumer, topic, partition_no, record_offset) do nothing""",
                rejected, rejected.size(), (ps, r) -> {
                    ps.setString(1, CONSUMER);
                    ps.setString(2, r.record().topic());
                    ps.setInt(3, r.record().partition());
                    ps.setLong(4, r.record().offset());
                    ps.setString(5, r.record().key());
                    ps.setString(6, r.eventType());
                    ps.setString(7, r.eventId());
                    ps.setString(8, revision(r.record()));
                    ps.setBytes(9, r.record().value());
                    ps.setString(10, r.reason().name());
                    ps.setString(11, r.detail());
                });
    }

    private static String revision(ConsumerRecord<String, byte[]> record) {
        var h = record.headers().lastHeader(EventHeaders.EVENT_REVISION);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Parks one record that failed to project again and again (a deterministic failure) and moves its partition past
     * it, in one transaction: either both happen or neither, so the record is never skipped without its trace.
     */
    public void park(DecodedRecord record, String error, int attempts) {
        ConsumerRecord<String, byte[]> rec = record.record();
        tx.executeWithoutResult(status -> {
            parked.park(CONSUMER, rec, "PROJECTION_FAILED", error, attempts);
            offsets.save(Map.of(new TopicPartition(rec.topic(), rec.partition()), rec.offset() + 1));
        });
    }
}
