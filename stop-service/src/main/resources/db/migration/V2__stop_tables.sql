-- Topology as stop-service needs it, projected from lpz.capacity.topology.v1 (LocationRegistered).
CREATE TABLE topology_location (
    location_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    organisation_id  VARCHAR(64)              NOT NULL,
    name             VARCHAR(255)             NOT NULL,
    roaz_region_id   VARCHAR(64)              NOT NULL,
    safety_region_id VARCHAR(64)              NOT NULL,
    care_offered     VARCHAR(64)              NOT NULL,  -- comma-separated CareKind names, sorted
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX topology_location_safety_region ON topology_location (safety_region_id);

-- lpz-event-id of every topology record applied: a redelivered record changes nothing.
CREATE TABLE topology_event_receipt (
    event_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler 13 (Axon DbSchedulerDeadlineManager): one row per pending deadline (expiry, warning, reminders).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
