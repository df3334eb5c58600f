package nl.lpz.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class OutboxProducerSettingsTest {

    @Test
    void givenBootDefaults_whenCustomised_thenAcksAllIdempotentStringKeysByteValuesAndTheTimeouts() {
        Map<String, Object> boot = new HashMap<>();
        boot.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        boot.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        boot.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(boot);

        OutboxAutoConfiguration.applyProducerSettings(factory);

        assertThat(factory.getConfigurationProperties())
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    }

    @Test
    void givenAServiceThatTunesTimeoutsButWeakensAcks_whenCustomised_thenTuningStaysAndAcksIsAll() {
        Map<String, Object> service = new HashMap<>();
        service.put(ProducerConfig.ACKS_CONFIG, "1");
        service.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        service.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        service.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(service);

        OutboxAutoConfiguration.applyProducerSettings(factory);

        assertThat(factory.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
    }
}
