package nl.lpz.reporting.stops;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.stops.AnnouncementEvent;
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
import nl.lpz.events.stops.StopOfLocation;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopsLapsed;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.EventProjection;
import nl.lpz.reporting.readmodel.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the events of {@code lpz.stops.v1} into the stop tables, inside the transaction of the batch that
 * the pipeline opened (after the capacity projection). Every event is first recorded in {@code stop_event}
 * (unique on its {@code lpz-event-id}); a duplicate changes nothing. Each applied change yields change-log rows ({@code stop} events
 * of the SSE stream) for the ROAZ region of the stop's location.
 */
@Component
@Order(2)
class StopProjector implements EventProjection {
    private static final Logger log = LoggerFactory.getLogger(StopProjector.class);

    private final JdbcTemplate jdbc;
    private final StopChanges changes;

    StopProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.changes = new StopChanges(jdbc);
    }

    @Override
    public boolean accepts(Object event) {
        return event instanceof StopEvent;
    }

    @Override
    public List<String> tables() {
        return List.of("stop_event", "stop", "stop_announcement", "stop_refusal", "stop_lapse");
    }

    /** Applies one stop event and its change-log rows; false when its event id was seen before (nothing changed). */
    @Override
    public boolean apply(DecodedRecord.Event record, Batch batch) {
        String eventId = record.eventId();
        StopEvent event = (StopEvent) record.event();
        int first = jdbc.update("""
                        insert into stop_event (event_id, event_type, safety_region_id, kind, stop_id, announcement_id,
                                                location_id, occurred_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                eventId, event.getClass().getSimpleName(), event.safetyRegionId().value(), event.kind().name(),
                StopEvents.stopIdOf(event), StopEvents.announcementIdOf(event), StopEvents.locationOf(event),
                Sql.ts(StopEvents.occurredAt(event)),
                new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8));
        if (first == 0) {
            return false;
        }
        if (event instanceof StopOfLocation s) {
            applyStop(s, eventId, batch);
        } else if (event instanceof AnnouncementEvent a) {
            applyAnnouncement(a, eventId, batch);
        } else if (event instanceof StopsLapsed l) {
            lapsed(l, eventId, batch);
        } else if (event instanceof StopRefused r) {
            refused(r, eventId, batch);
        } else {
            throw new IllegalArgumentException("unknown stop event " + event.getClass().getSimpleName());
        }
        return true;
    }

    private void applyStop(StopOfLocation event, String eventId, Batch batch) {
        if (event instanceof StopDeclared d) {
            jdbc.update("""
                            insert into stop (stop_id, safety_region_id, roaz_region_id, kind, location_id,
                                              organisation_id, stop_type, reason, mka_contacted, norm_time_minutes,
                                              expected_duration_minutes, started_at, expected_end, grace_until,
                                              announcement_id, declared_by_subject, declared_by_organisation,
                                              declared_event_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (stop_id) do nothing""",
                    d.stopId(), d.safetyRegionId().value(), roaz(d), d.kind().name(), d.locationId().value(),
                    d.organisationId().value(), d.type().name(), d.reason(), d.mkaContacted(), d.normTimeMinutes(),
                    d.expectedDurationMinutes(), Sql.ts(d.startedAt()), Sql.ts(d.expectedEnd()),
                    Sql.ts(d.graceUntil()), d.announcementId(), subject(d.declaredBy()), organisation(d.declaredBy()),
                    eventId);
            if (d.announcementId() != null) {
                jdbc.update("""
                                update stop_announcement set status = 'DECLARED', closed_at = ?, stop_id = ?
                                where announcement_id = ? and status = 'OPEN'""",
                        Sql.ts(d.startedAt()), d.stopId(), d.announcementId());
            }
            stopChanged(batch, d, roaz(d), "DECLARED", d.expectedEnd(), d.startedAt());
        } else if (event instanceof StopExtended x) {
            int n = jdbc.update("""
                            update stop set expected_end = ?, expected_duration_minutes = ?,
                                mka_contacted = mka_contacted or ?, extensions = extensions + 1,
                                last_extended_at = ?, last_extended_by_subject = ?, warned_at = null
                            where stop_id = ? and end_kind is null""",
                    Sql.ts(x.expectedEnd()), x.expectedDurationMinutes(), x.mkaContacted(), Sql.ts(x.extendedAt()),
                    subject(x.extendedBy()), x.stopId());
            unknownStop(n, x, x.stopId());
            stopChanged(batch, x, null, "EXTENDED", x.expectedEnd(), x.extendedAt());
        } else if (event instanceof StopEnded e) {
            int n = end(e.stopId(), "ENDED", e.endedAt(), e.endedAt(), e.reason(), e.endedBy(), null);
            unknownStop(n, e, e.stopId());
            stopChanged(batch, e, null, "ENDED", e.expectedEnd(), e.endedAt());
        } else if (event instanceof StopExpired e) {
            int n = end(e.stopId(), "EXPIRED", e.expiredAt(), e.recordedAt(), e.reason(), e.expiredBy(), null);
            unknownStop(n, e, e.stopId());
            stopChanged(batch, e, null, "EXPIRED", e.expiredAt(), e.expiredAt());
        } else if (event instanceof StopExpiryWarned w) {
            int n = jdbc.update("update stop set warned_at = ? where stop_id = ? and end_kind is null",
                    Sql.ts(w.warnedAt()), w.stopId());
            unknownStop(n, w, w.stopId());
            stopChanged(batch, w, null, "EXPIRY_WARNING", w.expectedEnd(), w.warnedAt());
        } else {
            throw new IllegalArgumentException("unknown stop event " + event.getClass().getSimpleName());
        }
    }

    private void applyAnnouncement(AnnouncementEvent event, String eventId, Batch batch) {
        if (event instanceof StopAnnounced a) {
            jdbc.update("""
                            insert into stop_announcement (announcement_id, safety_region_id, kind, location_id,
                                                           organisation_id, planned_start, planned_end, reason,
                                                           announced_at, announced_by_subject,
                                                           announced_by_organisation, status, event_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                            on conflict (announcement_id) do nothing""",
                    a.announcementId(), a.safetyRegionId().value(), a.kind().name(), a.locationId().value(),
                    a.organisationId().value(), Sql.ts(a.plannedStart()), Sql.ts(a.plannedEnd()), a.reason(),
                    Sql.ts(a.announcedAt()), subject(a.announcedBy()), organisation(a.announcedBy()), eventId);
            announcementChanged(batch, a, "ANNOUNCED", a.plannedEnd(), a.announcedAt());
        } else if (event instanceof StopAnnouncementLapsed a) {
            jdbc.update("""
                            update stop_announcement set status = 'LAPSED', closed_at = ?
                            where announcement_id = ? and status = 'OPEN'""",
                    Sql.ts(a.lapsedAt()), a.announcementId());
            announcementChanged(batch, a, "ANNOUNCEMENT_LAPSED", a.plannedEnd(), a.lapsedAt());
        } else if (event instanceof PlannedStopReminder p) {
            // for the announcing hospital only: recorded, not part of the regional stream
            jdbc.update("update stop_announcement set reminded_at = ? where announcement_id = ?",
                    Sql.ts(p.remindedAt()), p.announcementId());
        } else {
            throw new IllegalArgumentException("unknown stop event " + event.getClass().getSimpleName());
        }
    }

    private void lapsed(StopsLapsed l, String eventId, Batch batch) {
        String vr = l.safetyRegionId().value();
        String kind = l.kind().name();
        jdbc.update("""
                        insert into stop_lapse (event_id, safety_region_id, kind, cause, reason, lapsed_at,
                                                lapsed_by_subject, stops)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                eventId, vr, kind, l.cause() == null ? "UNKNOWN" : l.cause().name(), l.reason(),
                Sql.ts(l.lapsedAt()), subject(l.lapsedBy()), l.stops().size());
        for (LapsedStop s : l.stops()) {
            int n = end(s.stopId(), "LAPSED", l.lapsedAt(), l.lapsedAt(), l.reason(), l.lapsedBy(),
                    l.cause() == null ? null : l.cause().name());
            unknownStop(n, l, s.stopId());
            changes.change(batch, vr, kind, s.locationId().value(), s.organisationId().value(), null, "LAPSED",
                    s.stopId(), null, s.expectedEnd(), l.lapsedAt());
        }
    }

    private void refused(StopRefused r, String eventId, Batch batch) {
        String vr = r.safetyRegionId().value();
        String kind = r.kind().name();
        jdbc.update("""
                        insert into stop_refusal (event_id, safety_region_id, kind, location_id, organisation_id,
                                                  stop_type, expected_duration_minutes, code, reason, refused_at,
                                                  requested_by_subject, requested_by_organisation)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                eventId, vr, kind, r.locationId().value(), r.organisationId().value(),
                r.type() == null ? null : r.type().name(), r.expectedDurationMinutes(), r.code(), r.reason(),
                Sql.ts(r.refusedAt()), subject(r.requestedBy()), organisation(r.requestedBy()));
        changes.change(batch, vr, kind, r.locationId().value(), r.organisationId().value(), null, "REFUSED", null,
                null, null, r.refusedAt());
    }

    private void stopChanged(Batch batch, StopOfLocation s, String declaredRoaz, String change, Instant expectedEnd,
                             Instant changedAt) {
        changes.change(batch, s.safetyRegionId().value(), s.kind().name(), s.locationId().value(),
                s.organisationId().value(), declaredRoaz, change, s.stopId(), null, expectedEnd, changedAt);
    }

    private void announcementChanged(Batch batch, AnnouncementEvent a, String change, Instant plannedEnd,
                                     Instant changedAt) {
        changes.change(batch, a.safetyRegionId().value(), a.kind().name(), a.locationId().value(),
                a.organisationId().value(), null, change, null, a.announcementId(), plannedEnd, changedAt);
    }

    private static String roaz(StopDeclared d) {
        return d.roazRegionId() == null ? null : d.roazRegionId().value();
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

    private static void unknownStop(int updated, StopEvent event, String stopId) {
        if (updated == 0) {
            log.info("{} of stop {}: no active stop with that id in the read model (already ended or not declared)",
                    event.getClass().getSimpleName(), stopId);
        }
    }

    private static String subject(Actor a) {
        return a == null ? null : a.subject();
    }

    private static String organisation(Actor a) {
        return a == null ? null : a.organisation();
    }
}
