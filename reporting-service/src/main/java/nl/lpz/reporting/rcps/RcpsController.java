package nl.lpz.reporting.rcps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.ReportDay;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The RCPS daily report (docs/services/reporting-service.md, "Feeds"). */
@RestController
@Tag(name = "feeds-controller")
class RcpsController {
    static final String UNKNOWN_REGION = "UNKNOWN_REGION";

    private final RcpsQuery query;
    private final Locations locations;

    RcpsController(RcpsQuery query, Locations locations) {
        this.query = query;
        this.locations = locations;
    }

    @Operation(summary = "RCPS daily report of a ROAZ region at its report moment",
            description = "Per hospital location: ICU and clinic capacity, occupied, available (real capacity, no "
                    + "thresholds), each split COVID / non-COVID capacity, patients by patientCovidStatus; totals. "
                    + "picu and nicu: the children's ICU groups, of which subsets of icu (already counted in it).")
    @GetMapping(value = "/api/v1/rcps/{roazRegionId}/daily", produces = MediaType.APPLICATION_JSON_VALUE)
    public RcpsDaily rcpsDaily(@PathVariable String roazRegionId,
                               @Parameter(description = "report day YYYY-MM-DD (Europe/Amsterdam)")
                               @RequestParam(required = false) String date,
                               @Parameter(hidden = true) Caller caller) {
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN, Role.HOSPITAL, Role.EPD_SYSTEM);
        LocalDate day = day(date);
        if (!locations.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION, "unknown ROAZ region " + roazRegionId);
        }
        boolean hospital = caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) && caller.organisation() != null;
        String viewer = hospital ? caller.organisation() : null;
        boolean wholeRegion = caller.hasAny(Role.LCPS, Role.ADMIN)
                || (caller.has(Role.RCPS) && roazRegionId.equals(caller.region()));
        if (!wholeRegion && !hospital) {
            if (caller.has(Role.RCPS)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "the token's region does not cover ROAZ region " + roazRegionId);
            }
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ROLE,
                    "HOSPITAL/EPD_SYSTEM without an organisation claim");
        }
        return query.rcpsDaily(roazRegionId, day, viewer, !wholeRegion)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION,
                        "unknown ROAZ region " + roazRegionId));
    }

    private LocalDate day(String text) {
        return ReportDay.parse(text, query.today());
    }
}
