package nl.lpz.reporting.config;

import nl.lpz.platform.messaging.ParkingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Listener error handling. What reaches this handler is transient (the listener parks unreadable records and the
 * records that fail deterministically, and throws only when the database or the broker is away): the batch is retried
 * with back-off for as long as it takes, never skipped, because skipping would lose projected state.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    CommonErrorHandler projectionErrorHandler() {
        return new DefaultErrorHandler(ParkingErrorHandler.forever());
    }
}
