package nl.lpz.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import nl.lpz.platform.tracing.EventTracing;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox for a write service that declares its {@link PublishedEvents}: the {@link OutboxPublisher} in processor
 * {@value OutboxPublisher#PROCESSING_GROUP}, the producer settings it relies on, and a processor that fails a batch
 * instead of logging and skipping an event. The processor's mode, batch size, segments and threads stay in the
 * service's {@code axon.eventhandling.processors.kafka-publisher}; the send timeout is {@code lpz.kafka.send-timeout}
 * ({@link OutboxProperties}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, ConfigurerModule.class, DefaultKafkaProducerFactoryCustomizer.class})
@ConditionalOnBean(PublishedEvents.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /** What the at-least-once, in-order contract needs: set whatever a service configures. */
    static final Map<String, Object> GUARANTEES = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

    /**
     * Defaults a service may override in {@code spring.kafka.producer}: at most 5 requests in flight (the idempotent
     * producer keeps their order), a short linger, and timeouts that give up within the send timeout (30 s) so that a
     * batch fails and is retried rather than hanging.
     */
    static final Map<String, Object> DEFAULTS = Map.of(
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);

    @Bean
    OutboxPublisher outboxPublisher(PublishedEvents<?> published, KafkaTemplate<String, byte[]> kafka,
                                    OutboxProperties properties, EventTracing tracing) {
        return new OutboxPublisher(published, kafka, properties.sendTimeout(), tracing);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerSettings() {
        return OutboxAutoConfiguration::applyProducerSettings;
    }

    static void applyProducerSettings(DefaultKafkaProducerFactory<?, ?> factory) {
        Map<String, Object> configured = factory.getConfigurationProperties();
        Map<String, Object> settings = new HashMap<>(GUARANTEES);
        DEFAULTS.forEach((name, value) -> {
            if (!configured.containsKey(name)) {
                settings.put(name, value);
            }
        });
        factory.updateConfigs(settings);
    }

    /**
     * A failing handler of the publisher must fail the batch (retried from its token), never be logged and skipped:
     * Axon's default listener-invocation error handler would drop that event from Kafka for good.
     */
    @Bean
    ConfigurerModule outboxErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(OutboxPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(OutboxPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
