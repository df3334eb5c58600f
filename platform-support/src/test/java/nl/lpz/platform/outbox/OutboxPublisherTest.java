package nl.lpz.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.lpz.events.EventHeaders;
import nl.lpz.platform.tracing.EventTracing;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxPublisherTest {
    sealed interface TestEvent permits Moved, Renamed {
        String region();
    }

    @Revision("2")
    record Moved(String region, String to) implements TestEvent {
    }

    record Renamed(String region, String name) implements TestEvent {
    }

    record Unrelated(String id) {
    }

    private static final PublishedEvents<TestEvent> PUBLISHED = PublishedEvents.of(TestEvent.class,
            e -> e instanceof Moved ? "test.moves" : "test.names", TestEvent::region);
    private static final Instant RECORDED = Instant.parse("2026-11-23T10:15:30.123Z");

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    @Test
    void givenAnEvent_whenPublished_thenTopicKeyValueAndTheFiveHeadersOfThePublishedLanguage() {
        acknowledgeEverySend();
        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled()),
                message("VR13/SEH", 7, new Moved("VR13", "north")));

        assertThat(sent).hasSize(1);
        ProducerRecord<String, byte[]> record = sent.get(0);
        assertThat(record.topic()).isEqualTo("test.moves");
        assertThat(record.key()).isEqualTo("VR13");
        assertThat(record.partition()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"region\":\"VR13\",\"to\":\"north\"}");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("Moved");
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("2");
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo("event-VR13/SEH-7");
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("7");
        assertThat(header(record, EventHeaders.RECORDED_AT)).isEqualTo("2026-11-23T10:15:30.123Z");
    }

    @Test
    void givenAnEventWithoutRevision_whenPublished_thenRevision1AndItsOwnTopic() {
        acknowledgeEverySend();
        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled()),
                message("VR01/CCU", 0, new Renamed("VR01", "x")));

        assertThat(sent.get(0).topic()).isEqualTo("test.names");
        assertThat(header(sent.get(0), EventHeaders.EVENT_REVISION)).isEqualTo("1");
    }

    @Test
    void givenAnEventOfAnotherType_whenHandled_thenNothingIsSent() {
        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled()),
                message("x", 0, new Unrelated("x")));

        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    void givenASendThatFails_whenTheBatchCommits_thenItFailsWithTheOutboxException() {
        CompletableFuture<SendResult<String, byte[]>> failed = CompletableFuture.failedFuture(
                new IllegalStateException("broker said no"));
        when(kafka.send(any(ProducerRecord.class))).thenReturn(failed);
        OutboxPublisher publisher = new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled());

        assertThatThrownBy(() -> publishInOneBatch(publisher, message("VR13/SEH", 1, new Moved("VR13", "n"))))
                .isInstanceOf(OutboxPublishException.class)
                .hasMessageContaining("refused a batch of 1 events")
                .hasRootCauseMessage("broker said no");
    }

    @Test
    void givenASendThatIsNeverAcknowledged_whenTheBatchCommits_thenItFailsAfterTheSendTimeout() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());
        OutboxPublisher publisher = new OutboxPublisher(PUBLISHED, kafka, Duration.ofMillis(200), EventTracing.disabled());
        long start = System.nanoTime();

        assertThatThrownBy(() -> publishInOneBatch(publisher, message("VR13/SEH", 1, new Moved("VR13", "n")),
                message("VR13/SEH", 2, new Moved("VR13", "s"))))
                .isInstanceOf(OutboxPublishException.class)
                .hasMessageContaining("a batch of 2 events was not acknowledged by Kafka within PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givenABatchOfSeveralEvents_whenPublished_thenAllAreSentBeforeTheBatchWaitsOnce() {
        acknowledgeEverySend();
        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled()),
                message("VR13/SEH", 1, new Moved("VR13", "a")), message("VR02/SEH", 4, new Renamed("VR02", "b")),
                message("VR13/SEH", 2, new Moved("VR13", "c")));

        assertThat(sent).extracting(ProducerRecord::key).containsExactly("VR13", "VR02", "VR13");
    }

    @Test
    void givenEventsOfATracedRequest_whenPublished_thenTheirRecordsContinueTheTraceUnderOnePublishSpan() {
        acknowledgeEverySend();
        List<SpanData> exported = new ArrayList<>();
        EventTracing tracing = realTracing(exported);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        MetaData traced = MetaData.with(EventTracing.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01");

        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), tracing),
                message("VR13/SEH", 1, new Moved("VR13", "a"), traced),
                message("VR13/SEH", 2, new Moved("VR13", "b"), traced),
                message("VR02/SEH", 1, new Moved("VR02", "c"), MetaData.emptyInstance()));

        assertThat(exported).as("one span for the request's events, ended when Kafka acknowledged").hasSize(1);
        SpanData publish = exported.get(0);
        assertThat(publish.getTraceId()).isEqualTo(traceId);
        assertThat(publish.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getName()).isEqualTo("publish test.moves");
        String carried = "00-" + traceId + "-" + publish.getSpanId() + "-01";
        assertThat(sent.subList(0, 2)).allSatisfy(r ->
                assertThat(header(r, EventTracing.TRACEPARENT)).as("the record's parent is the publish span")
                        .isEqualTo(carried));
        assertThat(sent.get(2).headers().lastHeader(EventTracing.TRACEPARENT)).as("an untraced event").isNull();
    }

    @Test
    void givenATracedEventAndNoTracer_whenPublished_thenItsTraceparentIsPassedOnUnchanged() {
        acknowledgeEverySend();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        publishInOneBatch(new OutboxPublisher(PUBLISHED, kafka, Duration.ofSeconds(1), EventTracing.disabled()),
                message("VR13/SEH", 1, new Moved("VR13", "a"), MetaData.with(EventTracing.TRACEPARENT, traceparent)));

        assertThat(header(sent.get(0), EventTracing.TRACEPARENT)).isEqualTo(traceparent);
    }

    /** Micrometer's OpenTelemetry bridge on an SDK that hands every ended span to {@code exported}. */
    private static EventTracing realTracing(List<SpanData> exported) {
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("test");
        return new EventTracing(new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
        }), new OtelPropagator(sdk.getPropagators(), otel));
    }

    private void acknowledgeEverySend() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
    }

    /** One unit of work per batch, as a tracking processor runs it; the publisher waits in its prepare-commit. */
    private static void publishInOneBatch(OutboxPublisher publisher, DomainEventMessage<?>... messages) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(messages[0]);
        for (DomainEventMessage<?> message : messages) {
            publisher.on(message.getPayload(), message, batch);
        }
        batch.commit();
    }

    private static DomainEventMessage<?> message(String aggregate, long sequence, Object payload) {
        return message(aggregate, sequence, payload, MetaData.emptyInstance());
    }

    private static DomainEventMessage<?> message(String aggregate, long sequence, Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, payload, metaData,
                "event-" + aggregate + "-" + sequence, RECORDED);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
