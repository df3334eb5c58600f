-- Acute-care map scenarios (LAZK) as defined (ScenarioDefined): the definition as the event carries it, so that the
-- result is computed again from exactly what was defined.
CREATE TABLE acute_care_scenario (
    scenario_id TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    -- the author's ROAZ region; null: national
    scope       TEXT,
    defined_at  TIMESTAMPTZ NOT NULL,
    definition  JSONB       NOT NULL
);
CREATE INDEX acute_care_scenario_scope_idx ON acute_care_scenario (scope, defined_at DESC);
