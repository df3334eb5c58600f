package nl.lpz.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.audit.AuditEntryRecorded;
import nl.lpz.events.acutecare.ScenarioDefined;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import nl.lpz.events.stops.PlannedStopReminder;
import nl.lpz.events.stops.StopAnnounced;
import nl.lpz.events.stops.StopAnnouncementLapsed;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopEnded;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopsLapsed;

/**
 * The wire format of events on Kafka: the record as JSON (ISO-8601 instants), typed by the
 * {@link EventHeaders#EVENT_TYPE} header. Unknown fields are ignored so that an additive change does not break an
 * older consumer; anything else is a new revision.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> TYPES = Stream.of(
                    LocationRegistered.class, BedStatusChanged.class, BedRemoved.class, ThresholdsSet.class,
                    ContactsUpdated.class, VisibilityChanged.class, OpeningHoursSet.class, CareProfileSet.class,
                    StopDeclared.class, StopExtended.class, StopEnded.class, StopExpired.class,
                    StopExpiryWarned.class, StopsLapsed.class, StopRefused.class, StopAnnounced.class,
                    StopAnnouncementLapsed.class, PlannedStopReminder.class,
                    ModuleFiguresReported.class, ModuleUnitRemoved.class, ModulePassageRecorded.class,
                    BirthRefusalRecorded.class, ScenarioDefined.class, AuditEntryRecorded.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventJson() {
    }

    /** A copy of the mapper, for callers that must register it elsewhere (e.g. Axon's JacksonSerializer). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static byte[] toBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static String typeOf(Object event) {
        return event.getClass().getSimpleName();
    }

    /** The class published under this {@link EventHeaders#EVENT_TYPE}, if this version of the language knows it. */
    public static Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName(), e);
        }
    }

    /** Reads an event by its type header; empty when the type is unknown to this version. */
    public static Optional<Object> read(String type, byte[] json) {
        return classOf(type).map(c -> fromBytes(json, c));
    }
}
