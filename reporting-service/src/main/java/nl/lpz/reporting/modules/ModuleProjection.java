package nl.lpz.reporting.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.ModuleEvent;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import nl.lpz.modules.ProviderKind;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.ChangeLogEntry;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.Projection;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The module read model's part of a batch: every {@link ModuleFiguresReported} and {@link ModuleUnitRemoved} of the
 * poll into {@code module_history} and {@code module_current} in one statement, idempotent by the unique
 * {@code module_history.event_id} (the Kafka {@code lpz-event-id}), then one {@code module} change-log row per unit
 * that changed. Knows no module: the figures are stored as the event carries them, with their definition version, and
 * read with that version when asked, so the projection never depends on which definitions this instance has loaded
 * and a replay stores the same rows. Runs after the capacity projection, so that a location registered in the same
 * batch gives its unit's change a region.
 */
@Component
@Order(3)
class ModuleProjection implements Projection {
    static final String CHANGE_KIND_MODULE = "module";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.mapper();

    ModuleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean accepts(Object event) {
        // a passage (lead times) is no figure of its unit: ModulePassageProjection stores it
        return event instanceof ModuleFiguresReported || event instanceof ModuleUnitRemoved;
    }

    @Override
    public List<String> tables() {
        return List.of("module_history", "module_current");
    }

    /**
     * The history rows are inserted in record order (duplicates by event id skipped); of the rows actually inserted
     * the newest per unit is upserted into {@code module_current} unless the unit already holds a newer report, so a
     * stale, back-filled report stays in the history only. Ties on {@code occurred_at} go to the later arrival.
     */
    private static final String PROJECT_UNITS = """
            with input as (
                select * from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::boolean[], ?::boolean[],
                                     ?::text[], ?::uuid[])
                    with ordinality as u(event_id, module_id, definition_version, provider_kind, provider_id,
                                         organisation_id, unit_kind, unit_id, figure_values, figure_statuses,
                                         occurred_at, removed, stale, source, source_event_id, ord)
            ), inserted as (
                insert into module_history (event_id, module_id, definition_version, provider_kind, provider_id,
                                            organisation_id, unit_kind, unit_id, figure_values, figure_statuses,
                                            occurred_at, removed, stale, source, source_event_id)
                select event_id, module_id, definition_version, provider_kind, provider_id, organisation_id, unit_kind,
                       unit_id, figure_values::jsonb, figure_statuses::jsonb, occurred_at, removed, stale, source,
                       source_event_id
                from input order by ord
                on conflict (event_id) do nothing
                returning id, event_id, module_id, definition_version, provider_kind, provider_id, organisation_id,
                          unit_kind, unit_id, figure_values, figure_statuses, occurred_at, removed
            ), current_state as (
                insert into module_current (module_id, provider_kind, provider_id, unit_kind, unit_id,
                                            organisation_id, definition_version, figure_values, figure_statuses,
                                            occurred_at, removed, event_id)
                select distinct on (module_id, provider_kind, provider_id, unit_kind, unit_id)
                       module_id, provider_kind, provider_id, unit_kind, unit_id, organisation_id, definition_version,
                       figure_values, figure_statuses, occurred_at, removed, event_id
                from inserted
                order by module_id, provider_kind, provider_id, unit_kind, unit_id, occurred_at desc, id desc
                on conflict (module_id, provider_kind, provider_id, unit_kind, unit_id) do update set
                    organisation_id = excluded.organisation_id, definition_version = excluded.definition_version,
                    figure_values = excluded.figure_values, figure_statuses = excluded.figure_statuses,
                    occurred_at = excluded.occurred_at, removed = excluded.removed, event_id = excluded.event_id
                where module_current.occurred_at <= excluded.occurred_at
            )
            select id, module_id, provider_kind, provider_id, organisation_id, unit_kind, unit_id, occurred_at, removed
            from inserted order by id""";

    /** A unit whose figures a batch changed, for its change-log row. */
    private record ChangedUnit(String moduleId, String providerKind, String providerId, String organisationId,
                               String unitKind, String unitId, Instant occurredAt, boolean removed) {
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
        String[] values = new String[n];
        String[] statuses = new String[n];
        String[] occurredAt = new String[n];
        Boolean[] removed = new Boolean[n];
        Boolean[] stale = new Boolean[n];
        String[] source = new String[n];
        UUID[] sourceEventId = new UUID[n];
        for (int i = 0; i < n; i++) {
            DecodedRecord.Event e = events.get(i);
            ModuleEvent m = (ModuleEvent) e.event();
            eventId[i] = e.eventId();
            moduleId[i] = m.moduleId();
            version[i] = m.definitionVersion();
            providerKind[i] = m.providerKind();
            providerId[i] = m.providerId();
            organisationId[i] = m.organisationId().value();
            unitKind[i] = m.unitKind();
            unitId[i] = m.unitId();
            if (m instanceof ModuleFiguresReported f) {
                values[i] = toJson(f.values());
                statuses[i] = toJson(f.statuses());
                occurredAt[i] = f.occurredAt().toString();
                removed[i] = false;
                stale[i] = f.stale();
                source[i] = f.source() == null ? null : f.source().name();
                sourceEventId[i] = f.sourceEventId();
            } else {
                ModuleUnitRemoved r = (ModuleUnitRemoved) m;
                values[i] = "{}";
                statuses[i] = "{}";
                occurredAt[i] = r.occurredAt().toString();
                removed[i] = true;
                stale[i] = false;
            }
        }
        Map<List<String>, ChangedUnit> changed = new LinkedHashMap<>();
        int[] fresh = {0};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(PROJECT_UNITS);
            int p = 1;
            ps.setArray(p++, con.createArrayOf("text", eventId));
            ps.setArray(p++, con.createArrayOf("text", moduleId));
            ps.setArray(p++, con.createArrayOf("int4", version));
            ps.setArray(p++, con.createArrayOf("text", providerKind));
            ps.setArray(p++, con.createArrayOf("text", providerId));
            ps.setArray(p++, con.createArrayOf("text", organisationId));
            ps.setArray(p++, con.createArrayOf("text", unitKind));
            ps.setArray(p++, con.createArrayOf("text", unitId));
            ps.setArray(p++, con.createArrayOf("text", values));
            ps.setArray(p++, con.createArrayOf("text", statuses));
            ps.setArray(p++, con.createArrayOf("text", occurredAt));
            ps.setArray(p++, con.createArrayOf("bool", removed));
            ps.setArray(p++, con.createArrayOf("bool", stale));
            ps.setArray(p++, con.createArrayOf("text", source));
            ps.setArray(p, con.createArrayOf("uuid", sourceEventId));
            return ps;
        }, rs -> {
            fresh[0]++;
            boolean isRemoval = rs.getBoolean("removed");
            batch.projected(isRemoval ? "ModuleUnitRemoved" : "ModuleFiguresReported", 1);
            ChangedUnit unit = new ChangedUnit(rs.getString("module_id"), rs.getString("provider_kind"),
                    rs.getString("provider_id"), rs.getString("organisation_id"), rs.getString("unit_kind"),
                    rs.getString("unit_id"), Sql.instant(rs, "occurred_at"), isRemoval);
            // rows come in arrival order: the last one of a unit is the one its stream event describes
            changed.put(List.of(unit.moduleId(), unit.providerKind(), unit.providerId(), unit.unitKind(),
                    unit.unitId()), unit);
        });
        batch.duplicates(n - fresh[0]);
        changes(changed.values()).forEach(batch::changed);
    }

    /**
     * One {@code module} row per changed unit, for the ROAZ region of its provider (a hospital location, as
     * registered). Units of providers without a known region are not streamed: no region's picture shows them.
     */
    private List<ChangeLogEntry> changes(Collection<ChangedUnit> units) {
        List<ChangeLogEntry> rows = new ArrayList<>();
        Set<String> locations = new TreeSet<>();
        for (ChangedUnit u : units) {
            if (ProviderKind.HOSPITAL_LOCATION.name().equals(u.providerKind())) {
                locations.add(u.providerId());
            }
        }
        if (locations.isEmpty()) {
            return rows;
        }
        Map<String, String> regionOf = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select location_id, roaz_region_id from location where location_id = any(?)");
            ps.setArray(1, Sql.textArray(con, locations));
            return ps;
        }, rs -> {
            regionOf.put(rs.getString(1), rs.getString(2));
        });
        Instant changedAt = Instant.now();
        for (ChangedUnit u : units) {
            String region = ProviderKind.HOSPITAL_LOCATION.name().equals(u.providerKind())
                    ? regionOf.get(u.providerId()) : null;
            if (region == null) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("moduleId", u.moduleId());
            payload.put("providerId", u.providerId());
            payload.put("unitKind", u.unitKind());
            payload.put("unitId", u.unitId());
            payload.put("removed", u.removed());
            payload.put("occurredAt", u.occurredAt().toString());
            payload.put("changedAt", changedAt.toString());
            // figures are not in the row: a subscriber reads them through the module endpoint and its reader rules
            rows.add(new ChangeLogEntry(region, u.providerId(), u.organisationId(), null, CHANGE_KIND_MODULE,
                    toJson(payload)));
        }
        return rows;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
