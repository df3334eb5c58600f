-- Delivery compliance: activation of the COVID / pandemic module by VWS (ADMIN). Reporting configuration of this
-- service, not hospital domain state; NOT truncated by a read-model rebuild.
create table compliance_activation (
    id                       bigserial   primary key,
    module                   text        not null,
    activated_at             timestamptz not null,
    activated_by_subject     text,
    deadline                 timestamptz not null,
    deactivated_at           timestamptz,
    deactivated_by_subject   text
);
create unique index compliance_activation_active_idx on compliance_activation (module) where deactivated_at is null;
