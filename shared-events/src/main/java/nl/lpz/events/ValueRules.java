package nl.lpz.events;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The value ranges every published event keeps, so that every store downstream (the event store, the Kafka topics,
 * PostgreSQL read models, the deadline scheduler) can hold it. The write side refuses a request that breaks them at
 * the edge and its aggregates never emit an event that does; a consumer checks {@link #firstViolation(Object)} before
 * projecting, so an event that was stored before these rules existed is parked instead of failing its batch.
 * <ul>
 *   <li>instants: not before {@link #PLATFORM_EPOCH}, not after {@link #LATEST_INSTANT};</li>
 *   <li>text: no control characters but tab, line feed and carriage return; no unpaired UTF-16 surrogates; no
 *       noncharacters U+FFFE/U+FFFF; at most {@link #MAX_TEXT} characters;</li>
 *   <li>floating-point numbers: finite.</li>
 * </ul>
 * The edge is stricter where the domain is (an EPD report at most 5 minutes ahead of the server clock, ids of the
 * contract's pattern, shorter texts); these are the outer bounds that make a value projectable.
 */
public final class ValueRules {
    /** No event of the platform happened before this instant; earlier is a sender's error (or a sentinel value). */
    public static final Instant PLATFORM_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    /**
     * No instant after this is projectable. Nothing the edge accepts comes near it (reports at most 5 minutes ahead,
     * planned stops at most {@link #MAX_PLANNING_HORIZON} ahead); it keeps sentinel values such as
     * {@code +999999999-12-31} out of every store.
     */
    public static final Instant LATEST_INSTANT = Instant.parse("2100-01-01T00:00:00Z");
    /** How far ahead a planned instant (a stop announcement) may lie. */
    public static final Duration MAX_PLANNING_HORIZON = Duration.ofDays(366);
    /** The longest text any event carries (a stop's reason is limited to 2,000 at the edge). */
    public static final int MAX_TEXT = 10_000;

    private ValueRules() {
    }

    /** Whether {@code instant} lies in [{@link #PLATFORM_EPOCH}, {@link #LATEST_INSTANT}]. */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(PLATFORM_EPOCH) && !instant.isAfter(LATEST_INSTANT);
    }

    /** What is wrong with a text value, or null when it is fine (null itself is fine: required-ness is not checked). */
    public static String textViolation(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            return "is longer than " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds an unpaired surrogate at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "holds an unpaired surrogate at position " + i;
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return String.format("holds control character U+%04X at position %d", (int) c, i);
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return String.format("holds noncharacter U+%04X at position %d", (int) c, i);
            }
        }
        return null;
    }

    /** What is wrong with an instant, or null when it is storable (or null). */
    public static String instantViolation(Instant instant) {
        if (instant == null || storable(instant)) {
            return null;
        }
        return instant.isBefore(PLATFORM_EPOCH) ? instant + " is before the platform epoch " + PLATFORM_EPOCH
                : instant + " is after " + LATEST_INSTANT;
    }

    /**
     * The first value of {@code value} (a record of the published language, walked through its components,
     * collections and maps) that breaks these rules, as {@code "path: what"}; empty when every value is projectable.
     */
    public static Optional<String> firstViolation(Object value) {
        String violation = walk(value, 0);
        return violation == null ? Optional.empty()
                : Optional.of(value.getClass().getSimpleName() + violation);
    }

    /**
     * The first violation below {@code value} as its path from there and what is wrong ({@code ".labels.x holds
     * ..."}), or null. The path is built only on the way back from a violation: this runs for every event.
     */
    private static String walk(Object value, int depth) {
        if (value == null || depth > 16) {
            return null;
        }
        if (value instanceof String s) {
            String v = textViolation(s);
            return v == null ? null : " " + v;
        }
        if (value instanceof Instant t) {
            String v = instantViolation(t);
            return v == null ? null : ": " + v;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? " is not a finite number" : null;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? " is not a finite number" : null;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String v = walk(item, depth + 1);
                if (v != null) {
                    return "[" + i + "]" + v;
                }
                i++;
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String v = walk(e.getKey(), depth + 1);
                if (v != null) {
                    return ".key" + v;
                }
                v = walk(e.getValue(), depth + 1);
                if (v != null) {
                    return "[" + e.getKey() + "]" + v;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                Object child;
                try {
                    child = component.accessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    return "." + component.name() + " cannot be read: " + e;
                }
                String v = walk(child, depth + 1);
                if (v != null) {
                    return "." + component.name() + v;
                }
            }
        }
        return null;
    }

    private record Component(String name, Method accessor) {
    }

    /**
     * A record's components, looked up once per class: {@link Class#getRecordComponents()} parses the class file's
     * attribute and allocates on every call, and this walk runs for every event on the hot path of every service.
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] result = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                result[i] = new Component(components[i].getName(), accessor);
            }
            return result;
        }
    };
}
