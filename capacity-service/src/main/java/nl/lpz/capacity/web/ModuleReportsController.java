package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.ModuleProviderId;
import nl.lpz.capacity.command.ModuleReport;
import nl.lpz.capacity.command.ModuleUnitEntry;
import nl.lpz.capacity.command.ReceiptSettings;
import nl.lpz.capacity.command.ReportModuleFigures;
import nl.lpz.capacity.command.ResyncModuleUnits;
import nl.lpz.capacity.command.ResyncResult;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ModuleDefinition.Checked;
import nl.lpz.modules.ProviderKind;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module core's write path (docs/modules.md, ADR 0014): reports of any module of the catalogue, in batches of
 * 1..1000, and full snapshots of one provider's units. Taken as bed events are ({@link BedEventsController}): the
 * request is checked as a whole first (structure: 400; the module: 404/422; authorisation: 403; an event id reused
 * with other content: 409; nothing written), then each report's figures are read with the module's current
 * definition (a report that does not fit is rejected with the definition's code), and each provider's reports are
 * one command and one transaction; the answer is sent after every transaction committed.
 */
@RestController
@Tag(name = "modules")
class ModuleReportsController {
    static final int MAX_REPORTS = 1000;
    /** Figure ids and status values of a definition are at most 40 characters; anything longer is neither. */
    static final int MAX_FIGURE_TEXT = 64;
    /** The one provider kind with a register on the platform: the registered (hospital) locations. */
    static final ProviderKind REGISTERED_KIND = ProviderKind.HOSPITAL_LOCATION;

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final EventIdConflicts conflicts;
    private final ReceiptSettings receipts;
    private final ModuleCatalogue catalogue;
    private final Clock clock;

    ModuleReportsController(CommandSender commands, LocationDirectory directory, EventIdConflicts conflicts,
                            ReceiptSettings receipts, ModuleCatalogue catalogue, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.conflicts = conflicts;
        this.receipts = receipts;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    record ModuleReportBody(UUID eventId,
                            @Schema(description = "a registered location id") String providerId,
                            @Schema(description = "a unit kind of the module") String unitKind,
                            @Schema(description = "the sender's name for the unit, an id") String unitId,
                            @Schema(description = "the unit's figures by figure id: whole numbers for counts and "
                                    + "durations, text for statuses") Map<String, Object> figures,
                            OffsetDateTime occurredAt) {
    }

    record ModuleReportsRequest(List<ModuleReportBody> reports) {
    }

    record ModuleReportsAnswer(long accepted, long duplicates, long stale, List<ReportBatches.Rejection> rejected) {
    }

    record ModuleUnitBody(String unitKind, String unitId, Map<String, Object> figures,
                          @Schema(description = "since when the unit has these figures; default asOf")
                          OffsetDateTime occurredAt) {
    }

    record ModuleSnapshotRequest(OffsetDateTime asOf, List<ModuleUnitBody> units) {
    }

    record ModuleSnapshotAnswer(String moduleId, String providerId, Instant asOf, int changed, int removed,
                                int unchanged, int skippedNewerKnown) {
    }

    /** A structurally valid report of a request, before its figures are read. */
    private record Sent(ModuleReportBody body, Instant occurredAt) {
    }

    @Operation(summary = "Reports of a module's units (batch of 1..1000), from EPD_SYSTEM or HOSPITAL",
            description = "202 {accepted, duplicates, stale, rejected:[{eventId, code, detail}]}. Whole request: "
                    + "400 INVALID_FIELD/INVALID_ID/MALFORMED_REQUEST, 404 UNKNOWN_MODULE, 422 "
                    + "PROVIDER_KIND_NOT_ALLOWED, 403 FORBIDDEN_ROLE/FORBIDDEN_ORGANISATION, 409 EVENT_ID_CONFLICT "
                    + "(with eventIds). Per report: UNKNOWN_LOCATION, OCCURRED_TOO_EARLY, OCCURRED_IN_FUTURE, "
                    + "EVENT_ID_CONFLICT and the definition's codes UNKNOWN_UNIT_KIND, UNKNOWN_FIGURE, "
                    + "FIGURE_TYPE_MISMATCH, UNKNOWN_STATUS, FIGURE_OUT_OF_RANGE, MISSING_FIGURE, INVARIANT_BROKEN; "
                    + "when every report is rejected, the problem of the first (400, 404 UNKNOWN_LOCATION, 409).")
    @PostMapping(path = "/api/v1/modules/{moduleId}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModuleReportsAnswer> report(@PathVariable String moduleId,
                                               @RequestBody ModuleReportsRequest request,
                                               @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.EPD_SYSTEM, Role.HOSPITAL);
        ModuleDefinition definition = writable(moduleId);
        List<ModuleReportBody> bodies = required(request.reports(), "reports");
        if (bodies.isEmpty() || bodies.size() > MAX_REPORTS) {
            throw invalid("reports must hold 1 to " + MAX_REPORTS + " module reports, not " + bodies.size());
        }
        List<Sent> sent = new ArrayList<>(bodies.size());
        Set<String> providerIds = new LinkedHashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            String field = "reports[" + i + "]";
            ModuleReportBody body = required(bodies.get(i), field);
            required(body.eventId(), field + ".eventId");
            providerIds.add(id(body.providerId(), field + ".providerId"));
            unit(body.unitKind(), body.unitId(), body.figures(), field);
            sent.add(new Sent(body, required(body.occurredAt(), field + ".occurredAt").toInstant()));
        }
        Map<String, String> owners = directory.owners(providerIds);
        owners.values().stream().distinct().forEach(caller::requireOrganisation);

        ReportBatches.ModuleBatch<ModuleReport> batch = new ReportBatches.ModuleBatch<>(definition.id(), owners,
                sent.size());
        for (int i = 0; i < sent.size(); i++) {
            ModuleReportBody body = sent.get(i).body();
            if (!batch.registered(i, body.eventId(), body.providerId())) {
                continue;
            }
            Checked checked = definition.read(body.unitKind(), body.figures());
            if (!checked.ok()) {
                batch.reject(i, body.eventId(), checked.violation().code(), checked.violation().detail());
                continue;
            }
            batch.take(i, body.providerId(), new ModuleReport(body.eventId(), body.unitKind(), body.unitId(),
                    checked.figures(), sent.get(i).occurredAt()));
        }
        ReportBatches.Counts counts = batch.send(conflicts, receipts, clock, "module reports",
                (provider, owner, reports, hashes, receivedAt, horizon) -> commands.send(new ReportModuleFigures(
                        provider, definition.version(), REGISTERED_KIND, owner, reports, receivedAt, horizon, hashes),
                        provider.providerId()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ModuleReportsAnswer(counts.accepted(),
                counts.duplicates(), counts.stale(), counts.rejected()));
    }

    @Operation(summary = "Full snapshot of one provider's units of a module (resync), from EPD_SYSTEM or HOSPITAL",
            description = "Units not listed are removed (unless a newer report is known), unchanged ones emit "
                    + "nothing, units with a report newer than asOf are skipped. 202 {moduleId, providerId, asOf, "
                    + "changed, removed, unchanged, skippedNewerKnown}. Any unit that does not fit refuses the "
                    + "whole snapshot with its code (400: the definition's codes, DUPLICATE_UNIT, OCCURRED_TOO_EARLY, "
                    + "OCCURRED_IN_FUTURE, INVALID_FIELD, INVALID_ID); 404 UNKNOWN_MODULE or UNKNOWN_LOCATION; 422 "
                    + "PROVIDER_KIND_NOT_ALLOWED; 403 FORBIDDEN_ROLE/FORBIDDEN_ORGANISATION.")
    @PutMapping(path = "/api/v1/modules/{moduleId}/providers/{providerId}/units",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModuleSnapshotAnswer> resync(@PathVariable String moduleId, @PathVariable String providerId,
                                                @RequestBody ModuleSnapshotRequest request,
                                                @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.EPD_SYSTEM, Role.HOSPITAL);
        ModuleDefinition definition = writable(moduleId);
        id(providerId, "providerId");
        Instant asOf = required(request.asOf(), "asOf").toInstant();
        List<ModuleUnitBody> units = required(request.units(), "units");
        for (int i = 0; i < units.size(); i++) {
            String field = "units[" + i + "]";
            ModuleUnitBody unit = required(units.get(i), field);
            unit(unit.unitKind(), unit.unitId(), unit.figures(), field);
        }
        String owner = directory.owners(Set.of(providerId)).get(providerId);
        if (owner == null) {
            throw CapacityProblems.unknownLocation(providerId);
        }
        caller.requireOrganisation(owner);
        List<ModuleUnitEntry> entries = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            ModuleUnitBody unit = units.get(i);
            Checked checked = definition.read(unit.unitKind(), unit.figures());
            if (!checked.ok()) {
                throw CapacityProblems.refusal(checked.violation().code(), "units[" + i + "] (" + unit.unitKind()
                        + "/" + unit.unitId() + "): " + checked.violation().detail(), Map.of());
            }
            entries.add(new ModuleUnitEntry(unit.unitKind(), unit.unitId(), checked.figures(),
                    unit.occurredAt() == null ? asOf : unit.occurredAt().toInstant()));
        }
        Instant receivedAt = clock.instant();
        ResyncResult result = commands.send(new ResyncModuleUnits(ModuleProviderId.of(definition.id(), providerId),
                definition.version(), REGISTERED_KIND, OrganisationId.of(owner), asOf, entries, receivedAt,
                receipts.backfillHorizon(receivedAt)), providerId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ModuleSnapshotAnswer(definition.id(), providerId,
                asOf, result.changed(), result.removed(), result.unchanged(), result.skippedNewerKnown()));
    }

    /**
     * The current definition of a module its providers can report: 404 for a module the catalogue does not hold,
     * 422 for one delivered by a kind of provider the platform has no register of yet (so no provider id could be
     * checked and no organisation authorised).
     */
    private ModuleDefinition writable(String moduleId) {
        return writable(catalogue, moduleId);
    }

    /** {@link #writable(String)} of {@code catalogue}, for the module core's other write endpoints. */
    static ModuleDefinition writable(ModuleCatalogue catalogue, String moduleId) {
        ModuleDefinition definition = catalogue.current(moduleId).orElseThrow(() -> CapacityProblems.unknownModule(
                moduleId, catalogue.currentDefinitions().stream().map(ModuleDefinition::id).toList()));
        if (!definition.providerKinds().contains(REGISTERED_KIND)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, CapacityProblems.PROVIDER_KIND_NOT_ALLOWED,
                    "module " + definition.id() + " is delivered by " + definition.providerKinds() + "; only "
                            + REGISTERED_KIND + " providers have a register on the platform yet");
        }
        return definition;
    }

    /**
     * The structure of one unit's report: ids of the contract's pattern, figures present, and every figure id and
     * status text one a definition could hold (short, storable), so that the definition's answer may quote it.
     */
    private static void unit(String unitKind, String unitId, Map<String, Object> figures, String field) {
        id(unitKind, field + ".unitKind");
        id(unitId, field + ".unitId");
        required(figures, field + ".figures");
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            CapacityProblems.requiredText(figure.getKey(), field + ".figures (a figure id)", MAX_FIGURE_TEXT);
            if (figure.getValue() instanceof String status) {
                CapacityProblems.text(status, field + ".figures." + figure.getKey(), MAX_FIGURE_TEXT);
            }
        }
    }
}
