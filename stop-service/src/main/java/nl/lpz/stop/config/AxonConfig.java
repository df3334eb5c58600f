package nl.lpz.stop.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.lpz.events.EventJson;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
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
}
