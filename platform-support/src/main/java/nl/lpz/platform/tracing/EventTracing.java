package nl.lpz.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a sampled trace where no instrumentation follows it: from the request that appended events, through the
 * event store (the events' meta data) and Kafka (a record header), to the projection that makes them visible. The
 * W3C {@code traceparent} is the carrier on both hops, so a trace viewer shows gateway → service → publish →
 * projection as one trace, and the projection's span ends when the change is committed to the read model.
 * <p>
 * Only sampled traces are carried: an event of an unsampled request stores nothing extra, and a record without the
 * header starts no span. Without a tracer (tracing off) a carried {@code traceparent} is passed on unchanged.
 */
public final class EventTracing {
    /** The W3C Trace Context header, also the events' meta-data key and the Kafka header. */
    public static final String TRACEPARENT = "traceparent";
    private static final EventTracing DISABLED = new EventTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Carries traces it is given unchanged and starts no span. */
    public static EventTracing disabled() {
        return DISABLED;
    }

    /** The {@code traceparent} of this thread's current span if that span is sampled, otherwise null. */
    public String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span.context());
    }

    /**
     * Starts a span that continues the trace of {@code traceparent} (a child of the span that wrote it). Without a
     * {@code traceparent} or a tracer the hop has no span, and passes on what it was given.
     */
    public Hop continueTrace(String traceparent, String name, Span.Kind kind) {
        if (traceparent == null || tracer == null) {
            return new Hop(Span.NOOP, traceparent);
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).kind(kind).start();
        String next = traceparentOf(span.context());
        return new Hop(span, next == null ? traceparent : next);
    }

    private String traceparentOf(TraceContext context) {
        if (context == null || !Boolean.TRUE.equals(context.sampled())) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * One hop of a trace: its span (the no-op span when there is none), to tag and end when the hop's work is done,
     * and the {@code traceparent} to hand to the next hop.
     */
    public record Hop(Span span, String traceparent) {
        public void end(Throwable failure) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }
}
