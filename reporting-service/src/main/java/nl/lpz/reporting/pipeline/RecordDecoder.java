package nl.lpz.reporting.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.ModuleEvent;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.stops.LapsedStop;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record by its headers ({@link EventHeaders}) with the wire format of the published language
 * ({@link EventJson}). Never throws: whatever cannot be read becomes a {@link DecodedRecord.Rejected}.
 */
final class RecordDecoder {
    /** The payload revisions this version of the read side understands. */
    private static final String KNOWN_REVISION = "1";

    private RecordDecoder() {
    }

    public static DecodedRecord decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        String eventId = header(record, EventHeaders.EVENT_ID);
        String revision = header(record, EventHeaders.EVENT_REVISION);
        if (type == null || type.isBlank()) {
            return rejected(record, type, eventId, DecodedRecord.Reason.MISSING_HEADER, "no " + EventHeaders.EVENT_TYPE);
        }
        if (eventId == null || eventId.isBlank()) {
            return rejected(record, type, eventId, DecodedRecord.Reason.MISSING_HEADER, "no " + EventHeaders.EVENT_ID);
        }
        if (EventJson.classOf(type).isEmpty()) {
            return rejected(record, type, eventId, DecodedRecord.Reason.UNKNOWN_TYPE, "unknown event type " + type);
        }
        if (revision != null && !revision.isBlank() && !KNOWN_REVISION.equals(revision.trim())) {
            return rejected(record, type, eventId, DecodedRecord.Reason.UNKNOWN_REVISION,
                    type + " revision " + revision + " is not known to this version");
        }
        if (record.value() == null) {
            return rejected(record, type, eventId, DecodedRecord.Reason.UNREADABLE, "no value");
        }
        try {
            Optional<Object> event = EventJson.read(type, record.value());
            if (event.isEmpty()) {
                return rejected(record, type, eventId, DecodedRecord.Reason.UNKNOWN_TYPE, "unknown event type " + type);
            }
            String missing = missingField(event.get());
            if (missing != null) {
                return rejected(record, type, eventId, DecodedRecord.Reason.INCOMPLETE, type + " without " + missing);
            }
            // stored before the write side refused such values (ValueRules): parked, never left to fail its batch
            Optional<String> outOfRange = ValueRules.firstViolation(event.get());
            if (outOfRange.isPresent()) {
                return rejected(record, type, eventId, DecodedRecord.Reason.OUT_OF_RANGE, outOfRange.get());
            }
            return new DecodedRecord.Event(record, eventId, event.get());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return rejected(record, type, eventId, DecodedRecord.Reason.UNREADABLE, firstLine(root.getMessage()));
        }
    }

    private static DecodedRecord.Rejected rejected(ConsumerRecord<String, byte[]> record, String type, String eventId,
                                                   DecodedRecord.Reason reason, String detail) {
        return new DecodedRecord.Rejected(record, type, eventId, reason, detail);
    }

    /**
     * The first mandatory field the event lacks, or null. Checked here so that an incomplete event is refused like
     * an unreadable one instead of failing its batch in the database again and again.
     */
    static String missingField(Object event) {
        if (event instanceof BedStatusChanged b) {
            return first("locationId", b.locationId(), "organisationId", b.organisationId(), "departmentId",
                    b.departmentId(), "bedId", b.bedId(), "status", b.status(), "labels", b.labels(), "occurredAt",
                    b.occurredAt());
        }
        if (event instanceof BedRemoved b) {
            return first("locationId", b.locationId(), "organisationId", b.organisationId(), "departmentId",
                    b.departmentId(), "bedId", b.bedId(), "occurredAt", b.occurredAt());
        }
        if (event instanceof LocationRegistered l) {
            return first("locationId", l.locationId(), "organisationId", l.organisationId(), "name", l.name(),
                    "roazRegionId", l.roazRegionId(), "safetyRegionId", l.safetyRegionId());
        }
        if (event instanceof ThresholdsSet t) {
            String missing = first("locationId", t.locationId(), "organisationId", t.organisationId(), "setAt",
                    t.setAt());
            if (missing == null && t.thresholds().stream().anyMatch(th -> th == null || th.specialistisch() == null)) {
                return "thresholds[].specialistisch";
            }
            return missing;
        }
        if (event instanceof ContactsUpdated c) {
            return first("locationId", c.locationId(), "organisationId", c.organisationId());
        }
        if (event instanceof OpeningHoursSet o) {
            return first("locationId", o.locationId(), "organisationId", o.organisationId(), "careKind",
                    o.careKind(), "setAt", o.setAt());
        }
        if (event instanceof CareProfileSet p) {
            return first("locationId", p.locationId(), "organisationId", p.organisationId(), "profile", p.profile());
        }
        if (event instanceof VisibilityChanged v) {
            return first("organisationId", v.organisationId(), "changedAt", v.changedAt());
        }
        if (event instanceof ModuleEvent m) {
            return missingModuleField(m);
        }
        if (event instanceof BirthRefusalRecorded r) {
            return first("practiceId", r.practiceId(), "midwifeRegionId", r.midwifeRegionId(), "refusedLocationId",
                    r.refusedLocationId(), "occurredAt", r.occurredAt(), "reason", r.reason(), "recordedAt",
                    r.recordedAt(), "sourceEventId", r.sourceEventId());
        }
        return missingStopField(event);
    }

    private static String missingModuleField(ModuleEvent m) {
        String missing = first("moduleId", m.moduleId(), "providerKind", m.providerKind(), "providerId",
                m.providerId(), "organisationId", m.organisationId(), "unitKind", m.unitKind(), "unitId", m.unitId(),
                "occurredAt", m.occurredAt());
        // versions start at 1: a 0 is what a missing int field reads as, and the figures could not be interpreted
        if (missing == null && m.definitionVersion() < 1) {
            return "definitionVersion";
        }
        if (missing == null && m instanceof ModulePassageRecorded p) {
            return missingMoment(p);
        }
        return missing;
    }

    /**
     * A passage without any moment has no day to be counted on, and a moment without its instant ({@code null} in
     * the JSON) no span: both are refused rather than stored. Whether the moments fit the definition was checked by
     * the write side; the projection reads no definition.
     */
    private static String missingMoment(ModulePassageRecorded p) {
        if (p.moments().isEmpty()) {
            return "moments";
        }
        for (Map.Entry<String, Instant> moment : p.moments().entrySet()) {
            if (moment.getKey() == null || moment.getKey().isBlank() || moment.getValue() == null) {
                return "moments[" + moment.getKey() + "]";
            }
        }
        return null;
    }

    private static String missingStopField(Object event) {
        if (event instanceof StopDeclared d) {
            return first("stopId", d.stopId(), "safetyRegionId", d.safetyRegionId(), "kind", d.kind(), "locationId",
                    d.locationId(), "organisationId", d.organisationId(), "type", d.type(), "startedAt",
                    d.startedAt(), "expectedEnd", d.expectedEnd(), "graceUntil", d.graceUntil());
        }
        if (event instanceof StopExtended x) {
            return first("stopId", x.stopId(), "safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "locationId",
                    x.locationId(), "organisationId", x.organisationId(), "expectedEnd", x.expectedEnd(),
                    "extendedAt", x.extendedAt());
        }
        if (event instanceof StopEnded x) {
            return first("stopId", x.stopId(), "safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "locationId",
                    x.locationId(), "organisationId", x.organisationId(), "endedAt", x.endedAt());
        }
        if (event instanceof StopExpired x) {
            return first("stopId", x.stopId(), "safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "locationId",
                    x.locationId(), "organisationId", x.organisationId(), "expiredAt", x.expiredAt());
        }
        if (event instanceof StopExpiryWarned x) {
            return first("stopId", x.stopId(), "safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "locationId",
                    x.locationId(), "organisationId", x.organisationId(), "warnedAt", x.warnedAt());
        }
        if (event instanceof StopsLapsed x) {
            String missing = first("safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "lapsedAt", x.lapsedAt());
            if (missing == null) {
                for (LapsedStop s : x.stops()) {
                    if (s == null || s.stopId() == null || s.locationId() == null || s.organisationId() == null) {
                        return "stops[].stopId/locationId/organisationId";
                    }
                }
            }
            return missing;
        }
        if (event instanceof StopRefused x) {
            return first("safetyRegionId", x.safetyRegionId(), "kind", x.kind(), "locationId", x.locationId(),
                    "organisationId", x.organisationId(), "code", x.code(), "refusedAt", x.refusedAt());
        }
        if (event instanceof StopAnnounced x) {
            return first("announcementId", x.announcementId(), "safetyRegionId", x.safetyRegionId(), "kind",
                    x.kind(), "locationId", x.locationId(), "organisationId", x.organisationId(), "plannedStart",
                    x.plannedStart(), "plannedEnd", x.plannedEnd(), "announcedAt", x.announcedAt());
        }
        if (event instanceof StopAnnouncementLapsed x) {
            return first("announcementId", x.announcementId(), "safetyRegionId", x.safetyRegionId(), "kind",
                    x.kind(), "locationId", x.locationId(), "organisationId", x.organisationId(), "lapsedAt",
                    x.lapsedAt());
        }
        if (event instanceof PlannedStopReminder x) {
            return first("announcementId", x.announcementId(), "safetyRegionId", x.safetyRegionId(), "kind",
                    x.kind(), "locationId", x.locationId(), "organisationId", x.organisationId(), "remindedAt",
                    x.remindedAt());
        }
        return null;
    }

    private static String first(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                return (String) namesAndValues[i];
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
