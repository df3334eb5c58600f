package nl.lpz.reporting.acutecare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.Ids;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.ModuleReaderRules;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StopReaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acute-care map's locations with their live state: where acute care is offered is for everyone who works with
 * it, as the profile page is; a location's state and crowding follow the rules of the views they come from.
 */
@RestController
@Tag(name = "acute-care-map")
class AcuteCareLocationsController {
    static final String UNKNOWN_SAFETY_REGION = "UNKNOWN_SAFETY_REGION";
    static final String UNKNOWN_ROAZ_REGION = "UNKNOWN_ROAZ_REGION";
    /** Every role but the public one, as the profile page: the map names hospitals and their stops. */
    private static final Role[] READERS = Arrays.stream(Role.values()).filter(r -> r != Role.PUBLIC_AGGREGATE)
            .toArray(Role[]::new);

    private final AcuteCareLocationsQuery query;
    private final Locations locations;
    private final StopReaders stopReaders;
    private final ModuleReaderRules moduleReaders;
    private final ModuleCatalogue catalogue;

    AcuteCareLocationsController(AcuteCareLocationsQuery query, Locations locations, StopReaders stopReaders,
                                 ModuleReaderRules moduleReaders, ModuleCatalogue catalogue) {
        this.query = query;
        this.locations = locations;
        this.stopReaders = stopReaders;
        this.moduleReaders = moduleReaders;
        this.catalogue = catalogue;
    }

    @Operation(summary = "The acute-care map's locations with their acute offer and live state",
            description = "Without region: national; region=VRnn (veiligheidsregio) or a ROAZ region id. Answers "
                    + "{region, regionKind, at, locations: [{locationId, name, organisationId, safetyRegionId, "
                    + "roazRegionId, latitude, longitude, careOffered, careProfile, acute: [{careKind, hours "
                    + "(\"24/7\" or [{day, opens, closes}]), state (OPEN|STOP|CLOSED|null), stopUntil, closedUntil, "
                    + "stopSince}], stateHidden, crowding, crowdingAt, crowdingStale}]}: every location with a "
                    + "position and an acute care kind. State: STOP while a stop of the kind is active, CLOSED "
                    + "outside its opening hours, else OPEN; null with stateHidden where the caller may not read the "
                    + "stops of the location's VR (the stop view's rule). Crowding: the Spoed module's level, where "
                    + "its reader rules let the caller read the provider and the organisation's figures are shared "
                    + "(or its own). Every role but PUBLIC_AGGREGATE (403 FORBIDDEN_ROLE). 400 UNKNOWN_SAFETY_REGION "
                    + "/ UNKNOWN_ROAZ_REGION, INVALID_FIELD.")
    @GetMapping("/api/v1/acute-care-map/locations")
    AcuteCareLocations locations(@Parameter(description = "VRnn or a ROAZ region id; national when left out")
                                 @RequestParam(required = false) String region,
                                 @Parameter(hidden = true) Caller caller) {
        caller.requireAny(READERS);
        AcuteCareLocationsQuery.Scope scope = scope(region);
        return query.locations(scope, reader(caller));
    }

    private AcuteCareLocationsQuery.Scope scope(String region) {
        if (region == null || region.isBlank()) {
            return AcuteCareLocationsQuery.Scope.NATIONAL;
        }
        if (!Ids.isValid(region)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "region: not a region id: " + region);
        }
        if (region.startsWith("VR")) {
            if (!query.safetyRegionExists(region)) {
                throw ApiException.badRequest(UNKNOWN_SAFETY_REGION, "region: no location of safety region "
                        + region + " is registered");
            }
            return new AcuteCareLocationsQuery.Scope("SAFETY_REGION", region);
        }
        if (!locations.regionExists(region)) {
            throw ApiException.badRequest(UNKNOWN_ROAZ_REGION, "region: no location of ROAZ region " + region
                    + " is registered (VRnn for a safety region)");
        }
        return new AcuteCareLocationsQuery.Scope("ROAZ_REGION", region);
    }

    /** The caller's rules, each decided once per region of the answer (a national map asks them per region). */
    private AcuteCareLocationsQuery.Reader reader(Caller caller) {
        Map<String, Predicate<String>> spoed = new HashMap<>();
        return new AcuteCareLocationsQuery.Reader(vr -> stopReaders.mayRead(caller, vr),
                (roazRegion, organisation) -> spoed.computeIfAbsent(roazRegion, r -> catalogue
                        .current(AcuteCareLocationsQuery.SPOED)
                        .map(m -> moduleReaders.readsProvidersOf(caller, m, r))
                        .orElse(o -> false)).test(organisation),
                RegionAccess.viewerOrganisation(caller));
    }
}
