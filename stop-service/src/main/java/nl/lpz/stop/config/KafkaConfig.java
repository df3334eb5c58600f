package nl.lpz.stop.config;

import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** stop-service owns {@link Topics#STOPS}: created here with infinite retention (the read side replays it). */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic stopsTopic(@Value("${lpz.kafka.partitions:3}") int partitions,
                        @Value("${lpz.kafka.replication-factor:1}") short replicationFactor) {
        return TopicBuilder.name(Topics.STOPS).partitions(partitions).replicas(replicationFactor)
                .config("retention.ms", "-1").build();
    }
}
