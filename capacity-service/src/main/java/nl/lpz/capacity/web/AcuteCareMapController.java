package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.required;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.lpz.capacity.acutecare.AcuteCareMap;
import nl.lpz.capacity.acutecare.AcuteCareMapProperties;
import nl.lpz.contract.Role;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acute-care map (LAZK, docs/acute-care-map.md): the population's modelled reach of an emergency department (or an
 * acute obstetric unit), nationally or per region, and the areas' minutes for the map's shading. Every figure is
 * modelled, and every answer says so ({@code model}). Scenarios: {@link ScenarioController}.
 */
@RestController
@Tag(name = "acute-care-map")
class AcuteCareMapController {
    private final AcuteCareMap map;
    private final AcuteCareSites sites;
    private final AcuteCareMapProperties properties;

    AcuteCareMapController(AcuteCareMap map, AcuteCareSites sites, AcuteCareMapProperties properties) {
        this.map = map;
        this.sites = sites;
        this.properties = properties;
    }

    /** The map's shading: every area of the scope with its modelled minutes to the nearest open site. */
    record AreasAnswer(String region, String regionKind, String careKind, String model, double normMinutes,
                       List<String> unavailable, List<AcuteCareMap.AreaMinutes> areas) {
    }

    @Operation(summary = "Who reaches an emergency department within the 45-minute norm (modelled)",
            description = "Without region: national; region=VRnn (veiligheidsregio) or a ROAZ region id. Answers "
                    + "{region, regionKind, model, normMinutes, emergencyDepartments, populationTotal, "
                    + "populationWithin45, populationBeyond45, transport: {within15, within30, within45, beyond45}, "
                    + "bySafetyRegion}. The norm counts response + on scene + transport; `transport` bands the "
                    + "transport leg alone. care=SEH (default) or VERLOSKUNDE (acute obstetrics, the same norm). "
                    + "unavailable=<locationId> (repeatable): sites counted as not open, e.g. those on stop or "
                    + "outside their hours now (the page's live baseline); nothing is kept. "
                    + "Every authenticated role. 400 UNKNOWN_SAFETY_REGION / UNKNOWN_ROAZ_REGION, INVALID_FIELD, "
                    + "INVALID_ID; 422 UNKNOWN_LOCATION, CARE_NOT_OFFERED.")
    @GetMapping("/api/v1/acute-care-map/reachability")
    AcuteCareMap.Reachability reachability(@RequestParam(required = false) String region,
                                           @RequestParam(required = false) String care,
                                           @RequestParam(required = false) List<String> unavailable,
                                           @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.values());
        CareKind kind = AcuteCareSites.careKind(care);
        AcuteCareMap.Scope scope = sites.scope(region);
        return map.reachability(sites.openSites(kind, unavailable), scope, kind.name());
    }

    @Operation(summary = "Every area of the region with its modelled minutes to the nearest open site (the map's shading)",
            description = "region, care and unavailable as for reachability. Answers {region, regionKind, careKind, "
                    + "model, normMinutes, unavailable, areas: [{pc4, place, municipality, safetyRegionId, latitude, "
                    + "longitude, population, nearestLocationId, transportMinutes, chainMinutes, withinNorm}]}. "
                    + "Every authenticated role (population figures only).")
    @GetMapping("/api/v1/acute-care-map/areas")
    AreasAnswer areas(@RequestParam(required = false) String region, @RequestParam(required = false) String care,
                      @RequestParam(required = false) List<String> unavailable,
                      @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.values());
        CareKind kind = AcuteCareSites.careKind(care);
        AcuteCareMap.Scope scope = sites.scope(region);
        List<String> closed = unavailable == null ? List.of() : unavailable;
        return new AreasAnswer(scope.id(), scope.kind(), kind.name(), map.model(), properties.normMinutes(),
                closed, map.areas(sites.openSites(kind, closed), scope));
    }
}
