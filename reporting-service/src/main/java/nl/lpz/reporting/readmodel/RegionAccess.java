package nl.lpz.reporting.readmodel;

import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read a region's picture: every authenticated role except PUBLIC_AGGREGATE; RCPS only its own ROAZ region;
 * MKA/MMA only the ROAZ region that contains their veiligheidsregio; HOSPITAL, EPD_SYSTEM, LCPS and ADMIN any.
 */
@Component
public class RegionAccess {
    public static final String UNKNOWN_REGION = "UNKNOWN_REGION";

    private final Locations query;

    public RegionAccess(Locations query) {
        this.query = query;
    }

    public void check(Caller caller, String roazRegionId) {
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        caller.requireAny(Role.HOSPITAL, Role.EPD_SYSTEM, Role.MKA, Role.MMA, Role.RCPS, Role.LCPS, Role.ADMIN);
        if (!query.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION, "unknown ROAZ region " + roazRegionId);
        }
        if (caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM, Role.LCPS, Role.ADMIN)) {
            return;
        }
        if (caller.has(Role.RCPS) && roazRegionId.equals(caller.region())) {
            return;
        }
        if (caller.hasAny(Role.MKA, Role.MMA) && caller.region() != null
                && query.safetyRegionInRoaz(caller.region(), roazRegionId)) {
            return;
        }
        throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                "the token's region does not cover ROAZ region " + roazRegionId);
    }

    /** The organisation whose hidden figures and thresholds the caller may see: its own, as HOSPITAL/EPD_SYSTEM. */
    public static String viewerOrganisation(Caller caller) {
        return caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) ? caller.organisation() : null;
    }
}
