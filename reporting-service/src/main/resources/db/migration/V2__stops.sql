-- Read model of the regional stop procedure, projected from lpz.stops.v1 (stop-service). Rebuilt with the rest
-- (POST /internal/rebuild truncates these tables too). Statistics are computed from these rows at query time.

-- Every stop event applied, as it arrived: the audit log and the idempotency key (lpz-event-id).
create table stop_event (
    id               bigserial   primary key,
    event_id         text        not null unique,
    event_type       text        not null,
    safety_region_id text        not null,
    kind             text        not null,
    stop_id          text,
    announcement_id  text,
    location_id      text,
    occurred_at      timestamptz not null,
    payload          jsonb       not null,
    projected_at     timestamptz not null default clock_timestamp()
);
create index stop_event_stop_idx on stop_event (stop_id, id);
create index stop_event_vr_idx on stop_event (safety_region_id, occurred_at);

-- One row per declared stop: the declaration, its current expected end, and how and when it ended.
create table stop (
    stop_id                   text        primary key,
    safety_region_id          text        not null,
    roaz_region_id            text,
    kind                      text        not null,
    location_id               text        not null,
    organisation_id           text        not null,
    stop_type                 text        not null,
    reason                    text,
    mka_contacted             boolean     not null,
    norm_time_minutes         bigint      not null,
    expected_duration_minutes bigint      not null,
    started_at                timestamptz not null,
    expected_end              timestamptz not null,
    grace_until               timestamptz not null,
    announcement_id           text,
    declared_by_subject       text,
    declared_by_organisation  text,
    declared_event_id         text        not null,
    extensions                integer     not null default 0,
    last_extended_at          timestamptz,
    last_extended_by_subject  text,
    warned_at                 timestamptz,
    -- ENDED (by the hospital), EXPIRED (at its expected end), LAPSED (all stops of the kind in the VR); null: active
    end_kind                  text,
    ended_at                  timestamptz,
    end_recorded_at           timestamptz,
    end_reason                text,
    ended_by_subject          text,
    ended_by_organisation     text,
    lapse_cause               text
);
create index stop_vr_active_idx on stop (safety_region_id, expected_end) where end_kind is null;
create index stop_vr_started_idx on stop (safety_region_id, started_at);

-- Announcements of planned stops: OPEN until a stop is declared for them (DECLARED) or they lapse (LAPSED).
create table stop_announcement (
    announcement_id          text        primary key,
    safety_region_id         text        not null,
    kind                     text        not null,
    location_id              text        not null,
    organisation_id          text        not null,
    planned_start            timestamptz not null,
    planned_end              timestamptz not null,
    reason                   text,
    announced_at             timestamptz,
    announced_by_subject     text,
    announced_by_organisation text,
    status                   text        not null,
    reminded_at              timestamptz,
    closed_at                timestamptz,
    stop_id                  text,
    event_id                 text        not null
);
create index stop_announcement_vr_idx on stop_announcement (safety_region_id, planned_start) where status = 'OPEN';

-- Declarations refused (by the last-in-region rule: code LAST_IN_REGION).
create table stop_refusal (
    event_id                   text        primary key,
    safety_region_id           text        not null,
    kind                       text        not null,
    location_id                text        not null,
    organisation_id            text        not null,
    stop_type                  text,
    expected_duration_minutes  bigint,
    code                       text        not null,
    reason                     text,
    refused_at                 timestamptz not null,
    requested_by_subject       text,
    requested_by_organisation  text
);
create index stop_refusal_vr_idx on stop_refusal (safety_region_id, refused_at);

-- Lapses: all active stops of a kind in a VR ended at once (MMA decision or all providers stopped).
create table stop_lapse (
    event_id           text        primary key,
    safety_region_id   text        not null,
    kind               text        not null,
    cause              text        not null,
    reason             text,
    lapsed_at          timestamptz not null,
    lapsed_by_subject  text,
    stops              integer     not null
);
create index stop_lapse_vr_idx on stop_lapse (safety_region_id, lapsed_at);
