package nl.lpz.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per backend service (named after it, see {@code /actuator/circuitbreakers}), configured from
 * {@code lpz.gateway.*}: connection failures and calls over {@code backend-timeout} count as failures; a backend's
 * own answers, 5xx included, do not and pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfig {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> backendCircuitBreakers(GatewayProperties properties) {
        GatewayProperties.CircuitBreaker cb = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(cb.slidingWindowSize())
                        .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                        .failureRateThreshold(cb.failureRateThreshold())
                        .waitDurationInOpenState(cb.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.backendTimeout())
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }
}
