-- The Kliniek profile page (issue 10): the care profile of a location as it now stands (CareProfileSet, null until
-- first set), and every change of a location's registration and settings as a history the profile page shows.
alter table location add column care_profile jsonb;

create table location_change (
    id                      bigserial   primary key,
    event_id                text        not null unique,
    location_id             text        not null,
    organisation_id         text        not null,
    -- REGISTERED, CARE_PROFILE, CONTACTS, OPENING_HOURS, THRESHOLDS
    kind                    text        not null,
    changed_at              timestamptz not null,
    changed_by_subject      text,
    changed_by_organisation text,
    -- what the change set, as the event carried it (without ids and actor)
    details                 jsonb       not null
);
create index location_change_loc_idx on location_change (location_id, changed_at desc, id desc);

-- The history of events projected before this migration, as far as the tables kept it: the registration as it now
-- stands, the current contacts, and every opening-hours and thresholds change (a rebuild from Kafka fills it whole).
insert into location_change (event_id, location_id, organisation_id, kind, changed_at, details)
select event_id, location_id, organisation_id, 'REGISTERED', coalesce(registered_at, clock_timestamp()),
       jsonb_build_object('name', name, 'roazRegionId', roaz_region_id, 'safetyRegionId', safety_region_id,
                          'careOffered', case when care_offered = '' then '[]'::jsonb
                                              else to_jsonb(string_to_array(care_offered, ',')) end,
                          'locationType', location_type)
from location
on conflict (event_id) do nothing;

insert into location_change (event_id, location_id, organisation_id, kind, changed_at, details)
select event_id, location_id, organisation_id, 'CONTACTS', coalesce(updated_at, clock_timestamp()),
       jsonb_build_object('regiehouderSeh', regiehouder_seh, 'beddencoordinator', beddencoordinator)
from contacts
on conflict (event_id) do nothing;

insert into location_change (event_id, location_id, organisation_id, kind, changed_at, details)
select event_id, location_id, organisation_id, 'OPENING_HOURS', set_at,
       jsonb_build_object('careKind', care_kind, 'periods', periods)
from opening_hours_history
on conflict (event_id) do nothing;

insert into location_change (event_id, location_id, organisation_id, kind, changed_at, details)
select event_id, location_id, organisation_id, 'THRESHOLDS', set_at, jsonb_build_object('thresholds', thresholds)
from threshold_history
on conflict (event_id) do nothing;
