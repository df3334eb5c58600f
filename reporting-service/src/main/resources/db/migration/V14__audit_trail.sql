-- The audit trail (NEN 7513; docs/audit.md): one row per API call the gateways recorded, appended in one hash chain.
-- Not a read model: no rebuild empties it, and the database refuses changes to it (trigger below).
create table audit_entry (
    sequence               bigint      primary key,
    entry_id               text        not null unique,
    occurred_at            timestamptz not null,
    recorded_at            timestamptz not null,
    duration_millis        bigint      not null,
    subject                text,
    roles                  text        not null,
    organisation_id        text,
    region_id              text,
    client_address         text,
    method                 text        not null,
    path                   text        not null,
    query                  text,
    status                 integer     not null,
    problem_code           text,
    problem_detail         text,
    gateway_instance       text,
    -- what the path names (resolved to organisations when read, so a location registered later still counts)
    target_location_id     text,
    target_organisation_id text,
    target_region_id       text,
    target_stop_id         text,
    previous_hash          text        not null,
    hash                   text        not null
);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_organisation_idx on audit_entry (organisation_id, occurred_at);
create index audit_entry_target_organisation_idx on audit_entry (target_organisation_id, occurred_at);
create index audit_entry_target_location_idx on audit_entry (target_location_id, occurred_at);
create index audit_entry_target_region_idx on audit_entry (target_region_id, occurred_at);
create index audit_entry_target_stop_idx on audit_entry (target_stop_id, occurred_at);

-- The chain's ends: the head (last appended entry) and the anchor (last entry removed by retention; 0 and the
-- genesis hash before any). Verification runs from the anchor to the head.
create table audit_chain (
    id              smallint    primary key check (id = 1),
    head_sequence   bigint      not null,
    head_hash       text        not null,
    anchor_sequence bigint      not null,
    anchor_hash     text        not null,
    pruned_entries  bigint      not null,
    pruned_at       timestamptz
);
insert into audit_chain (id, head_sequence, head_hash, anchor_sequence, anchor_hash, pruned_entries)
values (1, 0, 'genesis', 0, 'genesis', 0);

-- Append-only: an entry is never changed; entries are removed only by the retention job, which says so in its
-- transaction (set local lpz.audit_pruning = 'on') and moves the anchor in the same transaction.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('lpz.audit_pruning', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op;
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
