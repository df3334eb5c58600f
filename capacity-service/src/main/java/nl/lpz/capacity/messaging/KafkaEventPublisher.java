package nl.lpz.capacity.messaging;

import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.BirthCareEvent;
import nl.lpz.events.capacity.CapacityEvent;
import nl.lpz.events.capacity.ModuleEvent;
import nl.lpz.platform.outbox.OutboxPublisher;
import nl.lpz.platform.outbox.PublishedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What capacity-service publishes from its event store: every {@link CapacityEvent}, bed events on
 * {@link Topics#CAPACITY_BEDS}, module events on {@link Topics#CAPACITY_MODULES}, birth-care refusals on
 * {@link Topics#CAPACITY_BIRTH_REFUSALS} and the rest on {@link Topics#CAPACITY_TOPOLOGY}, keyed by location id
 * (organisation id for visibility, provider id for modules, the refused location for refusals).
 * Platform-support's {@link OutboxPublisher} sends them (tracking processor {@code kafka-publisher}, 4 segments,
 * batches of 500: application.yml).
 */
@Configuration(proxyBeanMethods = false)
class KafkaEventPublisher {

    @Bean
    PublishedEvents<CapacityEvent> publishedCapacityEvents() {
        return PublishedEvents.of(CapacityEvent.class, KafkaEventPublisher::topicOf, CapacityEvent::partitionKey);
    }

    static String topicOf(CapacityEvent event) {
        if (event instanceof ModuleEvent) {
            return Topics.CAPACITY_MODULES;
        }
        if (event instanceof BirthCareEvent) {
            return Topics.CAPACITY_BIRTH_REFUSALS;
        }
        return event instanceof BedStatusChanged || event instanceof BedRemoved
                ? Topics.CAPACITY_BEDS : Topics.CAPACITY_TOPOLOGY;
    }
}
