-- Validation (schaduwdraaien): a hospital's (or its RCPS's) submission of the figures it sent to the RCPS for a date,
-- compared with the platform's own figures at the region's report moment. User data, not projected: NOT truncated
-- by a read-model rebuild.

-- who switched visibility (VisibilityChanged.changedBy); filled by the projector, so a rebuild refills it
alter table visibility_history add column changed_by_subject text;
alter table visibility_history add column changed_by_organisation text;

create table validation_submission (
    id                        uuid        primary key,
    organisation_id           text        not null,
    report_date               date        not null,
    submitted_at              timestamptz not null,
    submitted_by_subject      text,
    submitted_by_roles        text,
    payload                   jsonb       not null
);
create index validation_submission_org_idx on validation_submission (organisation_id, report_date);

-- One row per location, specialistisch element and COVID split: submitted vs platform figures at compared_at.
create table validation_difference (
    id                    uuid        primary key,
    submission_id         uuid        not null references validation_submission (id),
    organisation_id       text        not null,
    roaz_region_id        text        not null,
    location_id           text        not null,
    specialistisch        text        not null,
    covid_split           text        not null,
    compared_at           timestamptz not null,
    submitted_capacity    integer     not null,
    submitted_occupied    integer     not null,
    platform_capacity     integer     not null,
    platform_occupied     integer     not null,
    ordinal               integer     not null,
    classification        text,
    note                  text,
    classified_by_subject text,
    classified_at         timestamptz
);
create index validation_difference_sub_idx on validation_difference (submission_id, ordinal);
create index validation_difference_org_idx on validation_difference (organisation_id);
