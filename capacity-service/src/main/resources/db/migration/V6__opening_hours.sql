-- When each care kind of a location is open (OpeningHoursSet), per care kind with hours set: its periods as
-- [{"day":"MONDAY","opens":"08:00","closes":"22:00"}]; a kind not listed is open around the clock.
ALTER TABLE location_directory ADD COLUMN opening_hours JSONB NOT NULL DEFAULT '{}';
