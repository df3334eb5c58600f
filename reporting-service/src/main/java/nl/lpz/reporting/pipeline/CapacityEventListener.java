package nl.lpz.reporting.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.lpz.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import nl.lpz.platform.messaging.Failures;
import nl.lpz.platform.messaging.ParkedRecordReplayer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes the capacity topics (beds, topology, module figures, birth-care refusals) and {@code lpz.stops.v1} in batches (group
 * {@code reporting-regional-capacity}) and hands each poll to the projector in one database transaction (every
 * projection in the same transaction); the container commits the offsets after the listener returns (ack mode
 * BATCH), i.e. after the commit. On assignment every partition is positioned where the read model's own
 * {@code consumer_offset} table says (its beginning when absent), so the database, not the group offset, decides what
 * is projected: a rebuild empties that table with the rest.
 * <p>
 * A failing batch never stops the projection: a transient failure (database or broker away) is retried until it
 * passes; any other failure sends the batch through record by record, and the record that fails every time is parked
 * (docs/reliability.md); the attempts at a record are {@link ProjectionProperties#attempts()}.
 */
@Component
@EnableConfigurationProperties(ProjectionProperties.class)
class CapacityEventListener implements ConsumerSeekAware, ParkedRecordReplayer {
    public static final String LISTENER_ID = "regional-capacity";
    private static final Logger log = LoggerFactory.getLogger(CapacityEventListener.class);

    private final ProjectionPipeline projector;
    private final OffsetStore offsets;
    private final JdbcTemplate jdbc;
    private final int attempts;

    CapacityEventListener(ProjectionPipeline projector, OffsetStore offsets, JdbcTemplate jdbc,
                                 ProjectionProperties properties) {
        this.projector = projector;
        this.offsets = offsets;
        this.jdbc = jdbc;
        this.attempts = Math.max(1, properties.attempts());
    }

    @KafkaListener(id = LISTENER_ID, groupId = "${lpz.reporting.consumer-group:reporting-regional-capacity}",
            topics = {Topics.CAPACITY_BEDS, Topics.CAPACITY_TOPOLOGY, Topics.CAPACITY_MODULES,
                    Topics.CAPACITY_BIRTH_REFUSALS, Topics.STOPS},
            batch = "true", concurrency = "${lpz.reporting.listener-concurrency:1}")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<DecodedRecord> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            decoded.add(RecordDecoder.decode(r));
        }
        try {
            projector.project(decoded);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e; // the error handler retries the batch with back-off for as long as the outage lasts
            }
            log.warn("a batch of {} records failed ({}); projecting it record by record to find the culprit",
                    decoded.size(), Failures.describe(e));
            decoded.forEach(this::projectAlone);
        }
    }

    /**
     * One record in a transaction of its own, tried {@code attempts} times; a record that fails every time while the
     * database answers is parked and the partition moves past it. A transient failure is thrown to the error
     * handler, which delivers the batch again: what was projected before it is then a duplicate by event id.
     */
    private void projectAlone(DecodedRecord record) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                projector.project(List.of(record));
                return;
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                last = e;
                pause(attempt);
            }
        }
        jdbc.queryForObject("select 1", Integer.class); // an unreachable database throws here: nothing is parked
        projector.park(record, Failures.describe(last), attempts);
    }

    /** Replays a parked record through the same decoding and projection as a consumed one. */
    @Override
    public String consumer() {
        return ProjectionPipeline.CONSUMER;
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        DecodedRecord decoded = RecordDecoder.decode(record);
        if (decoded instanceof DecodedRecord.Rejected rejected) {
            throw new IllegalStateException("still not projectable: " + rejected.reason() + ": " + rejected.detail());
        }
        projector.project(List.of(decoded));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<TopicPartition, Long> stored = offsets.load(assignments.keySet());
        for (TopicPartition tp : assignments.keySet()) {
            Long next = stored.get(tp);
            if (next == null) {
                log.info("partition {} not projected yet: reading it from the beginning", tp);
                callback.seekToBeginning(tp.topic(), tp.partition());
            } else if (!next.equals(assignments.get(tp))) {
                log.info("partition {}: group offset {}, read model at {}: seeking", tp, assignments.get(tp), next);
                callback.seek(tp.topic(), tp.partition(), next);
            }
        }
    }
}
