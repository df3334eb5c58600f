-- ED arrivals per location and day (Europe/Amsterdam), counted from the Spoed module's passages (ModulePassageRecorded
-- with an "arrival" moment): the acute-care map's measured inflow of an ED a scenario closes (docs/acute-care-map.md).
-- Kept by the subscribing directory processor in the transaction that appends the passage, so a passage is counted
-- exactly once (a passage sent again is refused by its sourceEventId before any event is appended).
CREATE TABLE ed_arrivals_daily (
    location_id TEXT    NOT NULL,
    day         DATE    NOT NULL,
    arrivals    INTEGER NOT NULL,
    PRIMARY KEY (location_id, day)
);

-- Passages appended before this table existed: counted once from the event store (the JPA-created
-- domain_event_entry is absent on a fresh database, where there is nothing to count).
DO $$
BEGIN
    IF to_regclass('domain_event_entry') IS NOT NULL THEN
        INSERT INTO ed_arrivals_daily (location_id, day, arrivals)
        SELECT p ->> 'providerId',
               ((p -> 'moments' ->> 'arrival')::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date,
               count(*)
        FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p
              FROM domain_event_entry
              WHERE payload_type = 'nl.lpz.events.capacity.ModulePassageRecorded') passages
        WHERE p ->> 'moduleId' = 'spoed' AND p ->> 'providerKind' = 'HOSPITAL_LOCATION'
          AND (p -> 'moments' ->> 'arrival') IS NOT NULL
        GROUP BY 1, 2;
    END IF;
END
$$;
