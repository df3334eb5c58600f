package nl.lpz.reporting.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the projections did with one consumed batch: counts for the metrics and the rows for the change log. */
public final class Batch {
    private final Map<String, Integer> projected = new LinkedHashMap<>();
    private final List<ChangeLogEntry> changes = new ArrayList<>();
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

    /** A row for the change log ({@code region_change}), written when every projection has applied the batch. */
    public void changed(ChangeLogEntry entry) {
        changes.add(entry);
    }

    Map<String, Integer> projected() {
        return projected;
    }

    int duplicates() {
        return duplicates;
    }

    List<ChangeLogEntry> changes() {
        return changes;
    }
}
