package nl.lpz.reporting.modules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.ids.Ids;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.AsOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegionalModuleController {
    private final RegionalModuleQuery query;
    private final ModuleReaders readers;

    RegionalModuleController(RegionalModuleQuery query, ModuleReaders readers) {
        this.query = query;
        this.readers = readers;
    }

    @Operation(summary = "A module's figures in a ROAZ region, now or as they stood at asOf",
            description = "Any module of the catalogue (docs/modules.md). Per provider (a hospital location of the "
                    + "region) its units with their figures, read with the definition version each report names, "
                    + "occurredAt, ageSeconds and stale (older than that version's freshness); per unit kind the "
                    + "totals (units, staleUnits, sum per number figure, count per status value). A unit kind whose "
                    + "definition names stop kinds also shows the location's active stops of those kinds, care "
                    + "(OPEN/STOP per kind) and availability (STOP with the stop's end; CLOSED with outsideHours and "
                    + "until the opening, outside the location's opening hours where the definition names hoursOf; "
                    + "else the status figure, with closesAt when the location keeps hours), to "
                    + "readers of that VR's stops only. Who reads what "
                    + "follows the module's reader rules: detail AGGREGATE answers the totals only (providers empty); "
                    + "scope REGION only the caller's own region (403 FORBIDDEN_REGION), OWN only the caller's "
                    + "organisation's providers. 403 FORBIDDEN_ROLE without a reader rule for the caller's roles; "
                    + "404 UNKNOWN_MODULE, 404 UNKNOWN_REGION, 400 INVALID_ID, 400 INVALID_FIELD (asOf).")
    @GetMapping("/api/v1/regions/{roazRegionId}/modules/{moduleId}")
    public RegionalModule module(@PathVariable String roazRegionId, @PathVariable String moduleId,
                                 @Parameter(description = "ISO-8601 instant with offset; default now")
                                 @RequestParam(required = false) String asOf,
                                 @Parameter(hidden = true) Caller caller) {
        Instant at = asOf == null ? null : AsOf.parse(asOf);
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        ModuleDefinition module = readers.module(moduleId);
        return query.find(module, roazRegionId, at, readers.reading(caller, module, roazRegionId));
    }
}
