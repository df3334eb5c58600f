package nl.lpz.gateway.config;

import java.time.Duration;
import java.util.List;
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
 */
@ConfigurationProperties("lpz.gateway")
public record GatewayProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration backendTimeout,
        @DefaultValue("3s") Duration apiDocsTimeout,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue DevTokens devTokens,
        @DefaultValue List<String> corsAllowedOrigins) {

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
}
