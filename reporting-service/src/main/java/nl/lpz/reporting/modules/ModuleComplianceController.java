package nl.lpz.reporting.modules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.Ids;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.AsOf;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.RegionAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery compliance of the catalogue's modules, beside {@code GET /api/v1/compliance} (whose contract names its three
 * modules and stays as it is); the same readers: ADMIN and LCPS every region, RCPS its own.
 */
@RestController
class ModuleComplianceController {
    private final ModuleComplianceQuery query;
    private final ModuleCatalogue catalogue;
    private final Locations locations;

    ModuleComplianceController(ModuleComplianceQuery query, ModuleCatalogue catalogue, Locations locations) {
        this.query = query;
        this.catalogue = catalogue;
        this.locations = locations;
    }

    @Operation(summary = "Delivery compliance of every module of the catalogue, per ROAZ region and nationally",
            description = "Per module: the KPI in force today (required share and its source), and per region and "
                    + "nationally the providers expected (registered hospital locations, narrowed by the module's "
                    + "care kinds), those delivering (a report in the window: max(24 h, the module's freshness)), "
                    + "the share and whether it meets the KPI. ADMIN, LCPS: every region; RCPS: its own "
                    + "(403 FORBIDDEN_REGION for another); others 403 FORBIDDEN_ROLE. 404 UNKNOWN_MODULE, "
                    + "404 UNKNOWN_REGION, 400 INVALID_ID, 400 INVALID_FIELD (asOf).")
    @GetMapping("/api/v1/compliance/modules")
    public ModuleCompliance compliance(@Parameter(description = "only this module (default: every module)")
                                       @RequestParam(required = false) String moduleId,
                                       @RequestParam(required = false) String roazRegionId,
                                       @Parameter(description = "end of the windows, ISO-8601 instant; default now")
                                       @RequestParam(required = false) String asOf,
                                       @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN, Role.LCPS, Role.RCPS);
        Instant at = asOf == null ? null : AsOf.parse(asOf);
        String region = roazRegionId;
        if (region != null && !Ids.isValid(region)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        List<ModuleDefinition> modules = moduleId == null ? catalogue.currentDefinitions()
                : List.of(catalogue.current(moduleId).orElseThrow(() -> ModuleReaders.unknownModule(moduleId)));
        if (!caller.hasAny(Role.ADMIN, Role.LCPS)) {
            if (caller.region() == null || (region != null && !region.equals(caller.region()))) {
                throw RegionAccess.forbiddenRegion(region);
            }
            region = caller.region();
        }
        if (region != null && !locations.regionExists(region)) {
            throw new ApiException(HttpStatus.NOT_FOUND, RegionAccess.UNKNOWN_REGION, "unknown ROAZ region " + region);
        }
        return query.compliance(modules, region, at);
    }
}
