package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.lpz.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;

/**
 * One trace from the client through the gateway, the service, the event store and Kafka to the projection: the
 * platform's processes export their spans over OTLP to a receiver in this JVM ({@link OtlpReceiver}), as they would
 * to a collector. The client starts the trace with a sampled {@code traceparent}, as an EPD vendor's own tracing or
 * an operator reproducing a problem would.
 */
class TracingIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void givenATracedBedPush_whenItBecomesVisible_thenOneTraceRunsFromTheGatewayThroughKafkaToTheProjection() {
        String traceId = hex(16);
        String clientSpanId = hex(8);
        OtlpReceiver receiver = OtlpReceiver.get();
        receiver.watch(traceId);
        String loc = Lpz.newLocation(AMC_ORG);
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

        Api.Response pushed = Api.sendWithHeaders("POST", "/api/v1/bed-events", "Bearer " + Api.epd(AMC_ORG).token(),
                Api.text(Bed.batch(Bed.at(loc, "IC", "x", "IC_BEADEMD").bed("ic-1").available().at(at))),
                "application/json", "traceparent", "00-" + traceId + "-" + clientSpanId + "-01");

        assertThat(pushed.status()).as("%s", pushed).isEqualTo(202);
        assertThat(pushed.header("X-Lpz-Trace-Id")).as("the trace id the answer names").isEqualTo(traceId);
        Lpz.awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertThat(l).isNotNull());

        await("the trace's spans from gateway to projection").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    List<ReceivedSpan> spans = receiver.spansOf(traceId);
                    ReceivedSpan gateway = only(spans, s -> s.service().equals("gateway")
                            && s.kind() == SpanKind.SPAN_KIND_SERVER && s.parentSpanId().equals(clientSpanId),
                            "the gateway's server span under the client's");
                    ReceivedSpan service = only(spans, s -> s.service().equals("capacity-service")
                            && s.kind() == SpanKind.SPAN_KIND_SERVER, "capacity-service's server span");
                    assertThat(ancestors(spans, service)).as("capacity-service's request descends from the gateway's")
                            .contains(gateway.spanId());
                    ReceivedSpan publish = only(spans, s -> s.service().equals("capacity-service")
                            && s.kind() == SpanKind.SPAN_KIND_PRODUCER && s.name().startsWith("publish "),
                            "the outbox publisher's span");
                    assertThat(ancestors(spans, publish)).as("published under the request's span")
                            .contains(service.spanId());
                    ReceivedSpan project = only(spans, s -> s.service().equals("reporting-service")
                            && s.kind() == SpanKind.SPAN_KIND_CONSUMER && s.name().startsWith("project "),
                            "the projection's span");
                    assertThat(project.parentSpanId()).as("projected from the published record")
                            .isEqualTo(publish.spanId());
                    assertThat(project.attributes()).containsEntry("messaging.destination.name",
                            publish.attributes().get("messaging.destination.name"));
                });

        await("the gateway's access log names the trace").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(Platform.logOf(Platform.GATEWAY)))
                        .contains("POST /api/v1/bed-events 202").contains("trace=" + traceId));
    }

    @Test
    void givenARequestWithoutTraceContext_whenAnswered_thenTheAnswerStillNamesItsTraceId() {
        Api.Response r = Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF + "/capacity");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Lpz-Trace-Id")).as("a trace id for every answer, sampled or not")
                .matches("[0-9a-f]{32}");
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, java.util.function.Predicate<ReceivedSpan> which,
                                     String what) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertThat(found).as("%s among %s", what, spans).hasSize(1);
        return found.get(0);
    }

    /** The span ids above a span, following parent ids within the trace. */
    private static List<String> ancestors(List<ReceivedSpan> spans, ReceivedSpan span) {
        java.util.ArrayList<String> up = new java.util.ArrayList<>();
        Optional<ReceivedSpan> parent = Optional.of(span);
        while (parent.isPresent() && up.size() < 20) {
            String parentId = parent.get().parentSpanId();
            up.add(parentId);
            parent = spans.stream().filter(s -> s.spanId().equals(parentId)).findFirst();
        }
        return up;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
