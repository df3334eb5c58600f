package nl.lpz.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lpz.events.EventHeaders;
import io.micrometer.tracing.Span;
import nl.lpz.events.EventJson;
import nl.lpz.platform.tracing.EventTracing;
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
 * {@link PublishedEvents} say, the JSON of the event as value, the {@link EventHeaders} (type, revision, event id,
 * aggregate sequence, recorded at), and a traced request's {@code traceparent} ({@link EventTracing}). Each record is
 * sent asynchronously; before the batch's unit of work commits the processor's token it waits for every
 * acknowledgement (acks=all, idempotent producer: {@link OutboxAutoConfiguration}) for at most the send timeout, and
 * otherwise fails the batch with an {@link OutboxPublishException}, so that it is sent again from the last token. At
 * least once, in order per key as long as the processor's sequencing policy keeps a key's events in one segment.
 */
@ProcessingGroup(OutboxPublisher.PROCESSING_GROUP)
public class OutboxPublisher {
    /** The processor's name in every service; {@code axon.eventhandling.processors.kafka-publisher} configures it. */
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = OutboxPublisher.class.getName() + ".pending";

    private final PublishedEvents<?> published;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;
    private final EventTracing tracing;

    public OutboxPublisher(PublishedEvents<?> published, KafkaTemplate<String, byte[]> kafka, Duration sendTimeout,
                           EventTracing tracing) {
        this.published = published;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.tracing = tracing;
    }

    @EventHandler
    public void on(Object payload, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (!published.covers(payload)) {
            return;
        }
        ProducerRecord<String, byte[]> record = record(payload, message);
        Batch batch = batch(unitOfWork);
        Object traceparent = message.getMetaData().get(EventTracing.TRACEPARENT);
        if (traceparent instanceof String carried) {
            record.headers().add(EventTracing.TRACEPARENT, bytes(batch.hop(carried, record.topic()).traceparent()));
        }
        batch.sends.add(kafka.send(record));
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

    private Batch batch(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.awaitAll());
            root.onCleanup(u -> batch.endSpans(u.isRolledBack()
                    ? new IllegalStateException("the batch was rolled back; it is sent again") : null));
            return batch;
        });
    }

    /**
     * The sends of one processor batch, and a span per traced request among its events (the events of one request
     * share a trace): each lasts from reading the events until Kafka acknowledged the batch, so the trace shows how
     * long they waited in the outbox.
     */
    private final class Batch {
        private final List<CompletableFuture<?>> sends = new ArrayList<>();
        private final Map<String, EventTracing.Hop> hops = new HashMap<>(0);
        private boolean ended;

        EventTracing.Hop hop(String traceparent, String topic) {
            return hops.computeIfAbsent(traceparent, carried -> {
                EventTracing.Hop hop = tracing.continueTrace(carried, "publish " + topic, Span.Kind.PRODUCER);
                hop.span().tag("messaging.system", "kafka").tag("messaging.destination.name", topic);
                return hop;
            });
        }

        void awaitAll() {
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                endSpans(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxPublishException("interrupted while waiting for Kafka to acknowledge " + sends.size()
                        + " events", e);
            } catch (ExecutionException e) {
                throw new OutboxPublishException("Kafka refused a batch of " + sends.size() + " events",
                        e.getCause());
            } catch (TimeoutException e) {
                throw new OutboxPublishException("a batch of " + sends.size() + " events was not acknowledged by "
                        + "Kafka within " + sendTimeout, e);
            }
        }

        void endSpans(Throwable failure) {
            if (!ended) {
                ended = true;
                hops.values().forEach(hop -> hop.end(failure));
            }
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
