package nl.lpz.capacity.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * capacity-service's topics and producer shutdown ({@code lpz.kafka.*}; the send timeout {@code lpz.kafka.send-timeout}
 * is platform-support's outbox's, bound there).
 *
 * @param replicationFactor replication factor of the capacity topics when this service creates them at start-up
 * @param closeTimeout      time the producer waits for unacknowledged records when it is closed at shutdown (whole
 *                          seconds, at least 1)
 */
@ConfigurationProperties("lpz.kafka")
public record KafkaTopicsProperties(
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("5s") Duration closeTimeout) {
}
