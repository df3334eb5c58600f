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
        List<ModuleReport> reports = command.reports();
        Outcome[] outcomes = new Outcome[reports.size()];
        Map<UUID, Receipt> toClaim = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            ModuleReport report = reports.get(i);
            InstantRule.Refusal refusal = InstantRule.refusal("occurredAt", report.occurredAt(),
                    command.receivedAt(), command.backfillHorizon());
            Optional<String> unstorable = refusal != null ? Optional.empty()
                    : ValueRules.firstViolation(reported(command, report, false));
            if (refusal != null) {
                outcomes[i] = Outcome.rejected(report.eventId(), refusal.code(), refusal.detail());
            } else if (unstorable.isPresent()) {
                outcomes[i] = Outcome.rejected(report.eventId(), CommandRejected.INVALID_FIELD, unstorable.get());
            } else {
                toClaim.putIfAbsent(report.eventId(), new Receipt(report.eventId(), command.payloadHashes().get(i),
                        report.occurredAt()));
            }
        }
        Map<UUID, Claim> claims = toClaim.isEmpty() ? Map.of()
                : receipts.claim(command.organisationId(), toClaim.values());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < reports.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            ModuleReport report = reports.get(i);
            outcomes[i] = claimed(report.eventId(), command.payloadHashes().get(i), claims, toClaim, seen);
            if (outcomes[i] != null) {
                continue;
            }
            ModuleUnitFigures current = units.get(ModuleUnitFigures.key(report.unitKind(), report.unitId()));
            boolean stale = current != null && report.occurredAt().isBefore(current.lastOccurredAt());
            apply(reported(command, report, stale));
            outcomes[i] = Outcome.of(report.eventId(), stale ? Kind.STALE : Kind.ACCEPTED);
        }
        return new ReportResult(List.of(outcomes));
    }

    /**
     * Patient passages (lead times): each moment by the reports' {@link InstantRule}, receipts claimed in the same
     * table with the same rules, each new passage one {@link ModulePassageRecorded}. A passage changes no unit's
     * figures, so the aggregate keeps nothing of it and none is stale.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReportResult handle(RecordModulePassages command, EventReceipts receipts) {
        List<ModulePassage> passages = command.passages();
        Outcome[] outcomes = new Outcome[passages.size()];
        Map<UUID, Receipt> toClaim = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            ModulePassage passage = passages.get(i);
            InstantRule.Refusal refusal = null;
            for (Map.Entry<String, Instant> moment : passage.moments().entrySet()) {
                refusal = InstantRule.refusal("moments." + moment.getKey(), moment.getValue(), command.receivedAt(),
                        command.backfillHorizon());
                if (refusal != null) {
                    break;
                }
            }
            Optional<String> unstorable = refusal != null ? Optional.empty()
                    : ValueRules.firstViolation(command.recorded(passage));
            if (refusal != null) {
                outcomes[i] = Outcome.rejected(passage.eventId(), refusal.code(), refusal.detail());
            } else if (unstorable.isPresent()) {
                outcomes[i] = Outcome.rejected(passage.eventId(), CommandRejected.INVALID_FIELD, unstorable.get());
            } else {
                toClaim.putIfAbsent(passage.eventId(), new Receipt(passage.eventId(),
                        command.payloadHashes().get(i), passage.occurredAt()));
            }
        }
        Map<UUID, Claim> claims = toClaim.isEmpty() ? Map.of()
                : receipts.claim(command.organisationId(), toClaim.values());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            ModulePassage passage = passages.get(i);
            outcomes[i] = claimed(passage.eventId(), command.payloadHashes().get(i), claims, toClaim, seen);
            if (outcomes[i] == null) {
                apply(command.recorded(passage));
                outcomes[i] = Outcome.of(passage.eventId(), Kind.ACCEPTED);
            }
        }
        return new ReportResult(List.of(outcomes));
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
