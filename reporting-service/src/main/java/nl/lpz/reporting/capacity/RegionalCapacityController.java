package nl.lpz.reporting.capacity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.AsOf;
import nl.lpz.reporting.readmodel.RegionAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegionalCapacityController {
    private final RegionalCapacityQuery query;
    private final RegionAccess access;

    RegionalCapacityController(RegionalCapacityQuery query, RegionAccess access) {
        this.query = query;
        this.access = access;
    }

    @Operation(summary = "The regional capacity picture, now or as it stood at asOf",
            description = "Per shared location (and the caller's own, shared or not): capacity per specialistisch "
                    + "element with thresholds applied for other organisations, COVID/non-COVID split, patients, "
                    + "lastEventAt.")
    @GetMapping("/api/v1/regions/{roazRegionId}/capacity")
    public RegionalCapacity capacity(@PathVariable String roazRegionId,
                                     @Parameter(description = "ISO-8601 instant with offset")
                                     @RequestParam(required = false) String asOf,
                                     @Parameter(hidden = true) Caller caller) {
        Instant at = asOf == null ? null : AsOf.parse(asOf);
        access.check(caller, roazRegionId);
        return query.find(roazRegionId, at, RegionAccess.viewerOrganisation(caller))
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND,
                        RegionAccess.UNKNOWN_REGION, "unknown ROAZ region " + roazRegionId));
    }
}
