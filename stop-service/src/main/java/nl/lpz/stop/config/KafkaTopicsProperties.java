package nl.lpz.stop.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic stop-service creates ({@code lpz.kafka.*}; the send timeout {@code lpz.kafka.send-timeout} is
 * platform-support's outbox's, bound there).
 *
 * @param partitions        partitions of {@code lpz.stops.v1} when this service creates it (the same count as its
 *                          KafkaTopic in k8s)
 * @param replicationFactor its replication factor
 */
@ConfigurationProperties("lpz.kafka")
public record KafkaTopicsProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor) {
}
