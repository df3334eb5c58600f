package nl.lpz.modules;

import java.util.List;
import java.util.Optional;

/**
 * A kind of unit a provider reports for the module (an ED, a set of delivery rooms, a ward), its figures, the rules
 * between them, the levels derived from them, the stops shown with them and the lead times kept of its passages.
 */
public record UnitDefinition(String kind, LocalizedName name, List<FigureDefinition> figures,
                             List<Invariant> invariants, List<LevelRule> levels, UnitStops stops,
                             UnitPassages passages) {

    public UnitDefinition {
        figures = List.copyOf(figures);
        invariants = List.copyOf(invariants);
        levels = levels == null ? List.of() : List.copyOf(levels);
        stops = stops == null ? UnitStops.NONE : stops;
        passages = passages == null ? UnitPassages.NONE : passages;
    }

    /** The levels of these figures, by level id; a level whose figures are absent is left out. */
    public java.util.Map<String, String> levelsOf(java.util.Map<String, Long> values) {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        for (LevelRule level : levels) {
            level.level(values).ifPresent(l -> result.put(level.id(), l));
        }
        return result;
    }

    public Optional<FigureDefinition> figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
