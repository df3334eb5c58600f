package nl.lpz.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.lpz.gateway.security.Caller;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Records every authenticated {@code /api/**} call in the audit trail (NEN 7513; docs/audit.md) with its status and,
 * for a problem, its code and detail, when its answer is about to go: the answer waits until the broker acknowledged
 * the entry (at most {@code lpz.audit.answer-wait}), so that a call whose answer a client received is in the trail
 * even if this gateway dies the next moment. An event stream is recorded when it opens (it may stay open for hours).
 * A call the client gave up on before its answer is recorded with status 499, as it may have read data already.
 * <p>
 * Runs after authentication (Spring Security's chain runs at -100): a call without a valid token reached no data
 * and is refused before this filter (the access log and {@code 401} metrics show those). Runs before the rate limits
 * (-60), so a refused flood is recorded too.
 */
@Component
class AuditFilter implements WebFilter, Ordered {
    /** nginx's "client closed request": the client went away before the answer was complete. */
    static final int CLIENT_CLOSED = 499;

    private final AuditProperties settings;
    private final AuditPublisher publisher;
    private final ErrorWebExceptionHandler problems;
    private final Clock clock;

    AuditFilter(AuditProperties settings, AuditPublisher publisher, ErrorWebExceptionHandler problems) {
        this.settings = settings;
        this.publisher = publisher;
        this.problems = problems;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return Caller.of(exchange)
                .flatMap(caller -> audited(exchange, chain, caller).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
                .then();
    }

    private Mono<Void> audited(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
        Instant arrived = clock.instant();
        long start = System.nanoTime();
        ProblemCapture response = new ProblemCapture(exchange.getResponse());
        AtomicBoolean recorded = new AtomicBoolean();
        response.beforeCommit(() ->
                record(exchange, caller, arrived, start, response, recorded, status(response, SignalType.ON_COMPLETE)));
        ServerWebExchange through = exchange.mutate().response(response).build();
        // a failure is answered here, by the gateway's problem handler, so that its problem passes the capture
        return chain.filter(through)
                .onErrorResume(error -> problems.handle(through, error))
                // no answer went (the client left first, or the connection broke): recorded now, nobody waits
                .doFinally(signal -> record(exchange, caller, arrived, start, response, recorded,
                        status(response, signal)).subscribe());
    }

    /** Publishes the call's entry once; completes when the broker took it (or the answer wait is over). */
    private Mono<Void> record(ServerWebExchange exchange, Caller caller, Instant arrived, long start,
                              ProblemCapture response, AtomicBoolean recorded, int status) {
        if (!recorded.compareAndSet(false, true)) {
            return Mono.empty();
        }
        return publisher.publish(AuditEntries.entry(exchange.getRequest(), caller, arrived,
                Duration.ofNanos(System.nanoTime() - start), response.outcome(status), publisher.instance()));
    }

    private static int status(ProblemCapture response, SignalType signal) {
        if (signal == SignalType.CANCEL) {
            return CLIENT_CLOSED;
        }
        HttpStatusCode status = response.getStatusCode();
        return status != null ? status.value() : 200;
    }

    @Override
    public int getOrder() {
        return -70;
    }
}
