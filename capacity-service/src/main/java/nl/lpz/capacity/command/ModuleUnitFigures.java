package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Map;
import nl.lpz.modules.Figures;

/** Current figures of one unit in the {@link ModuleProvider} aggregate; {@code lastOccurredAt} of the last applied. */
record ModuleUnitFigures(String unitKind, String unitId, Map<String, Long> values, Map<String, String> statuses,
                         Instant lastOccurredAt) {

    static String key(String unitKind, String unitId) {
        return unitKind + "/" + unitId;
    }

    boolean sameFiguresAs(Figures figures) {
        return values.equals(figures.values()) && statuses.equals(figures.statuses());
    }
}
