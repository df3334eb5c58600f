package nl.lpz.platform.outbox;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events of the event store to Kafka: the event store is the outbox. It runs in the streaming (tracking)
 * processor {@value #PROCESSING_GROUP}, whose batches it turns into records: topic and key as the service's
 * {@link PublishedEvents} say, the JSON of the event as value, and the {@link EventHeaders} (type, revision, event id,
 * aggregate sequence, recorded at). Each record is sent asynchronously; before the batch's unit of work commits the
 * processor's token it waits for every acknowledgement (acks=all, idempotent producer:
 * {@link OutboxAutoConfiguration}) for at most the send timeout, and otherwise fails the batch with an
 * {@link OutboxPublishException}, so that it is sent again from the last token. At least once, in order per key as
 * long as the processor's sequencing policy keeps a key's events in one segment.
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
public class OutboxPublisher {
    /** The processor's name in every service; {@code axon.eventhandling.processors.kafka-publisher} configures it. */
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = OutboxPublisher.class.getName() + ".pending";

    private final PublishedEvents<?> published;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;

    public OutboxPublisher(PublishedEvents<?> published, KafkaTemplate<String, byte[]> kafka, Duration sendTimeout) {
        this.published = published;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void on(Object payload, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (!published.covers(payload)) {
            return;
        }
        pending(unitOfWork).add(kafka.send(record(payload, message)));
    }

    ProducerRecord<String, byte[]> record(Object payload, DomainEventMessage<?> message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, bytes(EventJson.typeOf(payload)));
        headers.add(EventHeaders.EVENT_REVISION, bytes(revisionOf(payload)));
        headers.add(EventHeaders.EVENT_ID, bytes(message.getIdentifier()));
        headers.add(EventHeaders.AGGREGATE_SEQUENCE, bytes(String.valueOf(message.getSequenceNumber())));
        headers.add(EventHeaders.RECORDED_AT, bytes(message.getTimestamp().toString()));
        return new ProducerRecord<>(published.topicOf(payload), null, published.keyOf(payload),
                EventJson.toBytes(payload), headers);
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
            throw new OutboxPublishException("interrupted while waiting for Kafka to acknowledge " + sends.size()
                    + " events", e);
        } catch (ExecutionException e) {
            throw new OutboxPublishException("Kafka refused a batch of " + sends.size() + " events", e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxPublishException("a batch of " + sends.size() + " events was not acknowledged by Kafka "
                    + "within " + sendTimeout, e);
        }
    }

    private static String revisionOf(Object event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return revision == null ? "1" : revision.value();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
