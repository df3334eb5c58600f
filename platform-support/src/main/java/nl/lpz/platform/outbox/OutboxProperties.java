package nl.lpz.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's own Kafka setting ({@code lpz.kafka.send-timeout}). Other {@code lpz.kafka.*} keys (replication factor,
 * partitions, producer close timeout) are the services' own, bound by their own records.
 *
 * @param sendTimeout time the {@link OutboxPublisher} waits for the broker's acknowledgements of a batch before it
 *                    fails the batch, which is then retried from its token
 */
@ConfigurationProperties("lpz.kafka")
public record OutboxProperties(@DefaultValue("30s") Duration sendTimeout) {
}
