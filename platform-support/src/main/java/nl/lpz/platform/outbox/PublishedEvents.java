package nl.lpz.platform.outbox;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a write service publishes from its event store, and where: the events of one type (the service's sealed event
 * interface), the topic of each and its record key. A service declares one bean of this type; {@link OutboxPublisher}
 * does the rest (docs/adr/0012-one-mechanism-once.md).
 *
 * @param <E> the service's event type
 */
public final class PublishedEvents<E> {
    private final Class<E> type;
    private final Function<? super E, String> topic;
    private final Function<? super E, String> key;

    private PublishedEvents(Class<E> type, Function<? super E, String> topic, Function<? super E, String> key) {
        this.type = Objects.requireNonNull(type, "type");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Events of {@code type}, each on the topic {@code topic} chooses, keyed by {@code key}. */
    public static <E> PublishedEvents<E> of(Class<E> type, Function<? super E, String> topic,
                                            Function<? super E, String> key) {
        return new PublishedEvents<>(type, topic, key);
    }

    /** Events of {@code type}, all on one topic, keyed by {@code key}. */
    public static <E> PublishedEvents<E> onTopic(Class<E> type, String topic, Function<? super E, String> key) {
        Objects.requireNonNull(topic, "topic");
        return new PublishedEvents<>(type, event -> topic, key);
    }

    public Class<E> type() {
        return type;
    }

    boolean covers(Object payload) {
        return type.isInstance(payload);
    }

    String topicOf(Object payload) {
        return Objects.requireNonNull(topic.apply(type.cast(payload)), "no topic for " + payload.getClass());
    }

    String keyOf(Object payload) {
        return key.apply(type.cast(payload));
    }
}
