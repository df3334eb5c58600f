package nl.lpz.capacity.command;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The EPD event ids ever received, kept forever. {@link #claim} records ids in the caller's transaction, so a receipt
 * exists exactly when the events it guards were appended.
 */
public interface EventReceipts {
    /** Records the ids not seen before and returns them; the others are duplicates. */
    Set<UUID> claim(Collection<UUID> eventIds);
}
