package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One item of a sender's batch (a module report, a patient passage, a birth-care refusal) as the receipts step takes
 * it ({@link ReceiptBatch}): the sender's idempotency key, the instants the {@link InstantRule} binds, and the instant
 * its receipt keeps.
 */
interface ReceiptedItem {
    UUID eventId();

    /** The instant the receipt keeps (for the receipts' pruning horizon). */
    Instant occurredAt();

    /** Every instant the item says, by the field that carries it, as the sender's problem detail names it. */
    Map<String, Instant> instants();
}
