package nl.lpz.stop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.stops.LapseCause;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopType;
import nl.lpz.events.stops.StopsLapsed;
import nl.lpz.stop.command.StopDesk;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Seed;
import nl.lpz.stop.support.SharedContext;
import nl.lpz.stop.support.Store;
import nl.lpz.testsupport.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.lpz.platform.axon.CommandRetry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.kafka.core.KafkaTemplate;

/** Topology in from capacity-service's topic; stop events out on lpz.stops.v1. */
class MessagingIT extends SharedContext {
    @Autowired
    Topology topology;
    @Autowired
    StopDesk desk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CommandRetry retry;

    @Test
    void givenTheService_thenThePlatformOutboxProducesAcksAllIdempotentAndLostRacesAreTried5Times() {
        assertThat(kafka.getProducerFactory().getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        assertThat(retry.maxAttempts()).isEqualTo(5);
    }

    @Test
    void givenADeclaredStop_thenItIsPublishedKeyedBySafetyRegionWithTheLpzHeaders() {
        String vr = Seed.freshRegion();
        Seed.register(topology, Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
        Seed.register(topology, Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
        String stopId = desk.declare(LocationId.of(vr + "-a"), CareKind.SEH, StopType.UNPLANNED,
                Duration.ofMinutes(30), false, "piek", null, new Actor("seh-a", "org-a")).stopId();

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.STOPS));
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (vr.equals(r.key())) {
                        mine.add(r);
                    }
                });
                assertThat(mine).isNotEmpty();
            });
            ConsumerRecord<String, byte[]> record = mine.get(0);
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("StopDeclared");
            assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
            assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("0");
            assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(jdbc.queryForObject(
                    "select event_identifier from domain_event_entry where aggregate_identifier = ? "
                            + "and sequence_number = 0", String.class, vr + "/SEH"));
            StopDeclared event = (StopDeclared) EventJson.read("StopDeclared", record.value()).orElseThrow();
            assertThat(event.stopId()).isEqualTo(stopId);
            assertThat(event.declaredBy()).isEqualTo(new Actor("seh-a", "org-a"));
        }
    }

    @Test
    void givenLocationRegistrationsOnTheTopologyTopic_thenTheyAreAppliedOnceAndADroppedProviderLapsesAll()
            throws Exception {
        String vr = Seed.freshRegion();
        LocationRegistered a = Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        LocationRegistered b = Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        LocationRegistered c = Seed.location(vr + "-c", "org-c", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        String cId = UUID.randomUUID().toString();
        publish(a, UUID.randomUUID().toString());
        publish(b, UUID.randomUUID().toString());
        publish(c, cId);
        publish(c, cId); // a duplicate changes nothing
        publishRaw("SomethingNew", "{}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> topology.providers(a.safetyRegionId(), CareKind.SEH).size() == 3);

        desk.declare(a.locationId(), CareKind.SEH, StopType.UNPLANNED, Duration.ofMinutes(30), false, "x", null,
                new Actor("seh-a", "org-a"));
        desk.declare(b.locationId(), CareKind.SEH, StopType.UNPLANNED, Duration.ofMinutes(30), false, "x", null,
                new Actor("seh-b", "org-b"));
        // c stops offering SEH: every remaining provider has a stop, so all of them lapse
        publish(Seed.location(vr + "-c", "org-c", "ROAZ-NHF", vr, Set.of(CareKind.PCI)), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopDeclared", "StopDeclared",
                        "StopsLapsed"));
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 2", String.class, vr + "/SEH");
        StopsLapsed lapsed = EventJson.fromBytes(payload.getBytes(StandardCharsets.UTF_8), StopsLapsed.class);
        assertThat(lapsed.cause()).isEqualTo(LapseCause.ALL_PROVIDERS_STOPPED);
        assertThat(lapsed.stops()).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from topology_event_receipt where event_id = ?",
                Integer.class, cId)).isEqualTo(1);
    }

    @Test
    void givenPoisonLocationRegistrationsBetweenTwoGoodOnes_thenTheGoodOnesAreAppliedAndEachPoisonOneIsParked()
            throws Exception {
        String vr = Seed.freshRegion();
        String key = vr; // one partition: the good record after the poison ones is applied only if the consumer went on
        LocationRegistered first = Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        LocationRegistered nul = Seed.location(vr + "-nul", "org-n", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        nul = new LocationRegistered(nul.locationId(), nul.organisationId(), "Ziekenhuis\u0000", nul.roazRegionId(),
                nul.safetyRegionId(), nul.careOffered(), nul.locationType(), null, null, nul.registeredAt(),
                nul.registeredBy());
        LocationRegistered noOrganisation = Seed.location(vr + "-x", "org-x", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        // a name longer than the column once was: every store downstream must hold what ValueRules allows
        LocationRegistered last = Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SEH));
        last = new LocationRegistered(last.locationId(), last.organisationId(), "Ziekenhuis " + "b".repeat(300),
                last.roazRegionId(), last.safetyRegionId(), last.careOffered(), last.locationType(), null, null,
                last.registeredAt(), last.registeredBy());
        String nulId = UUID.randomUUID().toString();
        String truncatedId = UUID.randomUUID().toString();
        String noOrganisationId = UUID.randomUUID().toString();

        publish(key, "LocationRegistered", EventJson.toBytes(first), UUID.randomUUID().toString());
        publish(key, "LocationRegistered", EventJson.toBytes(nul), nulId);
        publish(key, "LocationRegistered", "{\"locationId\":\"".getBytes(StandardCharsets.UTF_8), truncatedId);
        publish(key, "LocationRegistered", new String(EventJson.toBytes(noOrganisation), StandardCharsets.UTF_8)
                .replace("\"organisationId\":\"org-x\",", "").getBytes(StandardCharsets.UTF_8), noOrganisationId);
        publish(key, "LocationRegistered", EventJson.toBytes(last), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(topology.find(first.locationId())).isPresent();
            assertThat(topology.find(LocationId.of(vr + "-b"))).isPresent();
            assertThat(parkedReasons(nulId, truncatedId, noOrganisationId)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    nulId, TopologyConsumer.OUT_OF_RANGE, truncatedId, TopologyConsumer.UNREADABLE,
                    noOrganisationId, "APPLY_FAILED"));
        });
        assertThat(topology.providers(first.safetyRegionId(), CareKind.SEH))
                .containsExactlyInAnyOrder(first.locationId(), LocationId.of(vr + "-b"));
        assertThat(topology.find(LocationId.of(vr + "-b")).orElseThrow().name()).hasSize(311);
        // the record is kept byte for byte, for a replay after the fix
        assertThat(jdbc.queryForObject("select payload from parked_record where consumer = ? and event_id = ?",
                byte[].class, "stop-it-shared", nulId)).isEqualTo(EventJson.toBytes(nul));
        assertThat(jdbc.queryForObject("select attempts from parked_record where consumer = ? and event_id = ?",
                Integer.class, "stop-it-shared", noOrganisationId)).isGreaterThan(1);
    }

    private Map<String, String> parkedReasons(String... eventIds) {
        Map<String, String> reasons = new java.util.HashMap<>();
        jdbc.query("select event_id, reason from parked_record where consumer = ? and event_id = any(?)",
                rs -> {
                    reasons.put(rs.getString(1), rs.getString(2));
                }, "stop-it-shared", eventIds);
        return reasons;
    }

    private void publish(String key, String type, byte[] value, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CAPACITY_TOPOLOGY, key, value);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private void publish(LocationRegistered event, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CAPACITY_TOPOLOGY,
                event.locationId().value(), EventJson.toBytes(event));
        record.headers().add(EventHeaders.EVENT_TYPE, "LocationRegistered".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private void publishRaw(String type, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CAPACITY_TOPOLOGY, "x", value);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "stop-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
