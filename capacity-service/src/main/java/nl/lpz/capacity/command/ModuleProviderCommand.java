package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleReportSource;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.Figures;
import nl.lpz.modules.ProviderKind;

/** What every command to a {@link ModuleProvider} says about the events it may cause. */
sealed interface ModuleProviderCommand permits ReportModuleFigures, ResyncModuleUnits, RecordModulePassages {
    ModuleProviderId providerId();

    int definitionVersion();

    ProviderKind providerKind();

    OrganisationId organisationId();

    /** When the edge received the request: with {@link #backfillHorizon()} the bounds of its instants. */
    Instant receivedAt();

    Instant backfillHorizon();

    /**
     * What a batch command ({@link ReportModuleFigures}, {@link RecordModulePassages}) holds besides its items: one
     * payload hash per item, the provider's kind and owner, and the bounds of its instants.
     */
    static void requireBatch(List<? extends ModuleBatchItem> items, List<String> payloadHashes, String what,
                             ProviderKind providerKind, OrganisationId organisationId, Instant receivedAt,
                             Instant backfillHorizon) {
        if (payloadHashes.size() != items.size()) {
            throw new IllegalArgumentException(payloadHashes.size() + " hashes for " + items.size() + " " + what);
        }
        Objects.requireNonNull(providerKind, "providerKind");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }

    default ModuleFiguresReported reported(String unitKind, String unitId, Figures figures, Instant occurredAt,
                                           boolean stale, ModuleReportSource source, UUID sourceEventId) {
        return new ModuleFiguresReported(providerId().moduleId(), definitionVersion(), providerKind().name(),
                providerId().providerId(), organisationId(), unitKind, unitId, figures.values(), figures.statuses(),
                occurredAt, stale, source, sourceEventId);
    }

    default ModulePassageRecorded recorded(ModulePassage passage) {
        return new ModulePassageRecorded(providerId().moduleId(), definitionVersion(), providerKind().name(),
                providerId().providerId(), organisationId(), passage.unitKind(), passage.unitId(), passage.moments(),
                passage.occurredAt(), passage.eventId());
    }

    default ModuleUnitRemoved removed(String unitKind, String unitId, Instant occurredAt) {
        return new ModuleUnitRemoved(providerId().moduleId(), definitionVersion(), providerKind().name(),
                providerId().providerId(), organisationId(), unitKind, unitId, occurredAt);
    }
}
