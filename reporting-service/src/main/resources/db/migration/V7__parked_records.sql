-- Records the projection sets aside now go to parked_record (platform-support, with the other consumers' parked
-- records; listed and replayed by ./lpz parked). The rows set aside before this version stay in the renamed table
-- for reference; a rebuild (./lpz rebuild) replays those records and parks whatever still cannot be projected.
alter table rejected_record rename to rejected_record_before_parking;
