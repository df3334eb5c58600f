package nl.lpz.capacity.command;

import nl.lpz.events.ids.Ids;

/**
 * Which acute-care map {@link Scenario} a command is for. As an aggregate identifier it is {@code scenario:<id>}, so
 * that it meets no location, organisation, module provider or midwife practice in the event store.
 */
public record ScenarioId(String scenarioId) {
    static final String PREFIX = "scenario:";

    public ScenarioId {
        if (!Ids.isValid(scenarioId)) {
            throw new IllegalArgumentException("a scenario id must match " + Ids.PATTERN);
        }
    }

    public static ScenarioId of(String scenarioId) {
        return new ScenarioId(scenarioId);
    }

    @Override
    public String toString() {
        return PREFIX + scenarioId;
    }
}
