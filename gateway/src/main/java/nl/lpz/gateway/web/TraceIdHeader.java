package nl.lpz.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request with its trace id in {@value #HEADER}, whether the trace is sampled or not: a hospital's IT
 * desk quotes it, and an operator finds the request in the gateway's access log, in every service's log lines and,
 * when sampled, in the trace viewer (docs/operations.md). The id is the request's server observation's, which the
 * gateway hands on to the service in {@code traceparent}.
 */
@Component
class TraceIdHeader implements WebFilter, Ordered {
    static final String HEADER = "X-Lpz-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        traceId(exchange).ifPresent(id -> exchange.getResponse().getHeaders().set(HEADER, id));
        return chain.filter(exchange);
    }

    private static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .map(TraceContext::traceId)
                .filter(id -> !id.isEmpty());
    }

    @Override
    public int getOrder() {
        // first of all: a request refused by any later filter still carries its id
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
