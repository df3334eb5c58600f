package nl.lpz.modules;

import java.util.List;
import java.util.Optional;

/** A kind of unit a provider reports for the module (an ED, a set of delivery rooms, a ward) and its figures. */
public record UnitDefinition(String kind, LocalizedName name, List<FigureDefinition> figures,
                             List<Invariant> invariants) {

    public UnitDefinition {
        figures = List.copyOf(figures);
        invariants = List.copyOf(invariants);
    }

    public Optional<FigureDefinition> figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
