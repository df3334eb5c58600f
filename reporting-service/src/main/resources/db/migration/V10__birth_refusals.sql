-- Birth-care refusals (weigeringen, docs/services/reporting-service.md), projected from BirthRefusalRecorded on
-- lpz.capacity.birth-refusals.v1. One row per refusal a first-line midwife practice recorded: which hospital location
-- could not take a woman in labour, when, why, and which location took her then. Nothing about the woman is carried
-- or stored. The Kafka lpz-event-id is the row's key, so a redelivered or replayed record is not counted twice.
-- Rebuilt with the rest (POST /internal/rebuild). A location's region and name are joined when asked.
create table birth_refusal (
    event_id             text        primary key,
    -- the practice's own id of the refusal (its idempotency key at the write side)
    source_event_id      uuid        not null,
    -- the recording midwife practice (the token's organisation) and its ROAZ region; the practice is shown to the
    -- practice itself only
    practice_id          text        not null,
    midwife_region_id    text        not null,
    refused_location_id  text        not null,
    occurred_at          timestamptz not null,
    -- occurred_at's date in Europe/Amsterdam: the day (and month) the refusal is counted on
    day                  date        not null,
    reason               text        not null,
    taken_by_location_id text,
    recorded_at          timestamptz not null
);
-- the hospital's list and the region's monthly counts: one location, a range of days
create index birth_refusal_location_day_idx on birth_refusal (refused_location_id, day);
-- the practice's own list
create index birth_refusal_practice_day_idx on birth_refusal (practice_id, day);
