package nl.lpz.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.EventJson;
import nl.lpz.events.stops.StopEvent;
import nl.lpz.platform.messaging.ParkedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects one consumed batch into the regional capacity read model in a single database transaction: bed history
 * and current state (JDBC batches), registrations and settings, the stop events ({@link StopProjector}, after the
 * registrations), one change-log row per affected location and per stop change, parked records and the partitions'
 * positions. Idempotent by event id: a record seen before changes nothing.
 */
@Component
public class RegionalCapacityProjector {
    private static final Logger log = LoggerFactory.getLogger(RegionalCapacityProjector.class);
    /** Serialises the change-log writers so that {@code region_change.seq} order is commit order. */
    static final long CHANGE_LOG_LOCK = 0x4C505A0083L;
    public static final String CHANGE_KIND_CAPACITY = "capacity";
    /** The name this projection's records are parked under. */
    public static final String CONSUMER = "regional-capacity";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OffsetStore offsets;
    private final StopProjector stops;
    private final MeterRegistry meters;
    private final ParkedRecords parked;
    private final ObjectMapper json = EventJson.mapper();

    public RegionalCapacityProjector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                     OffsetStore offsets, StopProjector stops, MeterRegistry meters,
                                     ParkedRecords parked) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.offsets = offsets;
        this.stops = stops;
        this.meters = meters;
        this.parked = parked;
    }

    /** What a batch did. */
    public record Outcome(Map<String, Integer> projected, int duplicates, List<DecodedRecord.Rejected> rejected,
                          int changedLocations) {
    }

    public Outcome project(List<DecodedRecord> batch) {
        Outcome outcome = tx.execute(status -> apply(batch));
        // counted after the commit, so a retried batch is not counted twice
        outcome.projected().forEach((type, n) ->
                Counter.builder("lpz.reporting.events.projected").tag("type", type)
                        .description("events applied to the regional capacity read model")
                        .register(meters).increment(n));
        if (outcome.duplicates() > 0) {
            Counter.builder("lpz.reporting.events.duplicates")
                    .description("records whose event id had already been projected").register(meters)
                    .increment(outcome.duplicates());
        }
        for (DecodedRecord.Rejected r : outcome.rejected()) {
            ConsumerRecord<String, byte[]> rec = r.record();
            log.error("PARKED record {}-{}@{} (type {}, event id {}): {}: {}; the projection goes on (./lpz parked)",
                    rec.topic(), rec.partition(), rec.offset(), r.eventType(), r.eventId(), r.reason(), r.detail());
            Counter.builder("lpz.consumer.records.parked").tag("consumer", CONSUMER).tag("reason", r.reason().name())
                    .description("records a consumer could not apply and parked (parked_record)")
                    .register(meters).increment();
        }
        return outcome;
    }

    private Outcome apply(List<DecodedRecord> batch) {
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        List<DecodedRecord.Rejected> rejected = new ArrayList<>();
        List<DecodedRecord.Event> beds = new ArrayList<>();
        List<DecodedRecord.Event> topology = new ArrayList<>();
        List<DecodedRecord.Event> stopEvents = new ArrayList<>();
        for (DecodedRecord r : batch) {
            ConsumerRecord<String, byte[]> rec = r.record();
            nextOffsets.merge(new TopicPartition(rec.topic(), rec.partition()), rec.offset() + 1, Math::max);
            if (r instanceof DecodedRecord.Rejected rej) {
                rejected.add(rej);
            } else {
                DecodedRecord.Event e = (DecodedRecord.Event) r;
                if (e.event() instanceof BedStatusChanged || e.event() instanceof BedRemoved) {
                    beds.add(e);
                } else if (e.event() instanceof StopEvent) {
                    stopEvents.add(e);
                } else {
                    topology.add(e);
                }
            }
        }
        Map<String, Integer> projected = new LinkedHashMap<>();
        Changes changes = new Changes();
        int duplicates = 0;
        for (DecodedRecord.Event e : topology) {
            if (applyTopology(e, changes)) {
                projected.merge(e.event().getClass().getSimpleName(), 1, Integer::sum);
            } else {
                duplicates++;
            }
        }
        duplicates += applyBeds(beds, changes, projected);
        // after the topology of the same batch, so that a stop's location is known for its change-log row
        List<StopProjector.ChangeRow> stopChanges = new ArrayList<>();
        for (DecodedRecord.Event e : stopEvents) {
            if (stops.apply(e.eventId(), (StopEvent) e.event(), stopChanges)) {
                projected.merge(e.event().getClass().getSimpleName(), 1, Integer::sum);
            } else {
                duplicates++;
            }
        }
        insertRejected(rejected);
        writeChanges(changes, stopChanges);
        offsets.save(nextOffsets);
        return new Outcome(projected, duplicates, rejected, changes.all().size());
    }

    /** Locations whose picture changed in this batch; {@code announced}: tell every subscriber (visibility switch). */
    private static final class Changes {
        final Set<String> locations = new LinkedHashSet<>();
        final Set<String> announced = new LinkedHashSet<>();

        Set<String> all() {
            Set<String> all = new TreeSet<>(locations);
            all.addAll(announced);
            return all;
        }
    }

    // ---------------------------------------------------------------------------------------------- topology

    private boolean applyTopology(DecodedRecord.Event e, Changes changes) {
        Object ev = e.event();
        int first = jdbc.update("insert into processed_event (event_id, event_type) values (?, ?) on conflict do nothing",
                e.eventId(), ev.getClass().getSimpleName());
        if (first == 0) {
            return false;
        }
        if (ev instanceof LocationRegistered l) {
            jdbc.update("""
                            insert into location (location_id, organisation_id, name, roaz_region_id, safety_region_id,
                                                  care_offered, location_type, registered_at, event_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (location_id) do update set organisation_id = excluded.organisation_id,
                                name = excluded.name, roaz_region_id = excluded.roaz_region_id,
                                safety_region_id = excluded.safety_region_id, care_offered = excluded.care_offered,
                                location_type = excluded.location_type, registered_at = excluded.registered_at,
                                event_id = excluded.event_id""",
                    l.locationId().value(), l.organisationId().value(), l.name(), l.roazRegionId().value(),
                    l.safetyRegionId().value(), String.join(",", new TreeSet<>(l.careOffered().stream().map(Enum::name).toList())),
                    l.locationType(), Sql.ts(l.registeredAt()), e.eventId());
            changes.locations.add(l.locationId().value());
        } else if (ev instanceof ThresholdsSet t) {
            jdbc.update("""
                            insert into threshold_history (event_id, location_id, organisation_id, set_at, thresholds)
                            values (?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                    e.eventId(), t.locationId().value(), t.organisationId().value(), Sql.ts(t.setAt()),
                    toJson(t.thresholds()));
            changes.locations.add(t.locationId().value());
        } else if (ev instanceof ContactsUpdated c) {
            jdbc.update("""
                            insert into contacts (location_id, organisation_id, regiehouder_seh, beddencoordinator,
                                                  updated_at, event_id)
                            values (?, ?, ?::jsonb, ?::jsonb, ?, ?)
                            on conflict (location_id) do update set organisation_id = excluded.organisation_id,
                                regiehouder_seh = excluded.regiehouder_seh,
                                beddencoordinator = excluded.beddencoordinator, updated_at = excluded.updated_at,
                                event_id = excluded.event_id""",
                    c.locationId().value(), c.organisationId().value(), toJson(c.regiehouderSeh()),
                    toJson(c.beddencoordinator()), Sql.ts(c.updatedAt()), e.eventId());
        } else if (ev instanceof VisibilityChanged v) {
            jdbc.update("""
                            insert into visibility_history (event_id, organisation_id, changed_at, shared, release_history,
                                                            changed_by_subject, changed_by_organisation)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                    e.eventId(), v.organisationId().value(), Sql.ts(v.changedAt()), v.shared(), v.releaseHistory(),
                    v.changedBy() == null ? null : v.changedBy().subject(),
                    v.changedBy() == null ? null : v.changedBy().organisation());
            changes.announced.addAll(jdbc.queryForList(
                    "select location_id from location where organisation_id = ?", String.class,
                    v.organisationId().value()));
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------- beds

    private record BedRow(String eventId, UUID sourceEventId, String locationId, String organisationId,
                          String departmentId, String bedId, Instant occurredAt, String status, String specialistisch,
                          String specialisme, String snijdendBeschouwend, Boolean covid, String patientCovidStatus,
                          boolean removed, boolean stale, String source, String codeListVersion) {

        static BedRow of(DecodedRecord.Event e) {
            if (e.event() instanceof BedStatusChanged b) {
                return new BedRow(e.eventId(), b.sourceEventId(), b.locationId().value(), b.organisationId().value(),
                        b.departmentId().value(), b.bedId().value(), b.occurredAt(), name(b.status()),
                        b.labels().specialistisch(), b.labels().specialisme(), name(b.labels().snijdendBeschouwend()),
                        b.labels().covid(), name(b.patientCovidStatus()), false, b.stale(), name(b.source()),
                        b.codeListVersion());
            }
            BedRemoved r = (BedRemoved) e.event();
            return new BedRow(e.eventId(), null, r.locationId().value(), r.organisationId().value(),
                    r.departmentId().value(), r.bedId().value(), r.occurredAt(), null, null, null, null, null, null,
                    true, false, null, null);
        }

        private static String name(Enum<?> e) {
            return e == null ? null : e.name();
        }
    }

    /**
     * All bed events of the batch in one statement: the history rows are inserted in record order (duplicates by
     * event id skipped), and of the rows actually inserted the newest per bed is upserted into {@code bed_current}
     * unless the bed already holds a newer report (a stale, back-filled report stays in the history only).
     */
    private static final String PROJECT_BEDS = """
            with input as (
                select * from unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                                     ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::text[])
                    with ordinality as u(event_id, source_event_id, location_id, organisation_id, department_id,
                                         bed_id, occurred_at, status, specialistisch, specialisme,
                                         snijdend_beschouwend, covid, patient_covid_status, removed, stale, source,
                                         code_list_version, ord)
            ), inserted as (
                insert into bed_history (event_id, source_event_id, location_id, organisation_id, department_id, bed_id,
                                         occurred_at, status, specialistisch, specialisme, snijdend_beschouwend, covid,
                                         patient_covid_status, removed, stale, source, code_list_version)
                select event_id, source_event_id, location_id, organisation_id, department_id, bed_id, occurred_at,
                       status, specialistisch, specialisme, snijdend_beschouwend, covid, patient_covid_status, removed,
                       stale, source, code_list_version
                from input order by ord
                on conflict (event_id) do nothing
                returning id, event_id, location_id, organisation_id, department_id, bed_id, occurred_at, status,
                          specialistisch, specialisme, snijdend_beschouwend, covid, patient_covid_status, removed
            ), current_state as (
                insert into bed_current (location_id, department_id, bed_id, organisation_id, occurred_at, status,
                                         specialistisch, specialisme, snijdend_beschouwend, covid,
                                         patient_covid_status, removed, event_id)
                select distinct on (location_id, department_id, bed_id)
                       location_id, department_id, bed_id, organisation_id, occurred_at, status, specialistisch,
                       specialisme, snijdend_beschouwend, covid, patient_covid_status, removed, event_id
                from inserted
                order by location_id, department_id, bed_id, occurred_at desc, id desc
                on conflict (location_id, department_id, bed_id) do update set
                    organisation_id = excluded.organisation_id, occurred_at = excluded.occurred_at,
                    status = excluded.status, specialistisch = excluded.specialistisch,
                    specialisme = excluded.specialisme, snijdend_beschouwend = excluded.snijdend_beschouwend,
                    covid = excluded.covid, patient_covid_status = excluded.patient_covid_status,
                    removed = excluded.removed, event_id = excluded.event_id
                where bed_current.occurred_at <= excluded.occurred_at
            )
            select location_id, removed, count(*) as n from inserted group by location_id, removed""";

    private int applyBeds(List<DecodedRecord.Event> events, Changes changes, Map<String, Integer> projected) {
        if (events.isEmpty()) {
            return 0;
        }
        List<BedRow> rows = events.stream().map(BedRow::of).toList();
        int n = rows.size();
        String[] eventId = new String[n];
        UUID[] sourceEventId = new UUID[n];
        String[] locationId = new String[n];
        String[] organisationId = new String[n];
        String[] departmentId = new String[n];
        String[] bedId = new String[n];
        String[] occurredAt = new String[n];
        String[] status = new String[n];
        String[] specialistisch = new String[n];
        String[] specialisme = new String[n];
        String[] snijdend = new String[n];
        Boolean[] covid = new Boolean[n];
        String[] patient = new String[n];
        Boolean[] removed = new Boolean[n];
        Boolean[] stale = new Boolean[n];
        String[] source = new String[n];
        String[] codeListVersion = new String[n];
        for (int i = 0; i < n; i++) {
            BedRow r = rows.get(i);
            eventId[i] = r.eventId();
            sourceEventId[i] = r.sourceEventId();
            locationId[i] = r.locationId();
            organisationId[i] = r.organisationId();
            departmentId[i] = r.departmentId();
            bedId[i] = r.bedId();
            occurredAt[i] = r.occurredAt().toString();
            status[i] = r.status();
            specialistisch[i] = r.specialistisch();
            specialisme[i] = r.specialisme();
            snijdend[i] = r.snijdendBeschouwend();
            covid[i] = r.covid();
            patient[i] = r.patientCovidStatus();
            removed[i] = r.removed();
            stale[i] = r.stale();
            source[i] = r.source();
            codeListVersion[i] = r.codeListVersion();
        }
        int[] fresh = {0};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(PROJECT_BEDS);
            int p = 1;
            ps.setArray(p++, con.createArrayOf("text", eventId));
            ps.setArray(p++, con.createArrayOf("uuid", sourceEventId));
            ps.setArray(p++, con.createArrayOf("text", locationId));
            ps.setArray(p++, con.createArrayOf("text", organisationId));
            ps.setArray(p++, con.createArrayOf("text", departmentId));
            ps.setArray(p++, con.createArrayOf("text", bedId));
            ps.setArray(p++, con.createArrayOf("text", occurredAt));
            ps.setArray(p++, con.createArrayOf("text", status));
            ps.setArray(p++, con.createArrayOf("text", specialistisch));
            ps.setArray(p++, con.createArrayOf("text", specialisme));
            ps.setArray(p++, con.createArrayOf("text", snijdend));
            ps.setArray(p++, con.createArrayOf("bool", covid));
            ps.setArray(p++, con.createArrayOf("text", patient));
            ps.setArray(p++, con.createArrayOf("bool", removed));
            ps.setArray(p++, con.createArrayOf("bool", stale));
            ps.setArray(p++, con.createArrayOf("text", source));
            ps.setArray(p, con.createArrayOf("text", codeListVersion));
            return ps;
        }, rs -> {
            int count = rs.getInt("n");
            fresh[0] += count;
            changes.locations.add(rs.getString("location_id"));
            projected.merge(rs.getBoolean("removed") ? "BedRemoved" : "BedStatusChanged", count, Integer::sum);
        });
        return n - fresh[0];
    }

    // ---------------------------------------------------------------------------------------------- rejected

    private void insertRejected(List<DecodedRecord.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        insert into parked_record (consumer, topic, partition_no, record_offset, record_key, event_type,
                                                   event_id, event_revision, payload, reason, error, attempts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                        on conflict (consumer, topic, partition_no, record_offset) do nothing""",
                rejected, rejected.size(), (ps, r) -> {
                    ps.setString(1, CONSUMER);
                    ps.setString(2, r.record().topic());
                    ps.setInt(3, r.record().partition());
                    ps.setLong(4, r.record().offset());
                    ps.setString(5, r.record().key());
                    ps.setString(6, r.eventType());
                    ps.setString(7, r.eventId());
                    ps.setString(8, revision(r.record()));
                    ps.setBytes(9, r.record().value());
                    ps.setString(10, r.reason().name());
                    ps.setString(11, r.detail());
                });
    }

    private static String revision(ConsumerRecord<String, byte[]> record) {
        var h = record.headers().lastHeader(nl.lpz.events.EventHeaders.EVENT_REVISION);
        return h == null || h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Parks one record that failed to project again and again (a deterministic failure) and moves its partition past
     * it, in one transaction: either both happen or neither, so the record is never skipped without its trace.
     */
    public void park(DecodedRecord record, String error, int attempts) {
        ConsumerRecord<String, byte[]> rec = record.record();
        tx.executeWithoutResult(status -> {
            parked.park(CONSUMER, rec, "PROJECTION_FAILED", error, attempts);
            offsets.save(Map.of(new TopicPartition(rec.topic(), rec.partition()), rec.offset() + 1));
        });
    }

    // ---------------------------------------------------------------------------------------------- change log

    private record LocationRef(String locationId, String roazRegionId, String organisationId) {
    }

    private void writeChanges(Changes changes, List<StopProjector.ChangeRow> stopChanges) {
        List<Object[]> rows = capacityChangeRows(changes);
        for (StopProjector.ChangeRow c : stopChanges) {
            rows.add(new Object[] {c.roazRegionId(), c.locationId(), c.organisationId(), null,
                    StopProjector.CHANGE_KIND_STOP, c.payload()});
        }
        if (rows.isEmpty()) {
            return;
        }
        // held to the commit: rows of concurrent writers get their seq in commit order, so a reader that has seen
        // seq n will never later find a committed row below n
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHANGE_LOG_LOCK);
        jdbc.batchUpdate("""
                insert into region_change (roaz_region_id, location_id, organisation_id, restricted_to_organisation,
                                           kind, payload)
                values (?, ?, ?, ?, ?, ?::json)""", rows);
    }

    private List<Object[]> capacityChangeRows(Changes changes) {
        List<Object[]> rows = new ArrayList<>();
        Set<String> all = changes.all();
        if (all.isEmpty()) {
            return rows;
        }
        Map<String, LocationRef> locations = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, roaz_region_id, organisation_id from location
                    where location_id = any(?) order by location_id""");
            ps.setArray(1, Sql.textArray(con, all));
            return ps;
        }, rs -> {
            locations.put(rs.getString(1), new LocationRef(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        if (locations.isEmpty()) {
            return rows; // beds of locations not registered (yet): their registration will announce them
        }
        Map<String, Instant> lastEventAt = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, max(occurred_at) as last_event_at from bed_current
                    where location_id = any(?) group by location_id""");
            ps.setArray(1, Sql.textArray(con, locations.keySet()));
            return ps;
        }, rs -> {
            lastEventAt.put(rs.getString(1), Sql.instant(rs, "last_event_at"));
        });
        Set<String> organisations = new TreeSet<>();
        locations.values().forEach(l -> organisations.add(l.organisationId()));
        Map<String, Boolean> sharedNow = sharedNow(organisations);

        Instant changedAt = Instant.now();
        for (LocationRef l : locations.values()) {
            boolean everyone = changes.announced.contains(l.locationId())
                    || sharedNow.getOrDefault(l.organisationId(), false);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("locationId", l.locationId());
            Instant last = lastEventAt.get(l.locationId());
            payload.put("lastEventAt", last == null ? null : last.toString());
            payload.put("changedAt", changedAt.toString());
            rows.add(new Object[] {l.roazRegionId(), l.locationId(), l.organisationId(),
                    everyone ? null : l.organisationId(), CHANGE_KIND_CAPACITY, toJson(payload)});
        }
        return rows;
    }

    /** Whether each organisation's figures are shared right now (latest visibility change; none: hidden). */
    private Map<String, Boolean> sharedNow(Collection<String> organisations) {
        Map<String, Boolean> shared = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (organisation_id) organisation_id, shared from visibility_history
                    where organisation_id = any(?) order by organisation_id, changed_at desc, id desc""");
            ps.setArray(1, Sql.textArray(con, organisations));
            return ps;
        }, rs -> {
            shared.put(rs.getString(1), rs.getBoolean(2));
        });
        return shared;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
