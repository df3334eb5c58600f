package nl.lpz.reporting.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.lpz.events.Topics;
import nl.lpz.reporting.projection.DecodedRecord;
import nl.lpz.reporting.projection.OffsetStore;
import nl.lpz.reporting.projection.RegionalCapacityProjector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes the capacity topics and {@code lpz.stops.v1} in batches (group {@code reporting-regional-capacity}) and
 * hands each poll to the projector in one database transaction (stop events go to its {@code StopProjector} in the
 * same transaction); the container commits the offsets after the listener returns (ack mode BATCH), i.e. after the
 * commit. On assignment every partition is positioned where the read model's own
 * {@code consumer_offset} table says (its beginning when absent), so the database, not the group offset, decides what
 * is projected: a rebuild empties that table with the rest.
 */
@Component
public class CapacityEventListener implements ConsumerSeekAware {
    public static final String LISTENER_ID = "regional-capacity";
    private static final Logger log = LoggerFactory.getLogger(CapacityEventListener.class);

    private final RegionalCapacityProjector projector;
    private final OffsetStore offsets;

    public CapacityEventListener(RegionalCapacityProjector projector, OffsetStore offsets) {
        this.projector = projector;
        this.offsets = offsets;
    }

    @KafkaListener(id = LISTENER_ID, groupId = "${lpz.reporting.consumer-group:reporting-regional-capacity}",
            topics = {Topics.CAPACITY_BEDS, Topics.CAPACITY_TOPOLOGY, Topics.STOPS}, batch = "true",
            concurrency = "${lpz.reporting.listener-concurrency:1}")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<DecodedRecord> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            decoded.add(RecordDecoder.decode(r));
        }
        projector.project(decoded);
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
