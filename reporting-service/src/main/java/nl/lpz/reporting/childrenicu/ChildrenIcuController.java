package nl.lpz.reporting.childrenicu;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import nl.lpz.contract.Role;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.AsOf;
import nl.lpz.reporting.readmodel.RegionAccess;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national NICU/PICU overview (issue 10, Kliniek). Children's intensive care is coordinated nationally: seed 003
 * names national coordination of NICU and Kinder-IC capacity, and children are spread over the whole country (seed
 * 004), so a region's coordinator must see every region's children's ICU beds too. Hence LCPS, and also RCPS (of any
 * region, the exception to its own-region rule of the regional picture) and ADMIN; every other role 403
 * {@code FORBIDDEN_ROLE}. The figures stay those the regional picture shows: shared organisations only, thresholds
 * applied to {@code available}.
 */
@RestController
class ChildrenIcuController {
    private final ChildrenIcuQuery query;

    ChildrenIcuController(ChildrenIcuQuery query) {
        this.query = query;
    }

    @Operation(summary = "National NICU/PICU overview, now or as it stood at asOf (LCPS, RCPS, ADMIN)",
            description = "Per ROAZ region its shared locations with PICU or NICU beds: picu and nicu capacity, "
                    + "available as other organisations see it (thresholds applied), occupied, lastEventAt and "
                    + "ageSeconds of those beds; totals per region and national. Hidden organisations are left out.")
    @GetMapping(value = "/api/v1/lcps/children-icu", produces = MediaType.APPLICATION_JSON_VALUE)
    public ChildrenIcuOverview childrenIcu(@Parameter(description = "ISO-8601 instant with offset")
                                           @RequestParam(required = false) String asOf,
                                           @Parameter(hidden = true) Caller caller) {
        Instant at = asOf == null ? null : AsOf.parse(asOf);
        caller.requireAny(Role.LCPS, Role.RCPS, Role.ADMIN);
        return query.overview(at, RegionAccess.viewerOrganisation(caller));
    }
}
