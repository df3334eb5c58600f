package nl.lpz.capacity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.lpz.contract.Role;
import nl.lpz.modules.DeliveryKpi;
import nl.lpz.modules.FigureDefinition;
import nl.lpz.modules.FigureType;
import nl.lpz.modules.Invariant;
import nl.lpz.modules.LocalizedName;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.ReaderRule;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitPassages;
import nl.lpz.modules.UnitStops;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module catalogue as the platform runs it (docs/modules.md): what each module's providers report and who reads
 * it. Reference data, no figures: every authenticated role may read it, so that a sender's software and a dashboard
 * can build themselves from the definitions instead of copying them.
 */
@RestController
@Tag(name = "modules")
class ModulesController {
    private final ModuleCatalogue catalogue;

    ModulesController(ModuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** {@code offering}: the care kinds of the providers expected to deliver it (empty: all of them). */
    record ModuleView(String id, int version, LocalizedName name, List<ProviderKind> providerKinds,
                      List<String> offering, String freshness, List<UnitView> units, List<ReaderRule> readers,
                      List<DeliveryKpi> kpis) {
        static ModuleView of(ModuleDefinition definition) {
            return new ModuleView(definition.id(), definition.version(), definition.name(),
                    definition.providerKinds(), definition.offering(), definition.freshness().toString(),
                    definition.units().stream().map(UnitView::of).toList(), definition.readers(), definition.kpis());
        }
    }

    /**
     * {@code invariants} as written in the definition ({@code occupied <= capacity}); {@code levels} the levels derived
     * from the figures; {@code stops} the stop kinds shown with the unit; {@code passages} the moments a lead-time
     * passage may name and the intervals kept of them (both null when none; docs/modules.md).
     */
    record UnitView(String kind, LocalizedName name, List<FigureView> figures, List<String> invariants,
                    List<nl.lpz.modules.LevelRule> levels, StopsView stops, PassagesView passages) {
        static UnitView of(UnitDefinition unit) {
            UnitStops stops = unit.stops();
            return new UnitView(unit.kind(), unit.name(), unit.figures().stream().map(FigureView::of).toList(),
                    unit.invariants().stream().map(Invariant::text).toList(), unit.levels(),
                    stops.kinds().isEmpty() ? null
                            : new StopsView(stops.kinds(), stops.availability().orElse(null)),
                    unit.passages().defined() ? PassagesView.of(unit.passages()) : null);
        }
    }

    /** {@code norm}: ISO-8601 duration, the national default (regions may set their own); null without a norm. */
    record PassagesView(List<String> moments, List<IntervalView> intervals) {
        static PassagesView of(UnitPassages passages) {
            return new PassagesView(passages.moments(), passages.intervals().stream()
                    .map(i -> new IntervalView(i.id(), i.name(), i.from(), i.to(),
                            i.norm() == null ? null : i.norm().toString())).toList());
        }
    }

    record IntervalView(String id, LocalizedName name, String from, String to, String norm) {
    }

    /** {@code availability}: the status figure a stop of {@code stoppedBy} overrides with STOP; null when none. */
    record StopsView(List<String> kinds, UnitStops.Availability availability) {
    }

    /** {@code values} only for a STATUS figure, {@code max} only for a numeric one. */
    record FigureView(String id, LocalizedName name, FigureType type, List<String> values, Long max,
                      boolean required) {
        static FigureView of(FigureDefinition figure) {
            boolean numeric = figure.type().numeric();
            return new FigureView(figure.id(), figure.name(), figure.type(), numeric ? null : figure.values(),
                    numeric ? figure.max() : null, figure.required());
        }
    }

    @Operation(summary = "The current definition of every module",
            description = "The newest version of each module: the one reports are checked against and written "
                    + "under. Any authenticated role.")
    @GetMapping("/api/v1/modules")
    List<ModuleView> list(@Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.values());
        return catalogue.currentDefinitions().stream().map(ModuleView::of).toList();
    }

    @Operation(summary = "One module's definition, the current one or an earlier version",
            description = "404 UNKNOWN_MODULE when the catalogue has no such module or version. Any authenticated "
                    + "role.")
    @GetMapping("/api/v1/modules/{moduleId}")
    ModuleView get(@PathVariable String moduleId,
                   @Parameter(description = "a version of the definition (1, 2, ...); default the current one")
                   @RequestParam(required = false) Integer version,
                   @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.values());
        if (version == null) {
            return ModuleView.of(catalogue.current(moduleId).orElseThrow(() -> unknownModule(moduleId)));
        }
        List<ModuleDefinition> versions = catalogue.versions(moduleId);
        if (versions.isEmpty()) {
            throw unknownModule(moduleId);
        }
        return ModuleView.of(catalogue.version(moduleId, version).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, CapacityProblems.UNKNOWN_MODULE, "module " + moduleId + " has no version "
                + version + "; it has " + versions.stream().map(ModuleDefinition::version).toList())));
    }

    private ApiException unknownModule(String moduleId) {
        return CapacityProblems.unknownModule(moduleId,
                catalogue.currentDefinitions().stream().map(ModuleDefinition::id).toList());
    }
}
