-- Lead times (doorlooptijden, docs/modules.md "Lead times"), projected from ModulePassageRecorded on
-- lpz.capacity.modules.v1. One row per patient passage through a unit: the moments it reached and nothing else. The
-- event carries no identity of the patient and none is stored; the Kafka lpz-event-id is the row's key, so a
-- redelivered or replayed record is not counted twice. Rebuilt with the rest (POST /internal/rebuild).
-- Like module_history, the moments are kept as the event carried them with the definition version they were written
-- under; the query reads each passage with that version's intervals. A provider's region is joined when asked.
create table module_passage (
    event_id           text        primary key,
    module_id          text        not null,
    definition_version integer     not null,
    provider_kind      text        not null,
    provider_id        text        not null,
    organisation_id    text        not null,
    unit_kind          text        not null,
    unit_id            text        not null,
    -- {"<moment>": "<ISO-8601 instant>", ...}
    moments            jsonb       not null,
    -- the passage's first (earliest) moment, and its date in Europe/Amsterdam: the day the passage is counted on
    started_at         timestamptz not null,
    day                date        not null
);
-- the lead-time query: one module, the providers of a region, a range of days
create index module_passage_day_idx on module_passage (module_id, provider_kind, provider_id, day);
