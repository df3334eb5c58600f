package nl.lpz.reporting.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the projections did with one consumed batch: counts for the metrics and the rows for the change log. */
public final class Batch {
    private final Map<String, Integer> projected = new LinkedHashMap<>();
    private final List<Supplier<List<ChangeLogEntry>>> derivations = new ArrayList<>();
    private int duplicates;

    Batch() {
    }

    /** {@code count} events of this type changed the read model. */
    public void projected(String eventType, int count) {
        if (count > 0) {
            projected.merge(eventType, count, Integer::sum);
        }
    }

    /** {@code count} records had been projected before (same event id) and changed nothing. */
    public void duplicates(int count) {
        duplicates += count;
    }

    /** One event, projected ({@code applied}) or a duplicate. */
    public void counted(DecodedRecord.Event event, boolean applied) {
        if (applied) {
            projected(event.event().getClass().getSimpleName(), 1);
        } else {
            duplicates(1);
        }
    }

    /**
     * Rows for the change log ({@code region_change}), derived from the read model once every projection has applied
     * the batch, and under the change-log lock ({@link ChangeLog}). A derivation that reads what another consumer
     * writes (a location's registration, on another topic, beside its beds) then sees that consumer's batch committed,
     * or that batch's own derivation waits for this one's commit and sees it: between them, the last row of a location
     * tells its state after both. Derived in the order given.
     */
    public void changes(Supplier<List<ChangeLogEntry>> derivation) {
        derivations.add(derivation);
    }

    Map<String, Integer> projected() {
        return projected;
    }

    int duplicates() {
        return duplicates;
    }

    List<Supplier<List<ChangeLogEntry>>> derivations() {
        return derivations;
    }
}
