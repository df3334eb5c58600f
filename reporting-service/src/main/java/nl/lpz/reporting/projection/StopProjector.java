package nl.lpz.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.stops.LapsedStop;
import nl.lpz.events.stops.PlannedStopReminder;
import nl.lpz.events.stops.StopAnnounced;
import nl.lpz.events.stops.StopAnnouncementLapsed;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopEnded;
import nl.lpz.events.stops.StopEvent;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopsLapsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the events of {@code lpz.stops.v1} into the stop tables, inside the transaction of the batch that
 * {@link RegionalCapacityProjector} opened. Every event is first recorded in {@code stop_event} (unique on its
 * {@code lpz-event-id}); a duplicate changes nothing. Each applied change yields change-log rows ({@code stop} events
 * of the SSE stream) for the ROAZ region of the stop's location.
 */
@Component
public class StopProjector {
    private static final Logger log = LoggerFactory.getLogger(StopProjector.class);
    public static final String CHANGE_KIND_STOP = "stop";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    public StopProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row for {@code region_change}. */
    record ChangeRow(String roazRegionId, String locationId, String organisationId, String payload) {
    }

    /**
     * Applies one stop event; false when its event id was seen before (nothing changed).
     *
     * @param changes receives the change-log rows of the event
     */
    boolean apply(String eventId, StopEvent event, List<ChangeRow> changes) {
        int first = jdbc.update("""
                        insert into stop_event (event_id, event_type, safety_region_id, kind, stop_id, announcement_id,
                                                location_id, occurred_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                eventId, event.getClass().getSimpleName(), event.safetyRegionId().value(), event.kind().name(),
                stopIdOf(event), announcementIdOf(event), locationOf(event), Sql.ts(occurredAt(event)),
                new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8));
        if (first == 0) {
            return false;
        }
        String vr = event.safetyRegionId().value();
        String kind = event.kind().name();
        if (event instanceof StopDeclared d) {
            jdbc.update("""
                            insert into stop (stop_id, safety_region_id, roaz_region_id, kind, location_id,
                                              organisation_id, stop_type, reason, mka_contacted, norm_time_minutes,
                                              expected_duration_minutes, started_at, expected_end, grace_until,
                                              announcement_id, declared_by_subject, declared_by_organisation,
                                              declared_event_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (stop_id) do nothing""",
                    d.stopId(), vr, d.roazRegionId() == null ? null : d.roazRegionId().value(), kind,
                    d.locationId().value(), d.organisationId().value(), d.type().name(), d.reason(),
                    d.mkaContacted(), d.normTimeMinutes(), d.expectedDurationMinutes(), Sql.ts(d.startedAt()),
                    Sql.ts(d.expectedEnd()), Sql.ts(d.graceUntil()), d.announcementId(), subject(d.declaredBy()),
                    organisation(d.declaredBy()), eventId);
            if (d.announcementId() != null) {
                jdbc.update("""
                                update stop_announcement set status = 'DECLARED', closed_at = ?, stop_id = ?
                                where announcement_id = ? and status = 'OPEN'""",
                        Sql.ts(d.startedAt()), d.stopId(), d.announcementId());
            }
            change(changes, vr, kind, d.locationId().value(), d.organisationId().value(),
                    d.roazRegionId() == null ? null : d.roazRegionId().value(), "DECLARED", d.stopId(), null,
                    d.expectedEnd(), d.startedAt());
        } else if (event instanceof StopExtended x) {
            int n = jdbc.update("""
                            update stop set expected_end = ?, expected_duration_minutes = ?,
                                mka_contacted = mka_contacted or ?, extensions = extensions + 1,
                                last_extended_at = ?, last_extended_by_subject = ?, warned_at = null
                            where stop_id = ? and end_kind is null""",
                    Sql.ts(x.expectedEnd()), x.expectedDurationMinutes(), x.mkaContacted(), Sql.ts(x.extendedAt()),
                    subject(x.extendedBy()), x.stopId());
            unknownStop(n, event);
            change(changes, vr, kind, x.locationId().value(), x.organisationId().value(), null, "EXTENDED",
                    x.stopId(), null, x.expectedEnd(), x.extendedAt());
        } else if (event instanceof StopEnded e) {
            int n = end(e.stopId(), "ENDED", e.endedAt(), e.endedAt(), e.reason(), e.endedBy(), null);
            unknownStop(n, event);
            change(changes, vr, kind, e.locationId().value(), e.organisationId().value(), null, "ENDED", e.stopId(),
                    null, e.expectedEnd(), e.endedAt());
        } else if (event instanceof StopExpired e) {
            int n = end(e.stopId(), "EXPIRED", e.expiredAt(), e.recordedAt(), e.reason(), e.expiredBy(), null);
            unknownStop(n, event);
            change(changes, vr, kind, e.locationId().value(), e.organisationId().value(), null, "EXPIRED",
                    e.stopId(), null, e.expiredAt(), e.expiredAt());
        } else if (event instanceof StopExpiryWarned w) {
            int n = jdbc.update("update stop set warned_at = ? where stop_id = ? and end_kind is null",
                    Sql.ts(w.warnedAt()), w.stopId());
            unknownStop(n, event);
            change(changes, vr, kind, w.locationId().value(), w.organisationId().value(), null, "EXPIRY_WARNING",
                    w.stopId(), null, w.expectedEnd(), w.warnedAt());
        } else if (event instanceof StopsLapsed l) {
            jdbc.update("""
                            insert into stop_lapse (event_id, safety_region_id, kind, cause, reason, lapsed_at,
                                                    lapsed_by_subject, stops)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    eventId, vr, kind, l.cause() == null ? "UNKNOWN" : l.cause().name(), l.reason(),
                    Sql.ts(l.lapsedAt()), subject(l.lapsedBy()), l.stops().size());
            for (LapsedStop s : l.stops()) {
                int n = end(s.stopId(), "LAPSED", l.lapsedAt(), l.lapsedAt(), l.reason(), l.lapsedBy(),
                        l.cause() == null ? null : l.cause().name());
                unknownStop(n, event);
                change(changes, vr, kind, s.locationId().value(), s.organisationId().value(), null, "LAPSED",
                        s.stopId(), null, s.expectedEnd(), l.lapsedAt());
            }
        } else if (event instanceof StopRefused r) {
            jdbc.update("""
                            insert into stop_refusal (event_id, safety_region_id, kind, location_id, organisation_id,
                                                      stop_type, expected_duration_minutes, code, reason, refused_at,
                                                      requested_by_subject, requested_by_organisation)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    eventId, vr, kind, r.locationId().value(), r.organisationId().value(),
                    r.type() == null ? null : r.type().name(), r.expectedDurationMinutes(), r.code(), r.reason(),
                    Sql.ts(r.refusedAt()), subject(r.requestedBy()), organisation(r.requestedBy()));
            change(changes, vr, kind, r.locationId().value(), r.organisationId().value(), null, "REFUSED", null,
                    null, null, r.refusedAt());
        } else if (event instanceof StopAnnounced a) {
            jdbc.update("""
                            insert into stop_announcement (announcement_id, safety_region_id, kind, location_id,
                                                           organisation_id, planned_start, planned_end, reason,
                                                           announced_at, announced_by_subject,
                                                           announced_by_organisation, status, event_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                            on conflict (announcement_id) do nothing""",
                    a.announcementId(), vr, kind, a.locationId().value(), a.organisationId().value(),
                    Sql.ts(a.plannedStart()), Sql.ts(a.plannedEnd()), a.reason(), Sql.ts(a.announcedAt()),
                    subject(a.announcedBy()), organisation(a.announcedBy()), eventId);
            change(changes, vr, kind, a.locationId().value(), a.organisationId().value(), null, "ANNOUNCED", null,
                    a.announcementId(), a.plannedEnd(), a.announcedAt());
        } else if (event instanceof StopAnnouncementLapsed a) {
            jdbc.update("""
                            update stop_announcement set status = 'LAPSED', closed_at = ?
                            where announcement_id = ? and status = 'OPEN'""",
                    Sql.ts(a.lapsedAt()), a.announcementId());
            change(changes, vr, kind, a.locationId().value(), a.organisationId().value(), null,
                    "ANNOUNCEMENT_LAPSED", null, a.announcementId(), a.plannedEnd(), a.lapsedAt());
        } else if (event instanceof PlannedStopReminder p) {
            // for the announcing hospital only: recorded, not part of the regional stream
            jdbc.update("update stop_announcement set reminded_at = ? where announcement_id = ?",
                    Sql.ts(p.remindedAt()), p.announcementId());
        }
        return true;
    }

    /** Ends an active stop; an end that arrives for an already ended stop changes nothing. */
    private int end(String stopId, String endKind, Instant endedAt, Instant recordedAt, String reason, Actor by,
                    String lapseCause) {
        return jdbc.update("""
                        update stop set end_kind = ?, ended_at = ?, end_recorded_at = ?, end_reason = ?,
                            ended_by_subject = ?, ended_by_organisation = ?, lapse_cause = ?
                        where stop_id = ? and end_kind is null""",
                endKind, Sql.ts(endedAt), Sql.ts(recordedAt), reason, subject(by), organisation(by), lapseCause,
                stopId);
    }

    private static void unknownStop(int updated, StopEvent event) {
        if (updated == 0) {
            log.info("{} of stop {}: no active stop with that id in the read model (already ended or not declared)",
                    event.getClass().getSimpleName(), stopIdOf(event));
        }
    }

    /**
     * The {@code stop} change of the regional stream, for the ROAZ region of the location (as registered; else as
     * declared; else every ROAZ region with a location in the VR). Nothing when no region is known.
     */
    private void change(List<ChangeRow> changes, String vr, String kind, String locationId, String organisationId,
                        String declaredRoaz, String change, String stopId, String announcementId, Instant expectedEnd,
                        Instant changedAt) {
        List<String> regions = jdbc.queryForList("select roaz_region_id from location where location_id = ?",
                String.class, locationId);
        if (regions.isEmpty() && declaredRoaz == null && stopId != null) {
            declaredRoaz = jdbc.query("select roaz_region_id from stop where stop_id = ?",
                    rs -> rs.next() ? rs.getString(1) : null, stopId);
        }
        if (regions.isEmpty() && declaredRoaz != null) {
            regions = List.of(declaredRoaz);
        }
        if (regions.isEmpty()) {
            regions = jdbc.queryForList("""
                    select distinct roaz_region_id from location where safety_region_id = ?
                    order by roaz_region_id""", String.class, vr);
        }
        if (regions.isEmpty()) {
            log.debug("stop change of {} in {}: no ROAZ region known, not streamed", locationId, vr);
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stopId", stopId);
        if (announcementId != null) {
            payload.put("announcementId", announcementId);
        }
        payload.put("safetyRegionId", vr);
        payload.put("locationId", locationId);
        payload.put("kind", kind);
        payload.put("change", change);
        payload.put("expectedEnd", expectedEnd == null ? null : expectedEnd.toString());
        payload.put("changedAt", changedAt == null ? null : changedAt.toString());
        String text;
        try {
            text = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        for (String region : new ArrayList<>(regions)) {
            changes.add(new ChangeRow(region, locationId, organisationId, text));
        }
    }

    private static String stopIdOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.stopId();
        } else if (e instanceof StopExtended x) {
            return x.stopId();
        } else if (e instanceof StopEnded x) {
            return x.stopId();
        } else if (e instanceof StopExpired x) {
            return x.stopId();
        } else if (e instanceof StopExpiryWarned x) {
            return x.stopId();
        }
        return null;
    }

    private static String announcementIdOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.announcementId();
        } else if (e instanceof StopAnnounced a) {
            return a.announcementId();
        } else if (e instanceof StopAnnouncementLapsed a) {
            return a.announcementId();
        } else if (e instanceof PlannedStopReminder p) {
            return p.announcementId();
        }
        return null;
    }

    private static String locationOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.locationId().value();
        } else if (e instanceof StopExtended x) {
            return x.locationId().value();
        } else if (e instanceof StopEnded x) {
            return x.locationId().value();
        } else if (e instanceof StopExpired x) {
            return x.locationId().value();
        } else if (e instanceof StopExpiryWarned x) {
            return x.locationId().value();
        } else if (e instanceof StopRefused x) {
            return x.locationId().value();
        } else if (e instanceof StopAnnounced x) {
            return x.locationId().value();
        } else if (e instanceof StopAnnouncementLapsed x) {
            return x.locationId().value();
        } else if (e instanceof PlannedStopReminder x) {
            return x.locationId().value();
        }
        return null;
    }

    /** When the event happened (its business time). */
    static Instant occurredAt(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.startedAt();
        } else if (e instanceof StopExtended x) {
            return x.extendedAt();
        } else if (e instanceof StopEnded x) {
            return x.endedAt();
        } else if (e instanceof StopExpired x) {
            return x.expiredAt();
        } else if (e instanceof StopExpiryWarned x) {
            return x.warnedAt();
        } else if (e instanceof StopsLapsed x) {
            return x.lapsedAt();
        } else if (e instanceof StopRefused x) {
            return x.refusedAt();
        } else if (e instanceof StopAnnounced x) {
            return x.announcedAt();
        } else if (e instanceof StopAnnouncementLapsed x) {
            return x.lapsedAt();
        } else if (e instanceof PlannedStopReminder x) {
            return x.remindedAt();
        }
        throw new IllegalArgumentException("unknown stop event " + e.getClass().getSimpleName());
    }

    private static String subject(Actor a) {
        return a == null ? null : a.subject();
    }

    private static String organisation(Actor a) {
        return a == null ? null : a.organisation();
    }
}
