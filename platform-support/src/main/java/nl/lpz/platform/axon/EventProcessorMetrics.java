package nl.lpz.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * How far each streaming event processor of this instance is behind the event store's head, for the operator
 * (docs/operations.md): {@code lpz.processor.lag.events} (the head's position minus the slowest segment this instance
 * holds; the {@code kafka-publisher} processor's lag is the outbox backlog: events stored but not yet on Kafka),
 * {@code lpz.processor.segments.claimed} and {@code lpz.processor.segments.errored}. An instance that holds no segment
 * of a processor reports no lag for it (NaN): another instance does. Registered once the processors have started.
 */
public final class EventProcessorMetrics implements ApplicationListener<ApplicationReadyEvent> {
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> store;
    private volatile boolean bound;

    EventProcessorMetrics(ObjectProvider<MeterRegistry> meters, ObjectProvider<EventProcessingConfiguration> processing,
                     ObjectProvider<EventStore> store) {
        this.meters = meters;
        this.processing = processing;
        this.store = store;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        MeterRegistry registry = meters.getIfAvailable();
        EventProcessingConfiguration config = processing.getIfAvailable();
        EventStore events = store.getIfAvailable();
        if (bound || registry == null || config == null || events == null) {
            return;
        }
        bound = true;
        config.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("lpz.processor.lag.events", () -> lag(streaming, events))
                        .description("events stored but not yet handled by this processor's slowest segment here")
                        .tag("processor", name).register(registry);
                Gauge.builder("lpz.processor.segments.claimed", () -> streaming.processingStatus().size())
                        .tag("processor", name).register(registry);
                Gauge.builder("lpz.processor.segments.errored", () -> streaming.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState).count()).tag("processor", name).register(registry);
            }
        });
    }

    static double lag(StreamingEventProcessor processor, EventStore events) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments) {
            TrackingToken token = status.getTrackingToken();
            OptionalLong position = token == null ? OptionalLong.of(-1) : token.position();
            slowest = Math.min(slowest, position.orElse(-1));
        }
        TrackingToken head = events.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return Math.max(0, headPosition - slowest);
    }
}
