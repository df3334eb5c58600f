-- Read model of the regional capacity picture, projected from lpz.capacity.beds.v1 and lpz.capacity.topology.v1.
-- Everything here except region_change can be truncated and rebuilt from the topics (POST /internal/rebuild).

-- Where the projection stands per partition: written in the same transaction as the rows it produced, so a
-- rebuild (which truncates this table with the rest) restarts every partition from its beginning.
create table consumer_offset (
    topic        text    not null,
    partition_no integer not null,
    next_offset  bigint  not null,
    primary key (topic, partition_no)
);

-- Topology/settings events already applied (bed events are deduplicated by bed_history.event_id).
create table processed_event (
    event_id     text        primary key,
    event_type   text        not null,
    processed_at timestamptz not null default clock_timestamp()
);

-- A location's registration as it now stands.
create table location (
    location_id      text        primary key,
    organisation_id  text        not null,
    name             text        not null,
    roaz_region_id   text        not null,
    safety_region_id text        not null,
    care_offered     text        not null,
    location_type    text,
    registered_at    timestamptz,
    event_id         text        not null
);
create index location_roaz_idx on location (roaz_region_id);
create index location_vr_idx on location (safety_region_id);
create index location_org_idx on location (organisation_id);

-- One row per BedStatusChanged / BedRemoved, stale (back-filled) reports included: the source of time travel.
create table bed_history (
    id                   bigserial   primary key,
    event_id             text        not null unique,
    source_event_id      uuid,
    location_id          text        not null,
    organisation_id      text        not null,
    department_id        text        not null,
    bed_id               text        not null,
    occurred_at          timestamptz not null,
    status               text,
    specialistisch       text,
    specialisme          text,
    snijdend_beschouwend text,
    covid                boolean,
    patient_covid_status text,
    removed              boolean     not null,
    stale                boolean     not null,
    source               text,
    code_list_version    text,
    projected_at         timestamptz not null default clock_timestamp()
);
create index bed_history_bed_time_idx on bed_history (location_id, department_id, bed_id, occurred_at desc, id desc);
create index bed_history_source_event_idx on bed_history (source_event_id);

-- The newest report per bed by occurred_at (a removal stays as a row with removed = true).
create table bed_current (
    location_id          text        not null,
    department_id        text        not null,
    bed_id               text        not null,
    organisation_id      text        not null,
    occurred_at          timestamptz not null,
    status               text,
    specialistisch       text,
    specialisme          text,
    snijdend_beschouwend text,
    covid                boolean,
    patient_covid_status text,
    removed              boolean     not null,
    event_id             text        not null,
    primary key (location_id, department_id, bed_id)
);

create table threshold_history (
    id              bigserial   primary key,
    event_id        text        not null unique,
    location_id     text        not null,
    organisation_id text        not null,
    set_at          timestamptz not null,
    thresholds      jsonb       not null
);
create index threshold_history_loc_idx on threshold_history (location_id, set_at desc, id desc);

create table visibility_history (
    id              bigserial   primary key,
    event_id        text        not null unique,
    organisation_id text        not null,
    changed_at      timestamptz not null,
    shared          boolean     not null,
    release_history boolean     not null
);
create index visibility_history_org_idx on visibility_history (organisation_id, changed_at, id);

create table contacts (
    location_id       text        primary key,
    organisation_id   text        not null,
    regiehouder_seh   jsonb       not null,
    beddencoordinator jsonb       not null,
    updated_at        timestamptz,
    event_id          text        not null
);

-- Records that could not be projected (unreadable, unknown type or revision, missing headers): kept, never dropped.
create table rejected_record (
    topic        text        not null,
    partition_no integer     not null,
    record_offset bigint     not null,
    record_key   text,
    event_type   text,
    event_id     text,
    reason       text        not null,
    detail       text,
    payload      bytea,
    rejected_at  timestamptz not null default clock_timestamp(),
    primary key (topic, partition_no, record_offset)
);

-- The SSE change log: one row per affected location per consumed batch. Not truncated by a rebuild, so stream
-- ids stay monotonic; old rows are deleted after a retention period.
create table region_change (
    seq                        bigserial   primary key,
    roaz_region_id             text        not null,
    location_id                text        not null,
    organisation_id            text        not null,
    restricted_to_organisation text,
    kind                       text        not null,
    payload                    json        not null,
    created_at                 timestamptz not null default clock_timestamp()
);
create index region_change_region_idx on region_change (roaz_region_id, seq);
create index region_change_created_idx on region_change (created_at);
