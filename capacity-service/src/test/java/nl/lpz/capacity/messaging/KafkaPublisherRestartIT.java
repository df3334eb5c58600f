package nl.lpz.capacity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.events.Topics;
import nl.lpz.platform.outbox.OutboxPublisher;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The publisher resumes from its token: events appended while it is down reach Kafka after it starts again. */
class KafkaPublisherRestartIT extends CapacitySpringTest {
    @Autowired
    EventProcessingConfiguration processing;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void givenPublisherStopped_whenEventsAppendedAndPublisherRestarted_thenTheyArePublished() throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        EventProcessor publisher = processing.eventProcessor(OutboxPublisher.PROCESSING_GROUP).orElseThrow();
        publisher.shutDown();
        try {
            as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS)))), "EPD_SYSTEM", organisation)
                    .andExpect(status().isAccepted());
        } finally {
            publisher.start();
        }
        String eventId = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, location);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> assertThat(KafkaRecords.eventIds(bootstrap, Topics.CAPACITY_BEDS, location)).contains(eventId));
    }
}
