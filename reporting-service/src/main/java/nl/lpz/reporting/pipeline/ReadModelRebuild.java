package nl.lpz.reporting.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the read model and rebuilds it from the topics (infinite retention): stops the projection's listener, empties
 * every projected table together with the stored partition positions in one transaction, and starts the listener
 * again, which then reads every partition from its beginning. The change log ({@code region_change}) is kept so that
 * stream ids stay monotonic; the replay appends to it. Because positions live in the same database, a crash at any
 * point leaves either the old model or an empty one that is being rebuilt, never a mix.
 * <p>
 * Run it on one instance while the others are stopped (or scaled to zero): other instances would keep consuming
 * their partitions from where they were.
 */
@Component
class ReadModelRebuild implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** The pipeline's own tables, emptied with those of every projection. */
    private static final List<String> PIPELINE_TABLES = List.of("processed_event", "consumer_offset");
    private static final List<String> TOPICS = List.of(Topics.CAPACITY_BEDS, Topics.CAPACITY_TOPOLOGY,
            Topics.CAPACITY_MODULES, Topics.CAPACITY_BIRTH_REFUSALS, Topics.STOPS);

    private final KafkaListenerEndpointRegistry listeners;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OffsetStore offsets;
    private final KafkaAdmin kafkaAdmin;
    private final List<String> projectedTables;
    private Admin admin;
    private volatile Instant lastRebuildAt;

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, JdbcTemplate jdbc,
                            PlatformTransactionManager transactionManager, OffsetStore offsets,
                            KafkaAdmin kafkaAdmin, ProjectionPipeline pipeline) {
        this.listeners = listeners;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.offsets = offsets;
        this.kafkaAdmin = kafkaAdmin;
        List<String> tables = new ArrayList<>();
        pipeline.projections().forEach(p -> tables.addAll(p.tables()));
        tables.addAll(PIPELINE_TABLES);
        this.projectedTables = List.copyOf(tables);
    }

    /** Where each partition stands: end offset on the broker and how far the read model has projected it. */
    public record PartitionProgress(String topic, int partition, long endOffset, long projectedOffset) {
        public long lag() {
            return Math.max(0, endOffset - projectedOffset);
        }
    }

    public record Status(boolean listenerRunning, Instant lastRebuildAt, boolean caughtUp, long lag,
                         List<PartitionProgress> partitions) {
    }

    public synchronized Status rebuild() {
        MessageListenerContainer container = listeners.getListenerContainer(CapacityEventListener.LISTENER_ID);
        if (container == null) {
            throw new IllegalStateException("no listener " + CapacityEventListener.LISTENER_ID);
        }
        log.warn("rebuilding the read model (capacity, modules and stops): stopping the listener");
        container.stop();
        tx.executeWithoutResult(s -> {
            jdbc.execute("truncate table " + String.join(", ", projectedTables) + " restart identity");
            // the replay parks again whatever still cannot be projected
            jdbc.update("delete from parked_record where consumer = ?", ProjectionPipeline.CONSUMER);
        });
        lastRebuildAt = Instant.now();
        log.warn("read model emptied; restarting the listener to replay {} from the beginning", TOPICS);
        container.start();
        return status();
    }

    public Status status() {
        MessageListenerContainer container = listeners.getListenerContainer(CapacityEventListener.LISTENER_ID);
        Map<TopicPartition, Long> projected = offsets.all();
        List<PartitionProgress> progress = new ArrayList<>();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets().entrySet()) {
            TopicPartition tp = end.getKey();
            PartitionProgress p = new PartitionProgress(tp.topic(), tp.partition(), end.getValue(),
                    projected.getOrDefault(tp, 0L));
            progress.add(p);
            lag += p.lag();
        }
        progress.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        boolean running = container != null && container.isRunning();
        return new Status(running, lastRebuildAt, running && lag == 0, lag, progress);
    }

    private synchronized Map<TopicPartition, Long> endOffsets() {
        try {
            if (admin == null) {
                admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            }
            // a topic whose producer has not created it yet has nothing to replay
            java.util.Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> present = TOPICS.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> topics = present.isEmpty() ? Map.of()
                    : admin.describeTopics(present).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(d -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            result.forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read end offsets of " + TOPICS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
