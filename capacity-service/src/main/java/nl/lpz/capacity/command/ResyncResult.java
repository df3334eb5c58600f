package nl.lpz.capacity.command;

/**
 * Outcome of {@link ResyncBeds}: beds whose state changed, beds removed, beds already as the snapshot says, and beds
 * skipped because a report newer than the snapshot was already applied.
 */
public record ResyncResult(int changed, int removed, int unchanged, int skippedNewerKnown) {
}
