package nl.lpz.stop.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.stops.StopEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The event store is the outbox: this tracking event processor reads it and sends every stop event to
 * {@link Topics#STOPS}, keyed by safety region id. Sends of a batch are asynchronous and joined before the batch's
 * unit of work commits the processor's token, so a failed send fails the batch and it is retried from the token
 * (at least once; consumers deduplicate on {@link EventHeaders#EVENT_ID}).
 */
@Component
@ProcessingGroup(StopEventPublisher.PROCESSING_GROUP)
class StopEventPublisher {
    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = StopEventPublisher.class.getName() + ".sends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;

    StopEventPublisher(KafkaTemplate<String, byte[]> kafka,
                       @Value("${lpz.kafka.send-timeout:30s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    void on(StopEvent event, EventMessage<?> message, @SequenceNumber Long sequence) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STOPS, event.partitionKey(),
                EventJson.toBytes(event));
        Revision revision = event.getClass().getAnnotation(Revision.class);
        header(record, EventHeaders.EVENT_TYPE, EventJson.typeOf(event));
        header(record, EventHeaders.EVENT_REVISION, revision == null ? "1" : revision.value());
        header(record, EventHeaders.EVENT_ID, message.getIdentifier());
        header(record, EventHeaders.AGGREGATE_SEQUENCE, String.valueOf(sequence));
        header(record, EventHeaders.RECORDED_AT, message.getTimestamp().toString());
        pendingSends().add(kafka.send(record));
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            root.onPrepareCommit(uow -> joinAll(sends));
            return sends;
        });
    }

    private void joinAll(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
            try {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing stop events", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("publishing stop events to Kafka failed", e);
            }
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
