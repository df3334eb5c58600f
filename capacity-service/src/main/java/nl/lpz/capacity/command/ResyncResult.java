package nl.lpz.capacity.command;

/**
 * Outcome of {@link ResyncBeds} and {@link ResyncModuleUnits}: beds (units) whose state changed, those removed, those
 * already as the snapshot says, and those skipped because a report newer than the snapshot was already applied.
 */
public record ResyncResult(int changed, int removed, int unchanged, int skippedNewerKnown) {
}
