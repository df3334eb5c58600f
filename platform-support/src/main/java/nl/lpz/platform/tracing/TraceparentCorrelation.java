package nl.lpz.platform.tracing;

import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Gives every event a command appends the {@code traceparent} of the request that sent it, when that request is
 * traced: the event store keeps it in the event's meta data and the outbox publisher puts it on the Kafka record
 * ({@link EventTracing}). Axon asks for correlation data in the thread that handles the command, where the request's
 * span is current.
 */
public class TraceparentCorrelation implements CorrelationDataProvider {
    private final EventTracing tracing;

    public TraceparentCorrelation(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        String traceparent = tracing.currentTraceparent();
        return traceparent == null ? Map.of() : Map.of(EventTracing.TRACEPARENT, traceparent);
    }
}
