package nl.lpz.capacity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.capacity.command.ReportBeds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedChangeSource;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.LocationRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Command → event store → tracking publisher → Kafka, on a real PostgreSQL and a real broker. */
class CapacityFlowIT extends CapacitySpringTest {
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStore eventStore;

    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    @Test
    void givenRegisteredLocation_whenBedEventPosted_thenKafkaRecordKeyedByLocationWithHeadersAndJson()
            throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        UUID eventId = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(eventId, location, "B1", "OCCUPIED", t))), "EPD_SYSTEM",
                organisation).andExpect(status().isAccepted());
        String storedId = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, location);

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.CAPACITY_BEDS,
                r -> location.equals(r.key()) && storedId.equals(header(r, EventHeaders.EVENT_ID)));
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("BedStatusChanged");
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("1");
        assertThat(Instant.parse(header(record, EventHeaders.RECORDED_AT))).isAfter(t);
        BedStatusChanged event = EventJson.fromBytes(record.value(), BedStatusChanged.class);
        assertThat(event.locationId().value()).isEqualTo(location);
        assertThat(event.organisationId().value()).isEqualTo(organisation);
        assertThat(event.status()).isEqualTo(BedStatus.OCCUPIED);
        assertThat(event.occurredAt()).isEqualTo(t);
        assertThat(event.sourceEventId()).isEqualTo(eventId);
        assertThat(event.source()).isEqualTo(BedChangeSource.EPD_EVENT);
        assertThat(event.codeListVersion()).isEqualTo("1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"occurredAt\":\"" + t + "\"");

        ConsumerRecord<String, byte[]> registration = awaitRecord(Topics.CAPACITY_TOPOLOGY,
                r -> location.equals(r.key()) && "LocationRegistered".equals(header(r, EventHeaders.EVENT_TYPE)));
        assertThat(EventJson.fromBytes(registration.value(), LocationRegistered.class).name())
                .isEqualTo("Test hospital " + location);
    }

    @Test
    void givenAcceptedEvent_whenSameEventIdInSecondRequest_thenDuplicateAndNoNewEvent() throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        UUID eventId = UUID.randomUUID();
        String body = batch(bedEvent(eventId, location, "B1", "AVAILABLE", t));
        as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":1,\"duplicates\":0,\"stale\":0,\"rejected\":[]}", true));
        long events = eventsOf(location);
        as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"accepted\":0,\"duplicates\":1,\"stale\":0,\"rejected\":[]}", true));
        assertThat(eventsOf(location)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE event_id = ?", Long.class,
                eventId)).isEqualTo(1);
    }

    @Test
    void givenRejectedBatch_whenNothingAccepted_thenNoReceiptSoACorrectedResendIsAccepted() throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        UUID eventId = UUID.randomUUID();
        String good = bedEvent(eventId, location, "B1", "AVAILABLE", t);
        as(postJson("/api/v1/bed-events", batch(good.replace("IC_BEADEMD", "NOPE"))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest());
        as(postJson("/api/v1/bed-events", batch(good)), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void givenTransactionRolledBackAfterTheReceipt_whenRetried_thenNoReceiptWasLeftAndTheEventIsAccepted()
            throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        UUID eventId = UUID.randomUUID();
        String body = batch(bedEvent(eventId, location, "B1", "AVAILABLE", t));
        long before = eventsOf(location);
        Registration failAfterHandling = ((SimpleCommandBus) commandBus).registerHandlerInterceptor((uow, chain) -> {
            Object result = chain.proceed();
            if (uow.getMessage().getPayload() instanceof ReportBeds report
                    && report.locationId().value().equals(location)) {
                throw new IllegalStateException("simulated failure before commit");
            }
            return result;
        });
        try {
            as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                    .andExpect(status().isInternalServerError());
        } finally {
            failAfterHandling.cancel();
        }
        assertThat(eventsOf(location)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE event_id = ?", Long.class,
                eventId)).isZero();
        as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void givenLongHistory_whenMoreThan500Events_thenAggregateSnapshotStoredAsJson() throws Exception {
        String location = newId("loc");
        String organisation = newId("org");
        registerLocation(location, organisation);
        for (int round = 0; round < 2; round++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                events.add(bedEvent(UUID.randomUUID(), location, "B" + i, round == 0 ? "AVAILABLE" : "OCCUPIED",
                        t.plusSeconds(round)));
            }
            as(postJson("/api/v1/bed-events", batch(events.toArray(String[]::new))), "EPD_SYSTEM", organisation)
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.accepted").value(300));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, location))
                .isEqualTo(1));
        String snapshot = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, location);
        assertThat(snapshot).contains("\"beds\"").contains("IC/B299");
        // the snapshot reads back: the event store starts the location's stream with the aggregate itself
        DomainEventMessage<?> first = eventStore.readEvents(location).next();
        assertThat(first.getPayloadType().getSimpleName()).isEqualTo("Location");
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(500);
        assertThat(EventJson.mapper().writeValueAsString(first.getPayload())).contains("IC/B299").contains(location);
        // every bed event of both requests reached Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records(Topics.CAPACITY_BEDS).stream()
                .filter(r -> location.equals(r.key())).map(r -> header(r, EventHeaders.EVENT_ID))
                .collect(Collectors.toSet())).hasSize(600));
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> records(topic).stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        return KafkaRecords.all(bootstrap, topic);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return KafkaRecords.header(record, name);
    }
}
