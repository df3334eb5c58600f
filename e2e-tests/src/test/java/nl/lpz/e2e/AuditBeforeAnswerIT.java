package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.lpz.events.Topics;
import nl.lpz.testsupport.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The audit entry of a call is stored before its answer goes (ADR 0018, amended): right after the answer, with no
 * waiting, the entry is already on {@code lpz.audit.v1}, acknowledged by the broker. A gateway that dies after
 * answering therefore loses no entry of an answered call; reporting-service appends it to the chain from there.
 */
class AuditBeforeAnswerIT {

    @Test
    void givenAWriteAndARefusal_whenTheirAnswersArrive_thenTheirAuditEntriesAreAlreadyOnTheAuditTopic()
            throws IOException {
        String org = Lpz.unique("E2E-ORG");
        String loc = Lpz.newLocation(org);
        Api.Identity epd = Api.epd(org);
        Api.Identity intruder = Api.epd(Lpz.unique("E2E-ORG"));

        Api.expect2xx(Lpz.push(epd, Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available()));
        Map<TopicPartition, Long> afterWrite = endOffsets();
        Api.expectProblem(Lpz.push(intruder, Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").occupied("NON_COVID")), 403,
                "FORBIDDEN_ORGANISATION");
        Map<TopicPartition, Long> afterRefusal = endOffsets();

        assertThat(entriesUpTo(afterWrite)).as("the write's entry, on the topic when its answer arrived")
                .anySatisfy(e -> {
                    assertThat(e.path("subject").asText()).isEqualTo(epd.sub());
                    assertThat(e.path("path").asText()).isEqualTo("/api/v1/bed-events");
                    assertThat(e.path("status").asInt()).isEqualTo(202);
                });
        assertThat(entriesUpTo(afterRefusal)).as("the refusal's entry, with its code, when its answer arrived")
                .anySatisfy(e -> {
                    assertThat(e.path("subject").asText()).isEqualTo(intruder.sub());
                    assertThat(e.path("status").asInt()).isEqualTo(403);
                    assertThat(e.path("problemCode").asText()).isEqualTo("FORBIDDEN_ORGANISATION");
                });
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // read committed is what a consumer sees of acknowledged records: the end offsets are the high watermark
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p);
    }

    /** The audit topic's end offsets now: every record the broker acknowledged lies below them. */
    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10));
        }
    }

    /** Every entry below the given offsets. */
    private static List<JsonNode> entriesUpTo(Map<TopicPartition, Long> ends) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        entries.add(Api.JSON.readTree(r.value()));
                    }
                }
            }
        }
        return entries;
    }
}
