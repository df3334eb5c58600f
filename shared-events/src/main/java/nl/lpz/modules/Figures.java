package nl.lpz.modules;

import java.util.Map;

/** A unit's figures as a definition reads them: numbers (counts, durations) and statuses, by figure id. */
public record Figures(Map<String, Long> values, Map<String, String> statuses) {
    public Figures {
        values = Map.copyOf(values);
        statuses = Map.copyOf(statuses);
    }
}
