package nl.lpz.stop.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.lpz.events.EventJson;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's Jackson serializer uses the published language's mapper; boards are snapshotted every N events. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Picked up by Axon's auto-configuration by this name: events, snapshots, tokens and deadlines as JSON. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    @Bean
    SnapshotTriggerDefinition stopBoardSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${lpz.stops.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The publisher's segments follow the veiligheidsregio, not the board ({@code VR12/SEH}): all boards of a region
     * stay in one segment, so their events leave in the order they were stored even when two instances share the
     * segments (the Kafka key is the region too).
     */
    @Autowired
    void publishInRegionOrder(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy("kafka-publisher", c -> AxonConfig::regionOf);
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
