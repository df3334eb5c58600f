package nl.lpz.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code lpz.gateway.*}).
 *
 * @param maxBodySize     largest request body accepted, declared or chunked (contract: 1 MiB)
 * @param backendTimeout  time limit of a call to a backend (not applied to streaming routes)
 * @param apiDocsTimeout  time allowed to each backend for its {@code /v3/api-docs} when aggregating
 * @param circuitBreaker  per-backend circuit breaker
 * @param devTokens       token issuing in the {@code local} profile
 * @param corsAllowedOrigins origins allowed to call {@code /api/**} from a browser; empty = CORS off
 * @param rateLimits      requests and streams allowed per client and per organisation
 */
@ConfigurationProperties("lpz.gateway")
public record GatewayProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration backendTimeout,
        @DefaultValue("3s") Duration apiDocsTimeout,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue DevTokens devTokens,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue RateLimits rateLimits) {

    /**
     * @param failureRateThreshold percentage of failed calls (connection errors, time-outs) that opens the circuit
     * @param slidingWindowSize    number of most recent calls the rate is computed over
     * @param minimumNumberOfCalls calls needed before the rate is evaluated
     * @param waitInOpenState      time the circuit stays open before letting trial calls through
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitInOpenState) {
    }

    /**
     * @param lifetime validity of an issued token
     * @param issuer   {@code iss} of issued tokens, required when validating them
     */
    public record DevTokens(
            @DefaultValue("12h") Duration lifetime,
            @DefaultValue("lpz-gateway-local") String issuer) {
    }

    /**
     * Abuse limits of authenticated callers (ADR 0016). A request counts against its client's limit (the token's
     * {@code sub}) and, when the token names one, its organisation's; over either it is answered
     * {@code 429 RATE_LIMITED} with {@code Retry-After}. Limits hold per gateway instance.
     *
     * @param enabled             off: no request is counted or refused
     * @param period              the window the request limits count in (resilience4j's limit refresh period)
     * @param perClient           requests per period of one client
     * @param perOrganisation     requests per period of all clients of one organisation together
     * @param streamsPerClient    open event streams ({@code text/event-stream}) of one client at a time; over it
     *                            {@code 429 TOO_MANY_STREAMS}
     * @param clientOverrides     requests per period for named clients ({@code sub}) instead of {@code perClient},
     *                            e.g. a known integration that sends more
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration period,
            @DefaultValue("50") int perClient,
            @DefaultValue("150") int perOrganisation,
            @DefaultValue("10") int streamsPerClient,
            @DefaultValue Map<String, Integer> clientOverrides) {

        public RateLimits {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("lpz.gateway.rate-limits.period must be positive");
            }
            if (perClient < 1 || perOrganisation < 1 || streamsPerClient < 1) {
                throw new IllegalArgumentException("lpz.gateway.rate-limits: limits must be at least 1");
            }
            clientOverrides = Map.copyOf(clientOverrides);
        }

        public int limitOf(String client) {
            return clientOverrides.getOrDefault(client, perClient);
        }
    }
}
