package nl.lpz.reporting.modules;

import java.util.function.Predicate;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.modules.RegionalModuleQuery.Reading;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.ModuleReaderRules;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StopReaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read a module's regional picture, and how much of it: the reader rules of the module's current definition
 * as {@link ModuleReaderRules} applies them to the caller's roles, and the refusals of the picture when none grants it.
 */
@Component
class ModuleReaders {
    static final String UNKNOWN_MODULE = "UNKNOWN_MODULE";

    private final ModuleCatalogue catalogue;
    private final ModuleReaderRules rules;
    private final Locations locations;
    private final StopReaders stopReaders;

    ModuleReaders(ModuleCatalogue catalogue, ModuleReaderRules rules, Locations locations, StopReaders stopReaders) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.locations = locations;
        this.stopReaders = stopReaders;
    }

    /** The module's current definition; 404 UNKNOWN_MODULE when the catalogue has none. */
    ModuleDefinition module(String moduleId) {
        return catalogue.current(moduleId).orElseThrow(() -> unknownModule(moduleId));
    }

    static ApiException unknownModule(String moduleId) {
        return new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_MODULE, "no module '" + moduleId
                + "' in the module catalogue");
    }

    /**
     * The caller's reading of the region: 403 FORBIDDEN_ROLE when none of its roles reads the module, 404
     * UNKNOWN_REGION when no location of the region is known, 403 FORBIDDEN_REGION when its only rules are regional and
     * the region is not its own, 403 FORBIDDEN_ORGANISATION when it may read only its own providers and acts for no
     * organisation. The region id must have been checked against the id pattern.
     */
    Reading reading(Caller caller, ModuleDefinition module, String roazRegionId) {
        return reading(caller, module, roazRegionId, rule -> true, "");
    }

    /**
     * The caller's reading of the region for the period report (the ROAZ office's daily and quarterly figures per
     * veiligheidsregio): only rules that show every provider of the region count, detail PROVIDER with scope REGION
     * or NATIONAL; the answers are those of {@link #reading} over those rules (403 FORBIDDEN_ROLE without one, 403
     * FORBIDDEN_REGION for another region).
     */
    Reading reportReading(Caller caller, ModuleDefinition module, String roazRegionId) {
        return reading(caller, module, roazRegionId, rule -> rule.detail() == ReaderRule.Detail.PROVIDER
                && rule.scope() != ReaderRule.Scope.OWN, "'s period report (detail PROVIDER, scope REGION or "
                + "NATIONAL)");
    }

    private Reading reading(Caller caller, ModuleDefinition module, String roazRegionId, Predicate<ReaderRule> counted,
                            String what) {
        ModuleReaderRules.Decision decision = rules.decide(caller, module, roazRegionId, counted);
        if (!decision.anyRule()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ROLE, "module " + module.id() + what
                    + " is read by the roles " + module.readers().stream().filter(counted).map(ReaderRule::role)
                    .distinct().toList());
        }
        if (!locations.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, RegionAccess.UNKNOWN_REGION,
                    "unknown ROAZ region " + roazRegionId);
        }
        if (decision.grant().isEmpty()) {
            if (decision.refusedRegion()) {
                throw RegionAccess.forbiddenRegion(roazRegionId);
            }
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "module " + module.id() + " is read by this role for its own organisation only, and the token "
                            + "names none");
        }
        ModuleReaderRules.Grant grant = decision.grant().get();
        return new Reading(grant.detail(), grant.onlyOrganisation(), vr -> stopReaders.mayRead(caller, vr));
    }
}
