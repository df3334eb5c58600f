-- Read model of the generic module core (ADR 0014, docs/modules.md), projected from lpz.capacity.modules.v1.
-- Rebuilt with the rest (POST /internal/rebuild truncates these tables too). A provider's region is not stored: it is
-- the region of the location with the provider's id, joined when asked, as the bed tables do.
-- The figures are kept as the event carried them, with the definition version they were written under; the query
-- reads them with that version, so a catalogue that gains versions later still reads old rows as they were meant.
-- "values" is an SQL keyword, hence figure_values / figure_statuses.

-- One row per ModuleFiguresReported / ModuleUnitRemoved, stale (back-filled) reports included: the source of asOf.
create table module_history (
    id                 bigserial   primary key,
    event_id           text        not null unique,
    module_id          text        not null,
    definition_version integer     not null,
    provider_kind      text        not null,
    provider_id        text        not null,
    organisation_id    text        not null,
    unit_kind          text        not null,
    unit_id            text        not null,
    figure_values      jsonb       not null,
    figure_statuses    jsonb       not null,
    occurred_at        timestamptz not null,
    removed            boolean     not null,
    stale              boolean     not null,
    source             text,
    source_event_id    uuid,
    projected_at       timestamptz not null default clock_timestamp()
);
create index module_history_unit_time_idx
    on module_history (module_id, provider_kind, provider_id, unit_kind, unit_id, occurred_at desc, id desc);
-- delivery compliance: the reports of a module in a time window
create index module_history_delivery_idx on module_history (module_id, occurred_at) where not removed;

-- The newest report per unit by occurred_at (ties: later arrival); a removal stays as a row with removed = true.
create table module_current (
    module_id          text        not null,
    provider_kind      text        not null,
    provider_id        text        not null,
    unit_kind          text        not null,
    unit_id            text        not null,
    organisation_id    text        not null,
    definition_version integer     not null,
    figure_values      jsonb       not null,
    figure_statuses    jsonb       not null,
    occurred_at        timestamptz not null,
    removed            boolean     not null,
    event_id           text        not null,
    primary key (module_id, provider_kind, provider_id, unit_kind, unit_id)
);
