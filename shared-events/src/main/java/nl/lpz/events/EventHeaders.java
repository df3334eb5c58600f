package nl.lpz.events;

/**
 * Kafka record headers every producer sets. The value is the event record as JSON; the headers say what it is, so a
 * consumer can pick the class and revision without parsing, and deduplicate by {@link #EVENT_ID}.
 */
public final class EventHeaders {
    /** Simple class name of the event record, e.g. {@code BedStatusChanged}. */
    public static final String EVENT_TYPE = "lpz-event-type";
    /** Payload revision ({@code @Revision}), e.g. {@code 1}. */
    public static final String EVENT_REVISION = "lpz-event-revision";
    /** Unique id of the event in the producer's event store: the idempotency key for consumers. */
    public static final String EVENT_ID = "lpz-event-id";
    /** Sequence number of the event within its aggregate. */
    public static final String AGGREGATE_SEQUENCE = "lpz-aggregate-seq";
    /** When the producer's event store recorded the event (ISO-8601). */
    public static final String RECORDED_AT = "lpz-recorded-at";

    private EventHeaders() {
    }
}
