package nl.lpz.reporting.modules;

import static nl.lpz.reporting.readmodel.DayRange.given;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
class ModulePeriodReportController {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final ModulePeriodReportQuery query;
    private final ModuleReaders readers;

    ModulePeriodReportController(ModulePeriodReportQuery query, ModuleReaders readers) {
        this.query = query;
        this.readers = readers;
    }

    @Operation(summary = "A module's daily or quarterly report per veiligheidsregio of a ROAZ region (ROAZ office)",
            description = "Any module of the catalogue (docs/modules.md, \"Reports for the ROAZ office\"). The period "
                    + "is exactly one of: `day`, `quarter` (YYYY-Qn: its days) or `from` and `to` (both inclusive, at "
                    + "most 92 days); days in Europe/Amsterdam. Per veiligheidsregio of the region (safetyRegions, "
                    + "by id) and for the region (region): providers (locations with a report in the period), "
                    + "expected (locations the definition expects, delivery compliance's rule), reports (unit "
                    + "reports in the period); per unit kind: reports, per derived level of the current definition "
                    + "the reports per band and their share (each report read with the definition version it names "
                    + "and the region's bounds), per stop kind the definition names the stops at the area's "
                    + "locations active in the period and their minutes within it (clipped to the period and to the "
                    + "stop's end; null for a VR whose stops the caller does not read), and per lead-time interval "
                    + "passages, medianMinutes, p90Minutes, normMinutes, overNorm, overNormShare over the period. "
                    + "Read by the module's reader rules of detail PROVIDER and scope REGION (the caller's own "
                    + "region: the RCPS, for the ROAZ office) or NATIONAL (LCPS, ADMIN). 403 FORBIDDEN_ROLE without "
                    + "such a rule, 403 FORBIDDEN_REGION for another region; 404 UNKNOWN_MODULE, 404 UNKNOWN_REGION, "
                    + "400 INVALID_ID, 400 INVALID_FIELD (not exactly one period form, not a date or quarter, from "
                    + "after to, more than 92 days).")
    @GetMapping("/api/v1/regions/{roazRegionId}/modules/{moduleId}/period-report")
    public ModulePeriodReport periodReport(@PathVariable String roazRegionId, @PathVariable String moduleId,
                                           @Parameter(description = "one day, YYYY-MM-DD")
                                           @RequestParam(required = false) String day,
                                           @Parameter(description = "a quarter, YYYY-Qn (e.g. 2026-Q4)")
                                           @RequestParam(required = false) String quarter,
                                           @Parameter(description = "first day, YYYY-MM-DD (with `to`)")
                                           @RequestParam(required = false) String from,
                                           @Parameter(description = "last day (inclusive), YYYY-MM-DD (with `from`); "
                                                   + "at most 92 days")
                                           @RequestParam(required = false) String to,
                                           @Parameter(hidden = true) Caller caller) {
        DayRange period = period(day, quarter, from, to);
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        ModuleDefinition module = readers.module(moduleId);
        return query.find(module, roazRegionId, period, readers.reportReading(caller, module, roazRegionId));
    }

    /**
     * Exactly one of {@code day}, {@code quarter} or {@code from} with {@code to}; {@code from} not after {@code to},
     * at most {@link ModuleLeadTimeController#MAX_DAYS} days; 400 INVALID_FIELD else.
     */
    static DayRange period(String day, String quarter, String from, String to) {
        long forms = Stream.of(given(day), given(quarter), given(from) || given(to)).filter(b -> b).count();
        if (forms != 1) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    "give exactly one of day, quarter, or from and to");
        }
        if (given(day)) {
            LocalDate d = DayRange.day("day", day);
            return new DayRange(d, d);
        }
        if (given(quarter)) {
            Matcher m = QUARTER.matcher(quarter.strip());
            if (!m.matches()) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "quarter: not YYYY-Qn: " + quarter);
            }
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1,
                    1);
            return new DayRange(DayRange.withinPlatformYears("quarter", first.getYear(), first),
                    first.plusMonths(3).minusDays(1));
        }
        if (!given(from) || !given(to)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from and to: give both");
        }
        return DayRange.of(DayRange.day("from", from), DayRange.day("to", to), ModuleLeadTimeController.MAX_DAYS);
    }
}
