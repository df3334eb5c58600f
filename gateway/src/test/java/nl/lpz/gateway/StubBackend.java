package nl.lpz.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backend stand-in on a random loopback port. It answers every request with JSON echoing what arrived (service,
 * method, path, {@code X-Lpz-*} headers, whether an Authorization header came through, body length), and has a few
 * special paths: {@code /v3/api-docs} (the document given), {@code .../slow} (answers after 3 s),
 * {@code .../problem} (a backend problem), {@code .../broken} (a 500 problem), {@code /api/v1/regions/{id}/stream}
 * (SSE: one event, then a second one 1.5 s after {@link #releaseStream()}), {@code /jwks} (a JWK set given). It
 * counts the requests per path.
 */
final class StubBackend implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final DisposableServer server;
    private final AtomicReference<String> apiDocs = new AtomicReference<>();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private volatile CompletableFuture<Void> streamRelease = new CompletableFuture<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private StubBackend(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    static StubBackend start(String name) {
        return new StubBackend(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    StubBackend apiDocs(String document) {
        apiDocs.set(document);
        return this;
    }

    StubBackend jwks(String jwkSet) {
        jwks.set(jwkSet);
        return this;
    }

    /** How many requests arrived for this path (without query string). */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Lets the SSE stream send its second event. */
    void releaseStream() {
        streamRelease.complete(null);
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/v3/api-docs") && apiDocs.get() != null) {
            return response.header("Content-Type", "application/json").sendString(Mono.just(apiDocs.get())).then();
        }
        if (path.equals("/jwks") && jwks.get() != null) {
            return response.header("Content-Type", "application/json").sendString(Mono.just(jwks.get())).then();
        }
        if (path.endsWith("/stream")) {
            streamRelease = new CompletableFuture<>();
            CompletableFuture<Void> release = streamRelease;
            Flux<String> events = Flux.concat(
                    Mono.just("id: 1\nevent: capacity\ndata: first\n\n"),
                    Mono.fromFuture(release).then(Mono.delay(Duration.ofMillis(1500)))
                            .thenReturn("id: 2\nevent: capacity\ndata: second\n\n"));
            return response.header("Content-Type", "text/event-stream")
                    .send(events.map(s -> (ByteBuf) Unpooled.copiedBuffer(s, StandardCharsets.UTF_8)), b -> true)
                    .then();
        }
        if (path.endsWith("/problem")) {
            return response.status(403).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"type\":\"urn:lpz:problem:forbidden-organisation\",\"title\":\"Forbidden\","
                            + "\"status\":403,\"detail\":\"not yours\",\"code\":\"FORBIDDEN_ORGANISATION\"}"))
                    .then();
        }
        if (path.endsWith("/broken")) {
            return response.status(500).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"type\":\"urn:lpz:problem:internal-error\",\"title\":\"Internal Server Error\","
                            + "\"status\":500,\"detail\":\"" + name + " broke\",\"code\":\"INTERNAL_ERROR\"}"))
                    .then();
        }
        Mono<Void> delay = path.endsWith("/slow") ? Mono.delay(Duration.ofSeconds(3)).then() : Mono.empty();
        return delay.then(request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]))
                .flatMap(body -> {
                    Map<String, Object> echo = new LinkedHashMap<>();
                    echo.put("service", name);
                    echo.put("method", request.method().name());
                    echo.put("path", path);
                    Map<String, String> identity = new LinkedHashMap<>();
                    request.requestHeaders().forEach(h -> {
                        if (h.getKey().toLowerCase(Locale.ROOT).startsWith("x-lpz-")) {
                            identity.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "|" + b);
                        }
                    });
                    echo.put("identity", identity);
                    echo.put("authorization", request.requestHeaders().contains("Authorization"));
                    echo.put("bodyLength", body.length);
                    return response.header("Content-Type", "application/json")
                            .sendString(Mono.just(JSON.writeValueAsString(echo))).then();
                });
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
