package nl.lpz.reporting.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * Whether an organisation's figures of an instant are visible to other organisations (schaduwdraaien): its state at
 * that instant was shared, or a later switch to shared released the history before it. No change at all: hidden.
 */
public final class Visibility {

    /** One VisibilityChanged, as projected. */
    public record Change(Instant changedAt, boolean shared, boolean releaseHistory) {
    }

    private Visibility() {
    }

    /** @param history the organisation's changes, oldest first (by changedAt, then arrival) */
    public static boolean sharedAt(List<Change> history, Instant instant) {
        boolean state = false;
        for (Change c : history) {
            if (!c.changedAt().isAfter(instant)) {
                state = c.shared();
            } else if (c.shared() && c.releaseHistory()) {
                return true;
            }
        }
        return state;
    }

    /** The state as it now stands: the latest change. */
    public static boolean sharedNow(List<Change> history) {
        return !history.isEmpty() && history.get(history.size() - 1).shared();
    }
}
