-- Records a consumer could not apply and set aside so that it could go on with the next one (platform-support
-- ParkedRecords, docs/reliability.md). Owned by platform-support: every service with a Kafka consumer gets this
-- table through Flyway's classpath scan. Repeatable and idempotent, so a change here is an ALTER ... IF NOT EXISTS.
create table if not exists parked_record (
    id             bigserial   primary key,
    consumer       text        not null,
    topic          text        not null,
    partition_no   integer     not null,
    record_offset  bigint      not null,
    record_key     text,
    event_type     text,
    event_id       text,
    event_revision text,
    payload        bytea,
    reason         text        not null,
    error          text,
    attempts       integer     not null,
    parked_at      timestamptz not null default clock_timestamp(),
    replayed_at    timestamptz,
    replay_outcome text,
    unique (consumer, topic, partition_no, record_offset)
);
create index if not exists parked_record_open_idx on parked_record (consumer, id) where replayed_at is null;
