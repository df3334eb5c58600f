package nl.lpz.capacity.config;

import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics capacity-service produces to, created at start-up with infinite retention (the read side replays). */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfig {

    /**
     * Records still unacknowledged at shutdown belong to a batch whose token was not committed and will be sent again,
     * so closing need not wait long for them.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer producerCloseTimeout(
            @Value("${lpz.kafka.close-timeout:5s}") Duration closeTimeout) {
        return factory -> factory.setPhysicalCloseTimeout((int) Math.max(1, closeTimeout.toSeconds()));
    }

    @Bean
    NewTopic capacityBedsTopic(@Value("${lpz.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.CAPACITY_BEDS).partitions(6).replicas(replicas)
                .config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic capacityTopologyTopic(@Value("${lpz.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.CAPACITY_TOPOLOGY).partitions(3).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
