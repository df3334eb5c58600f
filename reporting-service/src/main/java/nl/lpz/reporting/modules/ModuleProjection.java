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
import nl.lpz.reporting.pipeline.UnnestColumns;
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

    /** One module event as the history holds it: a removal has no figures. */
    private record UnitRow(String eventId, ModuleEvent event, String values, String statuses, Instant occurredAt,
                           boolean removed, boolean stale, String source, UUID sourceEventId) {
    }

    private static final UnnestColumns<UnitRow> COLUMNS = UnnestColumns.of(UnitRow.class)
            .text(UnitRow::eventId)
            .text(r -> r.event().moduleId())
            .integer(r -> r.event().definitionVersion())
            .text(r -> r.event().providerKind())
            .text(r -> r.event().providerId())
            .text(r -> r.event().organisationId().value())
            .text(r -> r.event().unitKind())
            .text(r -> r.event().unitId())
            .text(UnitRow::values)
            .text(UnitRow::statuses)
            .timestamp(UnitRow::occurredAt)
            .bool(UnitRow::removed)
            .bool(UnitRow::stale)
            .text(UnitRow::source)
            .uuid(UnitRow::sourceEventId);

    /**
     * The history rows are inserted in record order (duplicates by event id skipped); of the rows actually inserted
     * the newest per unit is upserted into {@code module_current} unless the unit already holds a newer report, so a
     * stale, back-filled report stays in the history only. Ties on {@code occurred_at} go to the later arrival.
     */
    private static final String PROJECT_UNITS = """
            with input as (
                select * from unnest(%s)
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
            from inserted order by id""".formatted(COLUMNS.parameters());

    /** A unit whose figures a batch changed, for its change-log row. */
    private record ChangedUnit(String moduleId, String providerKind, String providerId, String organisationId,
                               String unitKind, String unitId, Instant occurredAt, boolean removed) {
    }

    @Override
    public void apply(List<DecodedRecord.Event> events, Batch batch) {
        List<UnitRow> rows = events.stream().map(this::row).toList();
        Map<List<String>, ChangedUnit> changed = new LinkedHashMap<>();
        int[] fresh = {0};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(PROJECT_UNITS);
            COLUMNS.bind(con, ps, 1, rows);
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
        batch.duplicates(rows.size() - fresh[0]);
        if (!changed.isEmpty()) {
            batch.changes(() -> changes(changed.values()));
        }
    }

    private UnitRow row(DecodedRecord.Event e) {
        if (e.event() instanceof ModuleFiguresReported f) {
            return new UnitRow(e.eventId(), f, toJson(f.values()), toJson(f.statuses()), f.occurredAt(), false,
                    f.stale(), f.source() == null ? null : f.source().name(), f.sourceEventId());
        }
        ModuleUnitRemoved r = (ModuleUnitRemoved) e.event();
        return new UnitRow(e.eventId(), r, "{}", "{}", r.occurredAt(), true, false, null, null);
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
