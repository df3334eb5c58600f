package nl.lpz.e2e;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver in the test JVM, as a collector would be: every platform process exports its sampled
 * spans to {@link #endpoint()}. It keeps the spans of the traces a test {@linkplain #watch watches} and drops the
 * rest, so the suite's other traffic costs nothing but the parse.
 */
final class OtlpReceiver {
    /** A received span: the exporting process's {@code service.name} and the span's ids, name and kind. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                        io.opentelemetry.proto.trace.v1.Span.SpanKind kind, Map<String, String> attributes) {
    }

    private static OtlpReceiver instance;

    private final HttpServer server;
    private final Map<String, List<ReceivedSpan>> watched = new ConcurrentHashMap<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static synchronized OtlpReceiver get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                OtlpReceiver receiver = new OtlpReceiver(server);
                server.createContext("/v1/traces", exchange -> {
                    try (InputStream in = exchange.getRequestBody()) {
                        receiver.accept(ExportTraceServiceRequest.parseFrom(in));
                        byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                        exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                        exchange.getResponseBody().write(ok);
                    } catch (IOException | RuntimeException e) {
                        exchange.sendResponseHeaders(400, -1);
                    } finally {
                        exchange.close();
                    }
                });
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "otlp-receiver-stop"));
                instance = receiver;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the OTLP receiver", e);
            }
        }
        return instance;
    }

    /** The URL every platform process exports its spans to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Keeps the spans of this trace (32 hex digits) from now on. */
    void watch(String traceId) {
        watched.putIfAbsent(traceId, new CopyOnWriteArrayList<>());
    }

    /** The spans of a watched trace received so far. */
    List<ReceivedSpan> spansOf(String traceId) {
        return List.copyOf(watched.getOrDefault(traceId, List.of()));
    }

    private void accept(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    List<ReceivedSpan> kept = watched.get(hex.formatHex(span.getTraceId().toByteArray()));
                    if (kept != null) {
                        kept.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                                hex.formatHex(span.getSpanId().toByteArray()),
                                hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                                attributes(span.getAttributesList())));
                    }
                }
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> map = new ConcurrentHashMap<>();
        values.forEach(kv -> map.put(kv.getKey(), kv.getValue().hasStringValue() ? kv.getValue().getStringValue()
                : kv.getValue().toString().strip()));
        return map;
    }
}
