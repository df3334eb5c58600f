-- When a care kind of a location is open (OpeningHoursSet on lpz.capacity.topology.v1), kept as history so that the
-- picture at an earlier instant reads the hours that held then. One row per event; a kind without a row is open
-- around the clock, and a row without periods sets it back to that. Rebuilt with the rest (POST /internal/rebuild).
create table opening_hours_history (
    event_id        text        primary key,
    location_id     text        not null,
    organisation_id text        not null,
    care_kind       text        not null,
    -- [{"day": "MONDAY", "opens": "08:00:00", "closes": "22:00:00"}, ...] in Dutch wall-clock time; closes 00:00 is
    -- midnight at the end of the day
    periods         jsonb       not null,
    set_at          timestamptz not null,
    -- the order of arrival, for two settings at the same instant
    seq             bigint      generated always as identity
);
create index opening_hours_history_idx on opening_hours_history (location_id, care_kind, set_at);
