-- A location's name is free text up to ValueRules.MAX_TEXT in the published language; VARCHAR(255) made a longer
-- name, which capacity-service accepts, a record this consumer could not store.
ALTER TABLE topology_location ALTER COLUMN name TYPE TEXT;
