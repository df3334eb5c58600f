package nl.lpz.reporting.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.Projection;
import nl.lpz.reporting.pipeline.UnnestColumns;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lead-time read model's part of a batch: every {@link ModulePassageRecorded} of the poll into
 * {@code module_passage} in one statement, idempotent by its primary key {@code event_id} (the Kafka
 * {@code lpz-event-id}). Stores the moments as carried, with the passage's first moment and the day it is counted on
 * (that moment's date in Europe/Amsterdam); like {@link ModuleProjection} it reads no definition, so a replay stores
 * the same rows whatever the catalogue holds. Passages change no unit's figures and are not streamed.
 */
@Component
@Order(4)
class ModulePassageProjection implements Projection {
    static final String EVENT_TYPE = ModulePassageRecorded.class.getSimpleName();

    /** One passage as the table holds it: its moments as JSON, and the day and instant of its first moment. */
    private record PassageRow(String eventId, ModulePassageRecorded passage, String moments, Instant startedAt) {
    }

    private static final UnnestColumns<PassageRow> COLUMNS = UnnestColumns.of(PassageRow.class)
            .text(PassageRow::eventId)
            .text(r -> r.passage().moduleId())
            .integer(r -> r.passage().definitionVersion())
            .text(r -> r.passage().providerKind())
            .text(r -> r.passage().providerId())
            .text(r -> r.passage().organisationId().value())
            .text(r -> r.passage().unitKind())
            .text(r -> r.passage().unitId())
            .text(PassageRow::moments)
            .timestamp(PassageRow::startedAt)
            .date(r -> LocalDate.ofInstant(r.startedAt(), ModuleComplianceQuery.ZONE));

    private static final String INSERT_PASSAGES = """
            insert into module_passage (event_id, module_id, definition_version, provider_kind, provider_id,
                                        organisation_id, unit_kind, unit_id, moments, started_at, day)
            select event_id, module_id, definition_version, provider_kind, provider_id, organisation_id, unit_kind,
                   unit_id, moments::jsonb, started_at, day
            from unnest(%s)
                with ordinality as u(event_id, module_id, definition_version, provider_kind, provider_id,
                                     organisation_id, unit_kind, unit_id, moments, started_at, day, ord)
            order by ord
            on conflict (event_id) do nothing""".formatted(COLUMNS.parameters());

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    ModulePassageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean accepts(Object event) {
        return event instanceof ModulePassageRecorded;
    }

    @Override
    public List<String> tables() {
        return List.of("module_passage");
    }

    @Override
    public void apply(List<DecodedRecord.Event> events, Batch batch) {
        // the decoder refused passages without moments or with a moment without its instant
        List<PassageRow> rows = events.stream().map(e -> {
            ModulePassageRecorded p = (ModulePassageRecorded) e.event();
            return new PassageRow(e.eventId(), p, toJson(p.moments()), Collections.min(p.moments().values()));
        }).toList();
        int inserted = COLUMNS.update(jdbc, INSERT_PASSAGES, rows);
        batch.projected(EVENT_TYPE, inserted);
        batch.duplicates(rows.size() - inserted);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
