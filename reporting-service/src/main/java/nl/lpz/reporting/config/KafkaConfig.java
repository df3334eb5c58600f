package nl.lpz.reporting.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener error handling. Unreadable records never reach this handler (the listener stores and skips them), so a
 * failure here is infrastructure (database down): the batch is retried with back-off for as long as it takes, never
 * skipped, because skipping would lose projected state.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    CommonErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
