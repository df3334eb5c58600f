-- Every EPD bed event id ever received: the idempotency key, kept forever. Inserted in the transaction that appends
-- the event, so a receipt exists exactly when its event was applied (or counted stale).
CREATE TABLE received_bed_event (
    event_id    UUID        NOT NULL PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Location directory: LocationRegistered / ThresholdsSet / ContactsUpdated, projected in the appending transaction.
CREATE TABLE location_directory (
    location_id      VARCHAR(64)      NOT NULL PRIMARY KEY,
    organisation_id  VARCHAR(64)      NOT NULL,
    name             TEXT             NOT NULL,
    roaz_region_id   VARCHAR(64)      NOT NULL,
    safety_region_id VARCHAR(64)      NOT NULL,
    care_offered     TEXT             NOT NULL,
    location_type    TEXT,
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    thresholds       JSONB            NOT NULL DEFAULT '[]',
    contacts         JSONB            NOT NULL DEFAULT '{"regiehouderSeh":[],"beddencoordinator":[]}',
    registered_at    TIMESTAMPTZ      NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL
);
CREATE INDEX location_directory_organisation ON location_directory (organisation_id);
CREATE INDEX location_directory_safety_region ON location_directory (safety_region_id);
CREATE INDEX location_directory_roaz_region ON location_directory (roaz_region_id);

-- Latest VisibilityChanged per organisation (no row: hidden, never decided).
CREATE TABLE organisation_visibility (
    organisation_id VARCHAR(64) NOT NULL PRIMARY KEY,
    shared          BOOLEAN     NOT NULL,
    release_history BOOLEAN     NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
