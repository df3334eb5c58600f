package nl.lpz.stop.config;

import nl.lpz.events.Topics;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.platform.messaging.ParkingErrorHandler;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * stop-service owns {@link Topics#STOPS}: created here with infinite retention (the read side replays it). It
 * consumes {@link Topics#CAPACITY_TOPOLOGY} through {@code topologyListenerFactory}, whose error handler parks a
 * record that keeps failing instead of retrying it forever or dropping it (docs/services/stop-service.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaTopicsProperties.class, StopsProperties.class})
class KafkaConfig {
    /** A deterministic failure fails the same way every time: a few attempts tell it from a fluke, then it is parked. */
    static final int TOPOLOGY_ATTEMPTS = 3;

    @Bean
    NewTopic stopsTopic(KafkaTopicsProperties topics) {
        return TopicBuilder.name(Topics.STOPS).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    /**
     * Boot's listener settings (auto-startup, ack mode, ...) with the parking error handler. A factory of its own,
     * not Boot's default one: the handler names this consumer in {@code parked_record}.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> topologyListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ParkedRecords parked, JdbcTemplate jdbc, StopsProperties stops) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(ParkingErrorHandler.of(stops.topologyGroup(), parked, jdbc, TOPOLOGY_ATTEMPTS));
        return factory;
    }
}
