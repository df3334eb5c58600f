package nl.lpz.capacity.command;

import java.time.Instant;
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
