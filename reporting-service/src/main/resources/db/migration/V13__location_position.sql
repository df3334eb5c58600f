-- The acute-care map's locations (issue 21): a location's position (WGS84) as its registration carries it, null when
-- it has none. Registrations projected before this migration get theirs from a rebuild (docs/acute-care-map.md).
alter table location add column latitude double precision;
alter table location add column longitude double precision;
