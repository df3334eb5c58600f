package nl.lpz.reporting.refusals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.Projection;
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

    private static final String INSERT_REFUSALS = """
            insert into birth_refusal (event_id, source_event_id, practice_id, midwife_region_id, refused_location_id,
                                       occurred_at, day, reason, taken_by_location_id, recorded_at)
            select event_id, source_event_id, practice_id, midwife_region_id, refused_location_id, occurred_at, day,
                   reason, taken_by_location_id, recorded_at
            from unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::text[],
                        ?::text[], ?::timestamptz[])
                with ordinality as u(event_id, source_event_id, practice_id, midwife_region_id, refused_location_id,
                                     occurred_at, day, reason, taken_by_location_id, recorded_at, ord)
            order by ord
            on conflict (event_id) do nothing""";

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
        int n = events.size();
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            DecodedRecord.Event e = events.get(i);
            BirthRefusalRecorded r = (BirthRefusalRecorded) e.event();
            columns[0][i] = e.eventId();
            columns[1][i] = r.sourceEventId().toString();
            columns[2][i] = r.practiceId().value();
            columns[3][i] = r.midwifeRegionId().value();
            columns[4][i] = r.refusedLocationId().value();
            columns[5][i] = r.occurredAt().toString();
            columns[6][i] = LocalDate.ofInstant(r.occurredAt(), ReportMoments.ZONE).toString();
            columns[7][i] = r.reason().name();
            columns[8][i] = r.takenByLocationId() == null ? null : r.takenByLocationId().value();
            columns[9][i] = r.recordedAt().toString();
        }
        int inserted = jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT_REFUSALS)) {
                for (int c = 0; c < columns.length; c++) {
                    ps.setArray(c + 1, con.createArrayOf("text", columns[c]));
                }
                return ps.executeUpdate();
            }
        });
        batch.projected(EVENT_TYPE, inserted);
        batch.duplicates(n - inserted);
    }
}
