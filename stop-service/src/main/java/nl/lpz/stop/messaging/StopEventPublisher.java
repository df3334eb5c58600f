package nl.lpz.stop.messaging;

import nl.lpz.events.EventHeaders;
import nl.lpz.events.Topics;
import nl.lpz.events.stops.StopEvent;
import nl.lpz.platform.outbox.OutboxPublisher;
import nl.lpz.platform.outbox.PublishedEvents;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What stop-service publishes from its event store: every {@link StopEvent} on {@link Topics#STOPS}, keyed by safety
 * region id. Platform-support's {@link OutboxPublisher} sends them (tracking processor {@code kafka-publisher}, 2
 * segments, batches of 100: application.yml); at least once, consumers deduplicate on {@link EventHeaders#EVENT_ID}.
 */
@Configuration(proxyBeanMethods = false)
class StopEventPublisher {

    @Bean
    PublishedEvents<StopEvent> publishedStopEvents() {
        return PublishedEvents.onTopic(StopEvent.class, Topics.STOPS, StopEvent::partitionKey);
    }

    /**
     * The publisher's segments follow the veiligheidsregio, not the board ({@code VR12/SEH}): all boards of a region
     * stay in one segment, so their events leave in the order they were stored even when two instances share the
     * segments (the Kafka key is the region too).
     */
    @Autowired
    void publishInRegionOrder(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(OutboxPublisher.PROCESSING_GROUP, c -> StopEventPublisher::regionOf);
    }

    static Object regionOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            String board = domain.getAggregateIdentifier();
            int slash = board.indexOf('/');
            return slash < 0 ? board : board.substring(0, slash);
        }
        return event.getIdentifier();
    }
}
