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
    private static final Role[] PICTURE_READERS = {Role.HOSPITAL, Role.EPD_SYSTEM, Role.MKA, Role.MMA, Role.RCPS,
            Role.LCPS, Role.ADMIN};
    private static final Role[] STREAM_READERS = {Role.HOSPITAL, Role.EPD_SYSTEM, Role.MKA, Role.MMA, Role.RCPS,
            Role.LCPS, Role.ADMIN, Role.RAV, Role.HAP};

    private final Locations query;

    public RegionAccess(Locations query) {
        this.query = query;
    }

    public void check(Caller caller, String roazRegionId) {
        check(caller, roazRegionId, PICTURE_READERS, Role.RCPS, Role.MKA, Role.MMA);
    }

    /**
     * Who may follow a region's stream: the readers of its picture ({@link #check}), and RAV and HAP users of the
     * region, who read the Spoed module there (the stream's audiences tell them only what they may read).
     */
    public void checkStream(Caller caller, String roazRegionId) {
        check(caller, roazRegionId, STREAM_READERS, Role.RCPS, Role.MKA, Role.MMA, Role.RAV, Role.HAP);
    }

    /** {@code readers} may ask at all; the national roles read every region, {@code regional} their own only. */
    private void check(Caller caller, String roazRegionId, Role[] readers, Role... regional) {
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        caller.requireAny(readers);
        if (!query.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION, "unknown ROAZ region " + roazRegionId);
        }
        if (caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM, Role.LCPS, Role.ADMIN)) {
            return;
        }
        for (Role role : regional) {
            if (ownRegion(caller, role, roazRegionId)) {
                return;
            }
        }
        throw forbiddenRegion(roazRegionId);
    }

    /** Whether the caller's roles read regional pictures at all (the capacity picture's readers). */
    public static boolean readsPictures(Caller caller) {
        return caller.hasAny(PICTURE_READERS);
    }

    /**
     * Whether the ROAZ region is the caller's own in this role: for RCPS its {@code region} claim, for MKA/MMA the
     * region containing the veiligheidsregio of their claim (the rule {@link #check} applies to them; RAV and HAP
     * alike), for HOSPITAL/EPD_SYSTEM a region where their organisation has a registered location; for the national
     * roles only a {@code region} claim naming it. For readers whose access is limited to their own region (module
     * reader rules).
     */
    public boolean ownRegion(Caller caller, Role role, String roazRegionId) {
        if (!caller.has(role)) {
            return false;
        }
        switch (role) {
            case MKA:
            case MMA:
            case RAV:
            case HAP:
                return caller.region() != null && query.safetyRegionInRoaz(caller.region(), roazRegionId);
            case HOSPITAL:
            case EPD_SYSTEM:
                return caller.organisation() != null
                        && query.locationsOf(caller.organisation()).containsValue(roazRegionId);
            default:
                return roazRegionId.equals(caller.region());
        }
    }

    /** The answer to a caller whose region does not cover the ROAZ region asked for. */
    public static ApiException forbiddenRegion(String roazRegionId) {
        return new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                "the token's region does not cover ROAZ region " + roazRegionId);
    }

    /** The organisation whose hidden figures and thresholds the caller may see: its own, as HOSPITAL/EPD_SYSTEM. */
    public static String viewerOrganisation(Caller caller) {
        return caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) ? caller.organisation() : null;
    }
}
