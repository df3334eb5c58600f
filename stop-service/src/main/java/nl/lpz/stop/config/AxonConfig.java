package nl.lpz.stop.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * stop-service's own Axon wiring: boards are snapshotted every N events. The serializer's mapper, the token store and
 * the command retry are platform-support's (AxonDefaultsAutoConfiguration), the Kafka publisher too
 * (OutboxAutoConfiguration; its region ordering: messaging.StopEventPublisher).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StopsProperties.class)
class AxonConfig {

    @Bean
    SnapshotTriggerDefinition stopBoardSnapshotTrigger(Snapshotter snapshotter, StopsProperties stops) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, stops.snapshotThreshold());
    }
}
