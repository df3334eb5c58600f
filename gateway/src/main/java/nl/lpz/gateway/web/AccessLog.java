package nl.lpz.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One INFO line per request, logger {@code nl.lpz.gateway.access}: method, path (never the query string or any
 * header, so no token), final status, duration and the trace id the answer carries ({@link TraceIdHeader}). Decorates
 * the whole HTTP handler, so the status is the one written, including problems from the error handler. A stream is
 * logged when it ends.
 */
@Component
class AccessLog implements HttpHandlerDecoratorFactory {
    private static final Logger log = LoggerFactory.getLogger("nl.lpz.gateway.access");

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            long start = System.nanoTime();
            return handler.handle(request, response)
                    .doFinally(signal -> log(request, response, start, signal.toString()));
        };
    }

    private static void log(ServerHttpRequest request, ServerHttpResponse response, long start, String signal) {
        if (!log.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = response.getStatusCode();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String traceId = response.getHeaders().getFirst(TraceIdHeader.HEADER);
        log.info("{} {} {} {}ms{} trace={}", request.getMethod(), request.getPath().value(),
                status != null ? status.value() : 200, millis, "onComplete".equals(signal) ? "" : " (" + signal + ")",
                traceId == null ? "-" : traceId);
    }
}
