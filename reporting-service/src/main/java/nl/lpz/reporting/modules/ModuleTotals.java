package nl.lpz.reporting.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.lpz.modules.FigureDefinition;
import nl.lpz.modules.FigureType;
import nl.lpz.modules.LevelRule;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitStops;
import nl.lpz.reporting.modules.RegionalModule.Unit;
import nl.lpz.reporting.modules.RegionalModule.UnitTotals;

/**
 * A module's totals per unit kind over the units a reader sees (the regional picture's {@code totals}), the order
 * they are listed in, and what an aggregate reader may see of them. Pure: no database, no Spring.
 */
final class ModuleTotals {
    private ModuleTotals() {
    }

    /**
     * Per unit kind: every kind of the current definition (also without units, so the shape does not depend on who
     * reported), then kinds only older versions had. Status counts start with the current definition's values at 0.
     */
    static List<UnitTotals> totals(ModuleDefinition module, List<Unit> units, Comparator<String> kindOrder) {
        Map<String, List<Unit>> byKind = new TreeMap<>(kindOrder);
        module.units().forEach(u -> byKind.put(u.kind(), new ArrayList<>()));
        units.forEach(u -> byKind.computeIfAbsent(u.unitKind(), k -> new ArrayList<>()).add(u));
        List<UnitTotals> totals = new ArrayList<>();
        byKind.forEach((kind, ofKind) -> {
            Optional<UnitDefinition> definition = module.unit(kind);
            List<String> figureOrder = definition.map(d -> d.figures().stream().map(FigureDefinition::id).toList())
                    .orElse(List.of());
            Map<String, Long> sums = new TreeMap<>(listedFirst(figureOrder));
            Map<String, Map<String, Integer>> counts = new TreeMap<>(listedFirst(figureOrder));
            definition.ifPresent(d -> d.figures().stream().filter(f -> f.type() == FigureType.STATUS).forEach(f -> {
                Map<String, Integer> byValue = new TreeMap<>(listedFirst(f.values()));
                f.values().forEach(v -> byValue.put(v, 0));
                counts.put(f.id(), byValue);
            }));
            Map<String, Map<String, Integer>> levelCounts = new LinkedHashMap<>();
            definition.ifPresent(d -> d.levels().forEach(l -> {
                List<String> order = l.bands().stream().map(LevelRule.Band::level).toList();
                Map<String, Integer> byLevel = new TreeMap<>(listedFirst(order));
                order.forEach(level -> byLevel.put(level, 0));
                levelCounts.put(l.id(), byLevel);
            }));
            Map<String, Integer> availability = new TreeMap<>(listedFirst(availabilityOrder(definition)));
            Map<String, Map<String, Integer>> care = new LinkedHashMap<>();
            int stale = 0;
            for (Unit u : ofKind) {
                if (u.availability() != null) {
                    availability.merge(u.availability().value(), 1, Integer::sum);
                }
                u.care().forEach((stopKind, value) -> care.computeIfAbsent(stopKind, k -> new TreeMap<>(
                        listedFirst(List.of(UnitStops.OPEN, UnitStops.STOP)))).merge(value, 1, Integer::sum));
                if (u.stale()) {
                    stale++;
                }
                u.values().forEach((figure, value) -> sums.merge(figure, value, Long::sum));
                u.statuses().forEach((figure, value) -> counts.computeIfAbsent(figure, k -> new TreeMap<>())
                        .merge(value, 1, Integer::sum));
                u.levels().forEach((level, value) -> levelCounts.computeIfAbsent(level, k -> new TreeMap<>())
                        .merge(value, 1, Integer::sum));
            }
            totals.add(new UnitTotals(kind, ofKind.size(), stale, new LinkedHashMap<>(sums),
                    new LinkedHashMap<>(counts), levelCounts, new LinkedHashMap<>(availability), care, null));
        });
        return totals;
    }

    /**
     * An aggregate reader (the public, an insurer) sees a unit kind's figures only over enough organisations that none
     * of them can be told apart (seed 002 §6–8: third parties see regional aggregates); below that only how many units
     * reported, with the reason. {@code organisations}: per unit kind, the organisations whose units were counted.
     */
    static List<UnitTotals> suppressFew(List<UnitTotals> totals, Map<String, Set<String>> organisations,
                                        int minimumOrganisations) {
        List<UnitTotals> shown = new ArrayList<>();
        for (UnitTotals t : totals) {
            int count = organisations.getOrDefault(t.unitKind(), Set.of()).size();
            shown.add(count == 0 || count >= minimumOrganisations ? t
                    : new UnitTotals(t.unitKind(), t.units(), t.staleUnits(), Map.of(), Map.of(), Map.of(), Map.of(),
                            Map.of(), UnitTotals.TOO_FEW_ORGANISATIONS));
        }
        return shown;
    }

    /** The availability figure's values in the definition's order, then STOP. */
    private static List<String> availabilityOrder(Optional<UnitDefinition> definition) {
        List<String> order = new ArrayList<>();
        definition.flatMap(d -> d.stops().availability().flatMap(a -> d.figure(a.figure())))
                .ifPresent(f -> order.addAll(f.values()));
        order.add(UnitStops.STOP);
        return order;
    }

    /** The current definition's unit kinds in its order, then any other kind by name. */
    static Comparator<String> kindOrder(ModuleDefinition module) {
        return listedFirst(module.units().stream().map(UnitDefinition::kind).toList());
    }

    /** Names of {@code order} in that order, then every other name alphabetically. */
    static Comparator<String> listedFirst(List<String> order) {
        return Comparator.comparingInt((String name) -> {
            int i = order.indexOf(name);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder());
    }
}
