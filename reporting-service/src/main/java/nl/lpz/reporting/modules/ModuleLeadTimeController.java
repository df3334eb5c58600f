package nl.lpz.reporting.modules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.ids.Ids;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.DayRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ModuleLeadTimeController {
    /** The longest period one request may ask for, in days (a quarter). */
    static final int MAX_DAYS = 92;

    private final ModuleLeadTimeQuery query;
    private final ModuleReaders readers;
    private final Clock clock;

    ModuleLeadTimeController(ModuleLeadTimeQuery query, ModuleReaders readers, Clock clock) {
        this.query = query;
        this.readers = readers;
        this.clock = clock;
    }

    @Operation(summary = "A module's lead times (doorlooptijden) in a ROAZ region, per provider, unit and day",
            description = "Any module of the catalogue whose unit kinds keep passages (docs/modules.md, \"Lead "
                    + "times\"). Per provider (a hospital location of the region), unit and day (the date of a "
                    + "passage's first moment in Europe/Amsterdam) from `from` to `to`: the passages that started "
                    + "that day, and per interval of the unit kind {interval, passages (those that reached both "
                    + "moments), medianMinutes, p90Minutes (continuous percentiles, one decimal), normMinutes, "
                    + "overNorm (passages longer than the norm), overNormShare (three decimals)}; norm null: "
                    + "overNorm and overNormShare null. Each passage is read with the intervals of the definition "
                    + "version it names; an unknown version contributes nothing. Norms: the region's setting "
                    + "lpz.reporting.modules.passage-norms[<module>.<interval>.<ROAZ region>], else the definition's. "
                    + "totals: the same per unit kind and day over every provider the caller sees. Who reads what "
                    + "follows the module's reader rules, as the regional module picture: detail AGGREGATE answers "
                    + "the totals only (providers empty); scope REGION only the caller's own region (403 "
                    + "FORBIDDEN_REGION), OWN only the caller's organisation's providers. 403 FORBIDDEN_ROLE without "
                    + "a reader rule for the caller's roles; 404 UNKNOWN_MODULE, 404 UNKNOWN_REGION, 400 INVALID_ID, "
                    + "400 INVALID_FIELD (from, to: not a date, from after to, more than 92 days).")
    @GetMapping("/api/v1/regions/{roazRegionId}/modules/{moduleId}/lead-times")
    public ModuleLeadTimes leadTimes(@PathVariable String roazRegionId, @PathVariable String moduleId,
                                     @Parameter(description = "first day, YYYY-MM-DD; default `to`")
                                     @RequestParam(required = false) String from,
                                     @Parameter(description = "last day (inclusive), YYYY-MM-DD; default today "
                                             + "(Europe/Amsterdam); at most 92 days from `from`")
                                     @RequestParam(required = false) String to,
                                     @Parameter(hidden = true) Caller caller) {
        DayRange period = period(from, to,
                LocalDate.now(clock.withZone(ModuleComplianceQuery.ZONE)));
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        ModuleDefinition module = readers.module(moduleId);
        return query.find(module, roazRegionId, period, readers.reading(caller, module, roazRegionId));
    }

    /** The days asked for: {@code to} defaults to {@code today}, {@code from} to {@code to}; at most 92 days. */
    static DayRange period(String from, String to, LocalDate today) {
        return DayRange.parse(from, to, today, MAX_DAYS);
    }
}
