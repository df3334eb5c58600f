package nl.lpz.reporting.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.Projection;
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

    private static final String INSERT_PASSAGES = """
            insert into module_passage (event_id, module_id, definition_version, provider_kind, provider_id,
                                        organisation_id, unit_kind, unit_id, moments, started_at, day)
            select event_id, module_id, definition_version, provider_kind, provider_id, organisation_id, unit_kind,
                   unit_id, moments::jsonb, started_at, day
            from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::timestamptz[], ?::date[])
                with ordinality as u(event_id, module_id, definition_version, provider_kind, provider_id,
                                     organisation_id, unit_kind, unit_id, moments, started_at, day, ord)
            order by ord
            on conflict (event_id) do nothing""";

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
        int n = events.size();
        String[] eventId = new String[n];
        String[] moduleId = new String[n];
        Integer[] version = new Integer[n];
        String[] providerKind = new String[n];
        String[] providerId = new String[n];
        String[] organisationId = new String[n];
        String[] unitKind = new String[n];
        String[] unitId = new String[n];
        String[] moments = new String[n];
        String[] startedAt = new String[n];
        String[] day = new String[n];
        for (int i = 0; i < n; i++) {
            DecodedRecord.Event e = events.get(i);
            ModulePassageRecorded p = (ModulePassageRecorded) e.event();
            // the decoder refused passages without moments or with a moment without its instant
            Instant first = Collections.min(p.moments().values());
            eventId[i] = e.eventId();
            moduleId[i] = p.moduleId();
            version[i] = p.definitionVersion();
            providerKind[i] = p.providerKind();
            providerId[i] = p.providerId();
            organisationId[i] = p.organisationId().value();
            unitKind[i] = p.unitKind();
            unitId[i] = p.unitId();
            moments[i] = toJson(p.moments());
            startedAt[i] = first.toString();
            day[i] = LocalDate.ofInstant(first, ModuleComplianceQuery.ZONE).toString();
        }
        int inserted = jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT_PASSAGES)) {
                int p = 1;
                ps.setArray(p++, con.createArrayOf("text", eventId));
                ps.setArray(p++, con.createArrayOf("text", moduleId));
                ps.setArray(p++, con.createArrayOf("int4", version));
                ps.setArray(p++, con.createArrayOf("text", providerKind));
                ps.setArray(p++, con.createArrayOf("text", providerId));
                ps.setArray(p++, con.createArrayOf("text", organisationId));
                ps.setArray(p++, con.createArrayOf("text", unitKind));
                ps.setArray(p++, con.createArrayOf("text", unitId));
                ps.setArray(p++, con.createArrayOf("text", moments));
                ps.setArray(p++, con.createArrayOf("text", startedAt));
                ps.setArray(p, con.createArrayOf("text", day));
                return ps.executeUpdate();
            }
        });
        batch.projected(EVENT_TYPE, inserted);
        batch.duplicates(n - inserted);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
