package nl.lpz.reporting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.CapacityEvent;
import nl.lpz.events.capacity.ModuleEvent;
import nl.lpz.events.stops.StopEvent;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ProjectionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type of the published language, built with the extremes {@link ValueRules} lets through — the first
 * and the last projectable instant, texts of {@link ValueRules#MAX_TEXT} characters with tabs, line breaks, emoji,
 * right-to-left and combining characters, quotes and backslashes, ids of the full 64 characters, the largest numbers
 * the write side accepts — is read and projected, and nothing is parked. The write side's edge is stricter than these
 * bounds, so whatever it accepts the read model holds. A new event type is covered without a change here (found
 * through the sealed interfaces); a component type this generator does not know fails the test.
 */
class ExtremeValuesProjectionTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static ProjectionDatabase db;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("extremes");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Stream<Class<?>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        collect(CapacityEvent.class, types);
        collect(StopEvent.class, types);
        return types.stream();
    }

    private static void collect(Class<?> type, Set<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
        } else if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, into);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenAnEventAtTheLowExtremes_whenProjected_thenItIsAppliedAndNothingParked(Class<?> type) {
        assertProjected(new Extremes(false).build(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenAnEventAtTheHighExtremes_whenProjected_thenItIsAppliedAndNothingParked(Class<?> type) {
        assertProjected(new Extremes(true).build(type));
    }

    private static void assertProjected(Object event) {
        assertThat(ValueRules.firstViolation(event)).as("the generator keeps within ValueRules").isEmpty();
        String topic = event instanceof StopEvent ? Topics.STOPS
                : event instanceof BedStatusChanged || event instanceof BedRemoved ? Topics.CAPACITY_BEDS
                : event instanceof ModuleEvent ? Topics.CAPACITY_MODULES
                : Topics.CAPACITY_TOPOLOGY;
        String key = event instanceof StopEvent s ? s.partitionKey() : ((CapacityEvent) event).partitionKey();
        Published published = new Published(topic, key, EventJson.typeOf(event), UUID.randomUUID().toString(),
                EventJson.toBytes(event));
        DecodedRecord decoded = RecordDecoder.decode(published.consumed());
        assertThat(decoded).as("read as an event, not refused").isInstanceOf(DecodedRecord.Event.class);

        ProjectionPipeline.Outcome outcome = db.projector().project(List.of(decoded));

        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.projected()).containsKey(event.getClass().getSimpleName());
        assertThat(db.jdbc().queryForObject("select count(*) from parked_record where event_id = ?", Long.class,
                published.eventId())).isZero();
    }

    /** Builds a record of the published language with every value at one end of what the write side accepts. */
    private record Extremes(boolean high) {
        /** The longest reason, name or note: every character class a person or an EPD may send. */
        private static final String TEXT_UNIT = "Zorg\tmet\r\nregels 'quotes' \"dubbel\" \\ % _ ü é ß 中文 עברית "
                + "e\u0301 \uD83D\uDE91\uD83C\uDFE5 ";

        Object build(Class<?> type) {
            return value(type, type, "");
        }

        private Object value(Class<?> type, Type generic, String name) {
            if (type == String.class) {
                return text(name);
            }
            if (type == Instant.class) {
                return high ? ValueRules.LATEST_INSTANT : ValueRules.PLATFORM_EPOCH;
            }
            if (type == boolean.class || type == Boolean.class) {
                return high;
            }
            if (type == int.class || type == Integer.class) {
                return (int) number(name);
            }
            if (type == long.class || type == Long.class) {
                return number(name);
            }
            if (type == double.class || type == Double.class) {
                return name.toLowerCase().contains("lat") ? (high ? 90.0 : -90.0) : (high ? 180.0 : -180.0);
            }
            if (type == UUID.class) {
                return UUID.randomUUID();
            }
            if (type == java.time.LocalTime.class) {
                // an opening period closes after it opens, or at midnight (00:00) at the end of its day
                return name.equals("closes") || !high ? java.time.LocalTime.MIDNIGHT : java.time.LocalTime.of(23, 59);
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return constants[high ? constants.length - 1 : 0];
            }
            if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
                Class<?> element = elementType(generic);
                if (element.isEnum() && Set.class.isAssignableFrom(type)) {
                    return high ? EnumSet.allOf(element.asSubclass(Enum.class)) : Set.of();
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < (high ? 20 : 1); i++) {
                    items.add(value(element, element, name));
                }
                return List.class.isAssignableFrom(type) ? items : new LinkedHashSet<>(items);
            }
            if (Map.class.isAssignableFrom(type)) {
                // figures by id: ids as keys, values of the map's value type
                Type[] kv = ((ParameterizedType) generic).getActualTypeArguments();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < (high ? 20 : 1); i++) {
                    map.put(text("id"), value((Class<?>) kv[1], kv[1], name));
                }
                return map;
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    // a typed id (record of one String) takes an id, whatever its component is called
                    String n = components.length == 1 && types[i] == String.class ? "id" : components[i].getName();
                    args[i] = value(types[i], components[i].getGenericType(), n);
                }
                try {
                    Constructor<?> constructor = type.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot build " + type.getName(), e);
                }
            }
            throw new IllegalStateException("no extreme value for " + type.getName() + " (" + name
                    + "): teach this generator the type");
        }

        /** Ids and codes: the contract's pattern at full length; free text: ValueRules' maximum. */
        private String text(String name) {
            String n = name.toLowerCase();
            if (n.equals("id") || n.endsWith("id") || n.endsWith("kind") || n.contains("code")
                    || n.equals("specialistisch")
                    || n.equals("specialisme") || n.equals("subject") || n.equals("organisation")) {
                String unique = (high ? "Z" : "a") + SEQ.incrementAndGet() + "-";
                return high ? (unique + "x._-9".repeat(13)).substring(0, 64) : unique;
            }
            if (!high) {
                return "";
            }
            StringBuilder b = new StringBuilder(ValueRules.MAX_TEXT);
            while (b.length() + TEXT_UNIT.length() <= ValueRules.MAX_TEXT) {
                b.append(TEXT_UNIT);
            }
            return b.toString();
        }

        /** The largest count or duration the write side accepts (stop durations and norm times: 7 days). */
        private long number(String name) {
            String n = name.toLowerCase();
            if (n.contains("version")) {
                return high ? 10_000 : 1; // definition versions start at 1
            }
            if (!high) {
                return 0;
            }
            if (n.contains("minutes")) {
                return 7 * 24 * 60;
            }
            return 10_000;
        }

        private static Class<?> elementType(Type generic) {
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            throw new IllegalStateException("no element type in " + generic);
        }
    }
}
