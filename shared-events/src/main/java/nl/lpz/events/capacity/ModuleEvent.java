package nl.lpz.events.capacity;

import nl.lpz.events.ids.OrganisationId;

/**
 * Events of the generic module path: figures of one unit of one provider (or one patient passage through it),
 * interpreted by the module definition
 * {@code moduleId} at {@code definitionVersion} (docs/modules.md). Keyed by provider, so one provider's units keep
 * their order.
 */
public sealed interface ModuleEvent extends CapacityEvent permits ModuleFiguresReported, ModuleUnitRemoved,
        ModulePassageRecorded {
    String moduleId();

    int definitionVersion();

    String providerKind();

    String providerId();

    OrganisationId organisationId();

    String unitKind();

    String unitId();

    /** When it happened: a report's or removal's instant, a passage's latest moment. */
    java.time.Instant occurredAt();

    @Override
    default String partitionKey() {
        return providerId();
    }
}
