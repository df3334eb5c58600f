package nl.lpz.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.capacity.CapacitySpringTest;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import nl.lpz.platform.axon.DirectEventSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Guards the settings the benchmark showed to matter (docs/benchmarks.md): the publisher must wake up on commits
 * (a tracking processor; the pooled one polls the JPA event store every 500 ms when caught up) and the Location
 * cache must keep aggregates across garbage collections.
 */
class LatencyRelevantConfigurationTest extends CapacitySpringTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("locationCache")
    Cache locationCache;

    @Test
    void givenKafkaPublisher_thenTrackingProcessorThatIsSignalledOnCommit() {
        assertThat(processing.eventProcessor("kafka-publisher", TrackingEventProcessor.class)).isPresent();
    }

    @Test
    void givenKafkaPublisher_thenItReadsTheEventStoreThroughStreamsOfItsOwn() {
        assertThat(processing.eventProcessor("kafka-publisher", TrackingEventProcessor.class).orElseThrow()
                .getMessageSource()).isInstanceOf(DirectEventSource.class);
    }

    @Test
    void givenLocationCache_thenStronglyReferencedAndBounded() {
        assertThat(locationCache).isInstanceOf(BoundedAggregateCache.class);
    }
}
