package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleReportSource;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One provider's units of one module (docs/modules.md) and each unit's last applied figures; the patient passages
 * through its units (lead times) are recorded here too, without being kept. It knows no module: the edge has read
 * every report and passage with the module's definition, and the commands carry the version it was read with. The
 * rules besides the figures are the bed events' own: {@link InstantRule}, receipts per sending organisation in the
 * same table, stale reports kept in the history without changing the current figures. Exists from its first event;
 * cached and snapshotted like {@link Location}.
 */
@Aggregate(repository = "moduleProviderRepository")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
class ModuleProvider {
    @AggregateIdentifier
    private ModuleProviderId providerId;
    private Map<String, ModuleUnitFigures> units = new HashMap<>();

    ModuleProvider() {
        // for Axon and for snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReportResult handle(ReportModuleFigures command, EventReceipts receipts) {
        return ReceiptBatch.takeEach(command.reports(), command.payloadHashes(), command.organisationId(),
                command.receivedAt(), command.backfillHorizon(), receipts,
                report -> reported(command, report, false), report -> {
                    ModuleUnitFigures current = units.get(ModuleUnitFigures.key(report.unitKind(), report.unitId()));
                    boolean stale = current != null && report.occurredAt().isBefore(current.lastOccurredAt());
                    apply(reported(command, report, stale));
                    return stale ? Kind.STALE : Kind.ACCEPTED;
                });
    }

    /**
     * Patient passages (lead times): taken as reports are, each new passage one {@link ModulePassageRecorded}. A
     * passage changes no unit's figures, so the aggregate keeps nothing of it and none is stale.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReportResult handle(RecordModulePassages command, EventReceipts receipts) {
        return ReceiptBatch.takeEach(command.passages(), command.payloadHashes(), command.organisationId(),
                command.receivedAt(), command.backfillHorizon(), receipts, command::recorded,
                passage -> {
                    apply(command.recorded(passage));
                    return Kind.ACCEPTED;
                });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ResyncResult handle(ResyncModuleUnits command) {
        InstantRule.Refusal refusal = InstantRule.refusal("asOf", command.asOf(), command.receivedAt(),
                command.backfillHorizon());
        if (refusal != null) {
            throw new CommandRejected(refusal.code(), refusal.detail());
        }
        Set<String> listed = new LinkedHashSet<>();
        for (ModuleUnitEntry entry : command.units()) {
            String key = ModuleUnitFigures.key(entry.unitKind(), entry.unitId());
            if (!listed.add(key)) {
                throw new CommandRejected(CommandRejected.DUPLICATE_UNIT, "unit " + key + " is listed twice");
            }
            InstantRule.Refusal entryRefusal = InstantRule.refusal("occurredAt", entry.occurredAt(),
                    command.receivedAt(), command.backfillHorizon());
            if (entryRefusal != null) {
                throw new CommandRejected(entryRefusal.code(), "unit " + key + ": " + entryRefusal.detail());
            }
            Optional<String> unstorable = ValueRules.firstViolation(command.reported(entry.unitKind(),
                    entry.unitId(), entry.figures(), entry.occurredAt(), false, ModuleReportSource.SNAPSHOT, null));
            if (unstorable.isPresent()) {
                throw new CommandRejected(CommandRejected.INVALID_FIELD, "unit " + key + ": " + unstorable.get());
            }
        }
        int changed = 0;
        int unchanged = 0;
        int skipped = 0;
        for (ModuleUnitEntry entry : command.units()) {
            ModuleUnitFigures current = units.get(ModuleUnitFigures.key(entry.unitKind(), entry.unitId()));
            if (current != null && current.lastOccurredAt().isAfter(command.asOf())) {
                skipped++;
            } else if (current != null && current.sameFiguresAs(entry.figures())) {
                unchanged++;
            } else {
                // keep a unit's history in order: figures older than its last report start at the snapshot instant
                Instant occurredAt = current != null && entry.occurredAt().isBefore(current.lastOccurredAt())
                        ? command.asOf() : entry.occurredAt();
                apply(command.reported(entry.unitKind(), entry.unitId(), entry.figures(), occurredAt, false,
                        ModuleReportSource.SNAPSHOT, null));
                changed++;
            }
        }
        int removed = 0;
        for (ModuleUnitFigures unit : List.copyOf(units.values())) {
            if (!listed.contains(ModuleUnitFigures.key(unit.unitKind(), unit.unitId()))
                    && !unit.lastOccurredAt().isAfter(command.asOf())) {
                apply(command.removed(unit.unitKind(), unit.unitId(), command.asOf()));
                removed++;
            }
        }
        return new ResyncResult(changed, removed, unchanged, skipped);
    }

    private static ModuleFiguresReported reported(ReportModuleFigures command, ModuleReport report, boolean stale) {
        return command.reported(report.unitKind(), report.unitId(), report.figures(), report.occurredAt(), stale,
                ModuleReportSource.EVENT, report.eventId());
    }

    @EventSourcingHandler
    void on(ModuleFiguresReported event) {
        providerId = ModuleProviderId.of(event.moduleId(), event.providerId());
        if (!event.stale()) {
            units.put(ModuleUnitFigures.key(event.unitKind(), event.unitId()), new ModuleUnitFigures(
                    event.unitKind(), event.unitId(), event.values(), event.statuses(), event.occurredAt()));
        }
    }

    @EventSourcingHandler
    void on(ModulePassageRecorded event) {
        providerId = ModuleProviderId.of(event.moduleId(), event.providerId());
    }

    @EventSourcingHandler
    void on(ModuleUnitRemoved event) {
        providerId = ModuleProviderId.of(event.moduleId(), event.providerId());
        units.remove(ModuleUnitFigures.key(event.unitKind(), event.unitId()));
    }
}
