package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.lpz.capacity.command.EventReceipts.Claim;
import nl.lpz.capacity.command.EventReceipts.Receipt;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
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
        return takeEach(command, command.reports(), command.payloadHashes(), receipts,
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
        return takeEach(command, command.passages(), command.payloadHashes(), receipts, command::recorded,
                passage -> {
                    apply(command.recorded(passage));
                    return Kind.ACCEPTED;
                });
    }

    /**
     * The batch step of reports and passages alike: each item's instants by the {@link InstantRule} and its event by
     * the {@link ValueRules} (a refused one keeps its rejection and claims nothing), then the receipts of the others
     * claimed at once for the sending organisation, and each new one applied, in order; one outcome per item.
     *
     * @param event the event an item would cause, for the value rules
     * @param take  applies a new item's event(s), and says whether it was stale
     */
    private static <T extends ModuleBatchItem> ReportResult takeEach(ModuleProviderCommand command, List<T> items,
                                                                     List<String> hashes, EventReceipts receipts,
                                                                     Function<T, Object> event,
                                                                     Function<T, Kind> take) {
        Outcome[] outcomes = new Outcome[items.size()];
        Map<UUID, Receipt> toClaim = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            outcomes[i] = refusal(item, command, event);
            if (outcomes[i] == null) {
                toClaim.putIfAbsent(item.eventId(), new Receipt(item.eventId(), hashes.get(i), item.occurredAt()));
            }
        }
        Map<UUID, Claim> claims = toClaim.isEmpty() ? Map.of()
                : receipts.claim(command.organisationId(), toClaim.values());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            T item = items.get(i);
            outcomes[i] = claimed(item.eventId(), hashes.get(i), claims, toClaim, seen);
            if (outcomes[i] == null) {
                outcomes[i] = Outcome.of(item.eventId(), take.apply(item));
            }
        }
        return new ReportResult(List.of(outcomes));
    }

    /** An item's rejection before its receipt is claimed: an instant out of bounds, or a value no store holds. */
    private static <T extends ModuleBatchItem> Outcome refusal(T item, ModuleProviderCommand command,
                                                               Function<T, Object> event) {
        for (Map.Entry<String, Instant> instant : item.instants().entrySet()) {
            InstantRule.Refusal refusal = InstantRule.refusal(instant.getKey(), instant.getValue(),
                    command.receivedAt(), command.backfillHorizon());
            if (refusal != null) {
                return Outcome.rejected(item.eventId(), refusal.code(), refusal.detail());
            }
        }
        return ValueRules.firstViolation(event.apply(item))
                .map(detail -> Outcome.rejected(item.eventId(), CommandRejected.INVALID_FIELD, detail))
                .orElse(null);
    }

    /**
     * What the receipts say of one event of a command whose receipts were claimed: a conflict when its id was received
     * with other content (before, or earlier in this command), a duplicate when with the same, null when it is new.
     */
    private static Outcome claimed(UUID eventId, String payloadHash, Map<UUID, Claim> claims,
                                   Map<UUID, Receipt> claimed, Set<UUID> seen) {
        Claim claim = claims.getOrDefault(eventId, Claim.DUPLICATE);
        if (claim == Claim.CONFLICT || !payloadHash.equals(claimed.get(eventId).payloadHash())) {
            return Outcome.rejected(eventId, CommandRejected.EVENT_ID_CONFLICT, "eventId " + eventId
                    + " was received before with other content");
        }
        if (claim == Claim.DUPLICATE || !seen.add(eventId)) {
            return Outcome.of(eventId, Kind.DUPLICATE);
        }
        return null;
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
