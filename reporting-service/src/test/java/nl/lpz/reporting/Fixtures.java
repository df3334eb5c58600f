package nl.lpz.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BedChangeSource;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.BirthCareEvent;
import nl.lpz.events.capacity.CapacityEvent;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.ModuleEvent;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Events of the published language as capacity-service publishes them: value, key and headers. */
public final class Fixtures {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AtomicLong OFFSETS = new AtomicLong();
    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private Fixtures() {
    }

    /** A fresh id with a prefix, so that tests sharing a database do not see each other's rows. */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** An event with its record metadata; {@code eventId} is the lpz-event-id header. */
    public record Published(String topic, String key, String type, String eventId, byte[] value) {

        public Published withEventId(String id) {
            return new Published(topic, key, type, id, value);
        }

        public RecordHeaders headers() {
            RecordHeaders h = new RecordHeaders();
            if (type != null) {
                h.add(new RecordHeader(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8)));
            }
            h.add(new RecordHeader(EventHeaders.EVENT_REVISION, "1".getBytes(StandardCharsets.UTF_8)));
            if (eventId != null) {
                h.add(new RecordHeader(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8)));
            }
            h.add(new RecordHeader(EventHeaders.AGGREGATE_SEQUENCE, "0".getBytes(StandardCharsets.UTF_8)));
            h.add(new RecordHeader(EventHeaders.RECORDED_AT,
                    Instant.now().toString().getBytes(StandardCharsets.UTF_8)));
            return h;
        }

        /** As a consumed record at a fresh offset of partition 0 (projection tests without a broker). */
        public ConsumerRecord<String, byte[]> consumed() {
            return new ConsumerRecord<>(topic, 0, OFFSETS.incrementAndGet(), 0L, TimestampType.CREATE_TIME, -1,
                    value == null ? -1 : value.length, key, value, headers(), java.util.Optional.empty());
        }

        public ProducerRecord<String, byte[]> producerRecord() {
            return new ProducerRecord<>(topic, null, key, value, headers());
        }
    }

    public static Published publish(CapacityEvent event) {
        String topic = event instanceof BedStatusChanged || event instanceof BedRemoved ? Topics.CAPACITY_BEDS
                : event instanceof ModuleEvent ? Topics.CAPACITY_MODULES
                : event instanceof BirthCareEvent ? Topics.CAPACITY_BIRTH_REFUSALS : Topics.CAPACITY_TOPOLOGY;
        return new Published(topic, event.partitionKey(), EventJson.typeOf(event), UUID.randomUUID().toString(),
                EventJson.toBytes(event));
    }

    /** A record of an unknown type, or unreadable JSON: what the read side must count and skip. */
    public static Published poison(String topic, String key, String type, String json) {
        return new Published(topic, key, type, UUID.randomUUID().toString(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static LocationRegistered location(String locationId, String organisationId, String roaz, String vr) {
        return new LocationRegistered(LocationId.of(locationId), new OrganisationId(organisationId),
                "Ziekenhuis " + locationId, new RoazRegionId(roaz), new SafetyRegionId(vr), Set.of(CareKind.SEH),
                "Algemeen ziekenhuis", null, null, T0.minusSeconds(86_400), Actor.SYSTEM);
    }

    public static VisibilityChanged visibility(String organisationId, boolean shared, boolean releaseHistory,
                                               Instant at) {
        return new VisibilityChanged(new OrganisationId(organisationId), shared, releaseHistory, at, Actor.SYSTEM);
    }

    public static ThresholdsSet thresholds(String locationId, String organisationId, Instant at,
                                           Threshold... thresholds) {
        return new ThresholdsSet(LocationId.of(locationId), new OrganisationId(organisationId), List.of(thresholds),
                at, Actor.SYSTEM);
    }

    public static ContactsUpdated contacts(String locationId, String organisationId) {
        return new ContactsUpdated(LocationId.of(locationId), new OrganisationId(organisationId),
                List.of(new Contact("Jan de Vries", "+31201234567")), List.of(new Contact("Els Bakker", "+31207654321")),
                T0, Actor.SYSTEM);
    }

    /** Builder-ish bed report. */
    public static Bed bed(String locationId, String organisationId, String bedId) {
        return new Bed(locationId, organisationId, "DEP-1", bedId, BedStatus.AVAILABLE, "KLINIEK_VOLWASSENEN", false,
                null, T0, false);
    }

    public record Bed(String locationId, String organisationId, String departmentId, String bedId, BedStatus status,
                      String specialistisch, boolean covid, PatientCovidStatus patient, Instant occurredAt,
                      boolean stale) {
        public Bed status(BedStatus s) {
            return new Bed(locationId, organisationId, departmentId, bedId, s, specialistisch, covid, patient,
                    occurredAt, stale);
        }

        public Bed element(String e) {
            return new Bed(locationId, organisationId, departmentId, bedId, status, e, covid, patient, occurredAt,
                    stale);
        }

        public Bed covid(boolean c) {
            return new Bed(locationId, organisationId, departmentId, bedId, status, specialistisch, c, patient,
                    occurredAt, stale);
        }

        public Bed patient(PatientCovidStatus p) {
            return new Bed(locationId, organisationId, departmentId, bedId, BedStatus.OCCUPIED, specialistisch, covid,
                    p, occurredAt, stale);
        }

        public Bed at(Instant t) {
            return new Bed(locationId, organisationId, departmentId, bedId, status, specialistisch, covid, patient, t,
                    stale);
        }

        public Bed backFilled() {
            return new Bed(locationId, organisationId, departmentId, bedId, status, specialistisch, covid, patient,
                    occurredAt, true);
        }

        public BedStatusChanged event() {
            return new BedStatusChanged(LocationId.of(locationId), new OrganisationId(organisationId),
                    new DepartmentId(departmentId), new BedId(bedId), status,
                    new BedLabels(specialistisch, null, null, covid), patient, occurredAt, stale,
                    BedChangeSource.EPD_EVENT, UUID.randomUUID(), "1");
        }

        public BedRemoved removed(Instant t) {
            return new BedRemoved(LocationId.of(locationId), new OrganisationId(organisationId),
                    new DepartmentId(departmentId), new BedId(bedId), t);
        }
    }
}
