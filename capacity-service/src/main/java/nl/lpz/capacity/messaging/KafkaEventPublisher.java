package nl.lpz.capacity.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.CapacityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every event of the event store to Kafka (the event store is the outbox). A tracking processor (2 segments,
 * one thread each, woken by the event store right after each commit; see application.yml for why not pooled) hands
 * over batches of up to 500 events; each is sent asynchronously and the batch waits for all acknowledgements
 * (acks=all, idempotent producer) before its token is committed, so a failed send fails the batch, which is retried
 * from the last token: at least once, in order per key (location id, or organisation id for visibility).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {
    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka,
                        @Value("${lpz.kafka.send-timeout:30s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    void on(CapacityEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence,
            @Timestamp Instant recordedAt, UnitOfWork<?> unitOfWork) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, bytes(EventJson.typeOf(event)));
        headers.add(EventHeaders.EVENT_REVISION, bytes(revisionOf(event)));
        headers.add(EventHeaders.EVENT_ID, bytes(eventId));
        headers.add(EventHeaders.AGGREGATE_SEQUENCE, bytes(String.valueOf(sequence)));
        headers.add(EventHeaders.RECORDED_AT, bytes(recordedAt.toString()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topicOf(event), null, event.partitionKey(),
                EventJson.toBytes(event), headers);
        pending(unitOfWork).add(kafka.send(record));
    }

    static String topicOf(CapacityEvent event) {
        return event instanceof BedStatusChanged || event instanceof BedRemoved
                ? Topics.CAPACITY_BEDS : Topics.CAPACITY_TOPOLOGY;
    }

    private List<CompletableFuture<?>> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaPublishException("a batch of " + sends.size() + " events was not acknowledged by Kafka", e);
        }
    }

    private static String revisionOf(Object event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return revision == null ? "1" : revision.value();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static class KafkaPublishException extends RuntimeException {
        KafkaPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
