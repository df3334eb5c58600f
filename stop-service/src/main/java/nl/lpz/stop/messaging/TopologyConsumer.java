package nl.lpz.stop.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.stop.command.StopDesk;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.query.TopologyLocation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local topology (location → organisation, veiligheidsregio, ROAZ region, care offered) from
 * {@code LocationRegistered} on {@link Topics#CAPACITY_TOPOLOGY}, once per {@code lpz-event-id}. After a change the
 * boards of the affected regions re-check whether all providers of a kind now have a stop (then all lapse).
 */
@Component
class TopologyConsumer {
    private static final Logger log = LoggerFactory.getLogger(TopologyConsumer.class);

    private final Topology topology;
    private final StopDesk desk;
    private final Counter unreadable;

    TopologyConsumer(Topology topology, StopDesk desk, MeterRegistry meters) {
        this.topology = topology;
        this.desk = desk;
        this.unreadable = Counter.builder("lpz.topology.records.unreadable")
                .description("topology records that could not be read").register(meters);
    }

    @KafkaListener(topics = Topics.CAPACITY_TOPOLOGY, groupId = "${lpz.stops.topology-group:stop-service-topology}")
    void on(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!LocationRegistered.class.getSimpleName().equals(type)) {
            if (type == null || EventJson.classOf(type).isEmpty()) {
                unreadable.increment();
                log.warn("skipping topology record {}-{}@{} of unknown type {}", record.topic(), record.partition(),
                        record.offset(), type);
            }
            return; // thresholds, contacts, visibility: not needed for stops
        }
        LocationRegistered event;
        try {
            event = EventJson.fromBytes(record.value(), LocationRegistered.class);
        } catch (RuntimeException e) {
            unreadable.increment();
            log.warn("skipping unreadable LocationRegistered {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        String eventId = Optional.ofNullable(header(record, EventHeaders.EVENT_ID))
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
        Optional<Optional<TopologyLocation>> applied = topology.apply(eventId, event);
        if (applied.isEmpty()) {
            return; // seen before
        }
        // a new provider cannot leave all providers stopped; a provider that moved or dropped a kind can
        applied.get().filter(before -> !before.safetyRegionId().equals(event.safetyRegionId())
                        || !event.careOffered().containsAll(before.careOffered()))
                .ifPresent(before -> {
                    Set<SafetyRegionId> regions = new LinkedHashSet<>();
                    regions.add(before.safetyRegionId());
                    regions.add(event.safetyRegionId());
                    try {
                        desk.reconcile(regions);
                    } catch (RuntimeException e) {
                        // the registration is applied; a redelivery would not reconcile again, so say it loudly
                        log.error("could not re-check the stops of {} after the change of location {}: {}", regions,
                                event.locationId(), e.toString());
                    }
                });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
