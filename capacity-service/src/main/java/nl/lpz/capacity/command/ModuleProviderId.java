package nl.lpz.capacity.command;

import nl.lpz.events.ids.Ids;

/**
 * Which {@link ModuleProvider} a command is for: one provider's units of one module. As an aggregate identifier it is
 * {@code module:<moduleId>:<providerId>}: the event store keys aggregates by identifier alone, and neither part can
 * hold a colon (module ids and provider ids keep the contract's id rule), so it meets no location id (a bare id) and
 * no organisation's ({@code organisation:<id>}), whatever a module is called.
 */
public record ModuleProviderId(String moduleId, String providerId) {
    static final String PREFIX = "module:";

    public ModuleProviderId {
        if (!Ids.isValid(moduleId) || !Ids.isValid(providerId)) {
            throw new IllegalArgumentException("module and provider ids must match " + Ids.PATTERN);
        }
    }

    public static ModuleProviderId of(String moduleId, String providerId) {
        return new ModuleProviderId(moduleId, providerId);
    }

    @Override
    public String toString() {
        return PREFIX + moduleId + ":" + providerId;
    }
}
