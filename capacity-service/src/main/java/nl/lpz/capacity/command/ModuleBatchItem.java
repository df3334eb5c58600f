package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a {@link ModuleProvider} batch takes alike from a module report and a patient passage: the sender's
 * idempotency key, the instants the {@link InstantRule} binds, the instant its receipt keeps, and its content hash.
 */
public sealed interface ModuleBatchItem permits ModuleReport, ModulePassage {
    UUID eventId();

    /** The instant the receipt keeps (for the receipts' pruning horizon). */
    Instant occurredAt();

    /** Every instant the item says, by the field that carries it, as the sender's problem detail names it. */
    Map<String, Instant> instants();

    /** SHA-256 (hex) of what the item says ({@link PayloadHash}), with the provider it concerns. */
    String payloadHash(ModuleProviderId provider);
}
