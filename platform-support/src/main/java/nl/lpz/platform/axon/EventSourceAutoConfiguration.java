package nl.lpz.platform.axon;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The {@link DirectEventSource} a write service's tracking processors name as their source
 * ({@code axon.eventhandling.processors.<name>.source: lpzEventSource}).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(EventStorageEngine.class)
public class EventSourceAutoConfiguration {

    /**
     * @param poll how long a caught-up stream waits for events committed by another instance
     *             ({@code lpz.event-source.poll}; this instance's commits wake it at once)
     */
    @Bean
    @ConditionalOnBean({EventStorageEngine.class, EventStore.class})
    DirectEventSource lpzEventSource(EventStorageEngine storage, EventStore store,
                                     @Value("${lpz.event-source.poll:PT1S}") Duration poll) {
        return new DirectEventSource(storage, store, poll);
    }
}
