package nl.lpz.capacity.command;

/**
 * What a {@link ModuleProvider} batch takes alike from a module report and a patient passage: what the receipts step
 * takes of any sender's item, and its content hash with the provider it concerns.
 */
public sealed interface ModuleBatchItem extends ReceiptedItem permits ModuleReport, ModulePassage {
    /** SHA-256 (hex) of what the item says ({@link PayloadHash}), with the provider it concerns. */
    String payloadHash(ModuleProviderId provider);
}
