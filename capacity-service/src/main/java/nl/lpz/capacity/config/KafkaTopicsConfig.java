package nl.lpz.capacity.config;

import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics capacity-service produces to, created at start-up with infinite retention (the read side replays);
 * settings in {@link KafkaTopicsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaTopicsConfig {

    /**
     * Records still unacknowledged at shutdown belong to a batch whose token was not committed and will be sent again,
     * so closing need not wait long for them.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer producerCloseTimeout(KafkaTopicsProperties kafka) {
        int closeTimeoutSeconds = (int) Math.max(1, kafka.closeTimeout().toSeconds());
        return factory -> factory.setPhysicalCloseTimeout(closeTimeoutSeconds);
    }

    @Bean
    NewTopic capacityBedsTopic(KafkaTopicsProperties kafka) {
        return TopicBuilder.name(Topics.CAPACITY_BEDS).partitions(6).replicas(kafka.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    /** Keyed by provider; as many partitions as the beds: every provider reports each of its units every few minutes. */
    @Bean
    NewTopic capacityModulesTopic(KafkaTopicsProperties kafka) {
        return TopicBuilder.name(Topics.CAPACITY_MODULES).partitions(6).replicas(kafka.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    /** Keyed by the refused location; a few refusals a day nationally, so as few partitions as the topology. */
    @Bean
    NewTopic capacityBirthRefusalsTopic(KafkaTopicsProperties kafka) {
        return TopicBuilder.name(Topics.CAPACITY_BIRTH_REFUSALS).partitions(3).replicas(kafka.replicationFactor())
                .config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic capacityTopologyTopic(KafkaTopicsProperties kafka) {
        return TopicBuilder.name(Topics.CAPACITY_TOPOLOGY).partitions(3).replicas(kafka.replicationFactor())
                .config("retention.ms", "-1").build();
    }
}
