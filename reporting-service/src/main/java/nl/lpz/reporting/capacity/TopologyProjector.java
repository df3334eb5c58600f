package nl.lpz.reporting.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.LocationEvent;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.ProcessedEvents;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the topology and settings events change {@code location} (with its care profile and position), {@code threshold_history},
 * {@code visibility_history}, {@code contacts} and {@code opening_hours_history}, and the history of a location's
 * changes in {@code location_change}; idempotent through {@link ProcessedEvents}.
 */
class TopologyProjector {
    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final ObjectMapper json = EventJson.mapper();

    TopologyProjector(JdbcTemplate jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    /** Applies one registration or setting; false when its event id was seen before (nothing changed). */
    boolean apply(DecodedRecord.Event e, ChangedLocations changes) {
        Object ev = e.event();
        if (!processed.firstTime(e)) {
            return false;
        }
        if (ev instanceof LocationRegistered l) {
            jdbc.update("""
                            insert into location (location_id, organisation_id, name, roaz_region_id, safety_region_id,
                                                  care_offered, location_type, registered_at, event_id,
                                                  latitude, longitude)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (location_id) do update set organisation_id = excluded.organisation_id,
                                name = excluded.name, roaz_region_id = excluded.roaz_region_id,
                                safety_region_id = excluded.safety_region_id, care_offered = excluded.care_offered,
                                location_type = excluded.location_type, registered_at = excluded.registered_at,
                                event_id = excluded.event_id, latitude = excluded.latitude,
                                longitude = excluded.longitude""",
                    l.locationId().value(), l.organisationId().value(), l.name(), l.roazRegionId().value(),
                    l.safetyRegionId().value(), String.join(",", new TreeSet<>(l.careOffered().stream().map(Enum::name).toList())),
                    l.locationType(), Sql.ts(l.registeredAt()), e.eventId(), l.latitude(), l.longitude());
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("name", l.name());
            registration.put("roazRegionId", l.roazRegionId().value());
            registration.put("safetyRegionId", l.safetyRegionId().value());
            registration.put("careOffered", new TreeSet<>(l.careOffered()));
            registration.put("locationType", l.locationType());
            recordChange(e, l, "REGISTERED", l.registeredAt(), l.registeredBy(), registration);
            changes.locations.add(l.locationId().value());
        } else if (ev instanceof ThresholdsSet t) {
            jdbc.update("""
                            insert into threshold_history (event_id, location_id, organisation_id, set_at, thresholds)
                            values (?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                    e.eventId(), t.locationId().value(), t.organisationId().value(), Sql.ts(t.setAt()),
                    toJson(t.thresholds()));
            recordChange(e, t, "THRESHOLDS", t.setAt(), t.setBy(), Map.of("thresholds", t.thresholds()));
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
            recordChange(e, c, "CONTACTS", c.updatedAt(), c.updatedBy(), Map.of("regiehouderSeh", c.regiehouderSeh(),
                    "beddencoordinator", c.beddencoordinator()));
            changes.locations.add(c.locationId().value()); // the contacts are part of the regional picture
        } else if (ev instanceof OpeningHoursSet o) {
            jdbc.update("""
                            insert into opening_hours_history (event_id, location_id, organisation_id, care_kind,
                                                               periods, set_at)
                            values (?, ?, ?, ?, ?::jsonb, ?) on conflict (event_id) do nothing""",
                    e.eventId(), o.locationId().value(), o.organisationId().value(), o.careKind().name(),
                    toJson(o.periods()), Sql.ts(o.setAt()));
            recordChange(e, o, "OPENING_HOURS", o.setAt(), o.setBy(), Map.of("careKind", o.careKind(),
                    "periods", o.periods()));
            changes.locations.add(o.locationId().value());
        } else if (ev instanceof CareProfileSet p) {
            jdbc.update("update location set care_profile = ?::jsonb where location_id = ?", toJson(p.profile()),
                    p.locationId().value());
            recordChange(e, p, "CARE_PROFILE", p.setAt(), p.setBy(), p.profile());
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

    /**
     * One row of a location's change history (the profile page); the event id keeps it once. An event without its
     * instant (older registrations and contacts may lack it) is dated when it was projected.
     */
    private void recordChange(DecodedRecord.Event e, LocationEvent event, String kind, Instant at, Actor by,
                              Object details) {
        jdbc.update("""
                        insert into location_change (event_id, location_id, organisation_id, kind, changed_at,
                                                     changed_by_subject, changed_by_organisation, details)
                        values (?, ?, ?, ?, coalesce(?, clock_timestamp()), ?, ?, ?::jsonb)
                        on conflict (event_id) do nothing""",
                e.eventId(), event.locationId().value(), event.organisationId().value(), kind, Sql.ts(at),
                by == null ? null : by.subject(), by == null ? null : by.organisation(), toJson(details));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
