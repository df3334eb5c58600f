package nl.lpz.reporting.refusals;

import java.time.LocalDate;
import java.util.List;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.Projection;
import nl.lpz.reporting.pipeline.UnnestColumns;
import nl.lpz.reporting.readmodel.ReportMoments;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The refusals read model's part of a batch: every {@link BirthRefusalRecorded} of the poll into
 * {@code birth_refusal} in one statement, idempotent by its primary key {@code event_id} (the Kafka
 * {@code lpz-event-id}), with the day it is counted on (its {@code occurredAt}'s date in Europe/Amsterdam). Refusals
 * change no regional picture and are not streamed.
 */
@Component
@Order(5)
class BirthRefusalProjection implements Projection {
    static final String EVENT_TYPE = BirthRefusalRecorded.class.getSimpleName();

    private record RefusalRow(String eventId, BirthRefusalRecorded refusal) {
    }

    private static final UnnestColumns<RefusalRow> COLUMNS = UnnestColumns.of(RefusalRow.class)
            .text(RefusalRow::eventId)
            .uuid(r -> r.refusal().sourceEventId())
            .text(r -> r.refusal().practiceId().value())
            .text(r -> r.refusal().midwifeRegionId().value())
            .text(r -> r.refusal().refusedLocationId().value())
            .timestamp(r -> r.refusal().occurredAt())
            .date(r -> LocalDate.ofInstant(r.refusal().occurredAt(), ReportMoments.ZONE))
            .text(r -> r.refusal().reason().name())
            .text(r -> r.refusal().takenByLocationId() == null ? null : r.refusal().takenByLocationId().value())
            .timestamp(r -> r.refusal().recordedAt());

    private static final String INSERT_REFUSALS = """
            insert into birth_refusal (event_id, source_event_id, practice_id, midwife_region_id, refused_location_id,
                                       occurred_at, day, reason, taken_by_location_id, recorded_at)
            select event_id, source_event_id, practice_id, midwife_region_id, refused_location_id, occurred_at, day,
                   reason, taken_by_location_id, recorded_at
            from unnest(%s)
                with ordinality as u(event_id, source_event_id, practice_id, midwife_region_id, refused_location_id,
                                     occurred_at, day, reason, taken_by_location_id, recorded_at, ord)
            order by ord
            on conflict (event_id) do nothing""".formatted(COLUMNS.parameters());

    private final JdbcTemplate jdbc;

    BirthRefusalProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean accepts(Object event) {
        return event instanceof BirthRefusalRecorded;
    }

    @Override
    public List<String> tables() {
        return List.of("birth_refusal");
    }

    @Override
    public void apply(List<DecodedRecord.Event> events, Batch batch) {
        List<RefusalRow> rows = events.stream()
                .map(e -> new RefusalRow(e.eventId(), (BirthRefusalRecorded) e.event())).toList();
        int inserted = COLUMNS.update(jdbc, INSERT_REFUSALS, rows);
        batch.projected(EVENT_TYPE, inserted);
        batch.duplicates(rows.size() - inserted);
    }
}
