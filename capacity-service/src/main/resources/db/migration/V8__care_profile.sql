-- The care profile of a location (CareProfileSet) as it now stands:
-- {"traumaLevel":1,"strokeIat":true,"nicuLevel":3,"picu":true,"obstetricsLevel":3}; null until first set.
ALTER TABLE location_directory ADD COLUMN care_profile JSONB;
