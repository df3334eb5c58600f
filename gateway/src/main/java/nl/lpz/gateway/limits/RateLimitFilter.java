package nl.lpz.gateway.limits;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Problems;
import nl.lpz.gateway.config.GatewayProperties;
import nl.lpz.gateway.routing.ApiRoute;
import nl.lpz.gateway.routing.RouteTable;
import nl.lpz.gateway.security.Caller;
import nl.lpz.gateway.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Per-client and per-organisation request limits and a per-client limit of open event streams
 * ({@code lpz.gateway.rate-limits.*}, ADR 0016). Only requests with a verified token are counted: those without are
 * refused by the security chain before this filter (on {@code /api/**}) or reach nothing worth limiting (static
 * files, health, the local profile's {@code /dev/tokens} on the loopback interface). A refused request is answered
 * here with a {@code 429} problem and never reaches a backend.
 *
 * <p>The client's limiter is asked first, so that a client over its own limit spends none of its organisation's
 * requests: one misbehaving EPD does not also lock out the other systems of its hospital.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    public static final String RATE_LIMITED = ProblemCodes.RATE_LIMITED;
    public static final String TOO_MANY_STREAMS = ProblemCodes.TOO_MANY_STREAMS;
    /** Counter of refused requests, tag {@code reason}: {@code client}, {@code organisation} or {@code streams}. */
    public static final String REFUSALS_METRIC = "lpz.gateway.rate.limit.refusals";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();
    private final GatewayProperties.RateLimits settings;
    private final ProblemWriter problems;
    // Registries of our own, not beans: resilience4j's Spring Boot auto-configuration would publish metrics for each
    // limiter of a bean registry, one time series per client
    private final RateLimiterRegistry limiters;
    private final BulkheadRegistry streams;
    private final List<StreamRoute> streamRoutes;
    private final Counter clientRefusals;
    private final Counter organisationRefusals;
    private final Counter streamRefusals;

    public RateLimitFilter(GatewayProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.settings = properties.rateLimits();
        this.problems = problems;
        this.limiters = RateLimiterRegistry.of(limitOf(settings.perClient()));
        this.streams = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.streamsPerClient())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.streamRoutes = RouteTable.ROUTES.stream().filter(ApiRoute::streaming).map(StreamRoute::of).toList();
        this.clientRefusals = refusals(meters, "client");
        this.organisationRefusals = refusals(meters, "organisation");
        this.streamRefusals = refusals(meters, "streams");
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder(REFUSALS_METRIC)
                .description("requests the gateway refused with 429 because a client or organisation was over a limit")
                .tag("reason", reason)
                .register(meters);
    }

    private RateLimiterConfig limitOf(int requests) {
        return RateLimiterConfig.custom()
                .limitForPeriod(requests)
                .limitRefreshPeriod(settings.period())
                // never hold a request back: over the limit is an immediate 429 the client can act on
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.enabled()) {
            return chain.filter(exchange);
        }
        return Caller.of(exchange)
                .flatMap(caller -> limited(exchange, chain, caller).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(true))
                .then();
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
        RateLimiter client = limiters.rateLimiter("client:" + caller.subject(),
                () -> limitOf(settings.limitOf(caller.subject())));
        if (!client.acquirePermission()) {
            clientRefusals.increment();
            return refuseRate(exchange, client, "client " + caller.subject() + " is over its limit of "
                    + client.getRateLimiterConfig().getLimitForPeriod() + " requests per " + period());
        }
        if (caller.organisation() != null) {
            RateLimiter organisation = limiters.rateLimiter("organisation:" + caller.organisation(),
                    () -> limitOf(settings.perOrganisation()));
            if (!organisation.acquirePermission()) {
                organisationRefusals.increment();
                return refuseRate(exchange, organisation, "organisation " + caller.organisation()
                        + " is over its limit of " + settings.perOrganisation() + " requests per " + period());
            }
        }
        if (!isStream(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Bulkhead slots = streams.bulkhead(caller.subject());
        if (!slots.tryAcquirePermission()) {
            streamRefusals.increment();
            warnOnce("streams:" + caller.subject(), "client " + caller.subject() + " is over its limit of "
                    + settings.streamsPerClient() + " open event streams");
            return problems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_STREAMS,
                    "client " + caller.subject() + " already has " + settings.streamsPerClient()
                            + " open event streams; close one first"));
        }
        // doFinally runs once for completion, error and cancellation (the client went away)
        return chain.filter(exchange).doFinally(signal -> slots.onComplete());
    }

    /**
     * A WARN line naming who is refused, at most once a minute per limiter, so that the operator finds the client
     * (docs/operations.md, LpzClientsRateLimited) without a flooding client flooding the log too.
     */
    private void warnOnce(String key, String detail) {
        long now = System.nanoTime();
        boolean[] due = {false};
        lastWarned.compute(key, (k, last) -> {
            if (last == null || now - last > WARN_EVERY_NANOS) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0]) {
            log.warn("429: {}", detail);
        }
    }

    private Mono<Void> refuseRate(ServerWebExchange exchange, RateLimiter limiter, String detail) {
        warnOnce(limiter.getName(), detail);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(limiter)));
        return problems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, detail));
    }

    /** Whole seconds until the limiter's next window, at least 1 (Retry-After has no fractions). */
    private long retryAfterSeconds(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : settings.period().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private String period() {
        Duration p = settings.period();
        return p.equals(Duration.ofSeconds(1)) ? "second" : p.toMillis() + " ms";
    }

    /** A streaming route of the route table, or any request that asks for an event stream. */
    private boolean isStream(ServerHttpRequest request) {
        try {
            if (request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype)) {
                return true;
            }
        } catch (IllegalArgumentException unreadableAccept) {
            // left to content negotiation to refuse; the route decides whether it is a stream
        }
        PathContainer path = request.getPath().pathWithinApplication();
        return streamRoutes.stream().anyMatch(route -> route.matches(path, request.getMethod()));
    }

    private record StreamRoute(List<PathPattern> patterns, Set<HttpMethod> methods) {
        static StreamRoute of(ApiRoute route) {
            return new StreamRoute(route.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                    route.methods());
        }

        boolean matches(PathContainer path, HttpMethod method) {
            return (methods.isEmpty() || methods.contains(method)) && patterns.stream().anyMatch(p -> p.matches(path));
        }
    }

    @Override
    public int getOrder() {
        // after authentication (Spring Security's chain runs at -100), before the body limit reads a chunked body
        return -60;
    }
}
