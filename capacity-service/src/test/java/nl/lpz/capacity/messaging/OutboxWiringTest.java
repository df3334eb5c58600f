package nl.lpz.capacity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.platform.axon.CommandRetry;
import nl.lpz.platform.outbox.OutboxPublisher;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;

/**
 * capacity-service publishes through platform-support's outbox, with the producer guarantees it relies on, and resends
 * a command that lost an append race through platform-support's retry, 10 times (ADR 0009, 0012).
 */
class OutboxWiringTest extends CapacitySpringTest {
    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    OutboxPublisher publisher;

    @Autowired
    CommandRetry retry;

    @Test
    void givenTheService_whenStarted_thenTheProducerIsAcksAllIdempotentWithItsOwnBatchSize() {
        assertThat(producers.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
    }

    @Test
    void givenTheService_whenStarted_thenThePlatformPublisherRunsInTheTrackingProcessorKafkaPublisher() {
        assertThat(publisher).isNotNull();
        assertThat(processing.eventProcessor(OutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class))
                .isPresent();
    }

    @Test
    void givenTheService_whenStarted_thenALostRaceIsTried10Times() {
        assertThat(retry.maxAttempts()).isEqualTo(10);
    }
}
