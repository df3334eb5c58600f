package nl.lpz.reporting.readmodel;

import nl.lpz.contract.Role;
import nl.lpz.platform.web.Caller;
import org.springframework.stereotype.Component;

/**
 * Who reads the stops of a veiligheidsregio: hospitals, EPD systems, the LCPS and admins every region's; MKA and MMA
 * their own VR's, and so do the ambulance service (RAV) and the GP post (HAP), to whom a stop is addressed or who send
 * patients in; the RCPS the VRs of its ROAZ region. One rule for the stop view and every view that shows stops
 * beside other figures, so that no view shows a stop its reader could not see in the stop view.
 */
@Component
public class StopReaders {
    public static final Role[] ROLES = {Role.HOSPITAL, Role.EPD_SYSTEM, Role.MKA, Role.MMA, Role.RCPS, Role.LCPS,
            Role.ADMIN, Role.RAV, Role.HAP};

    private final Locations regions;

    public StopReaders(Locations regions) {
        this.regions = regions;
    }

    /** Whether any of the caller's roles reads stops at all. */
    public boolean readsStops(Caller caller) {
        return caller.hasAny(ROLES);
    }

    public boolean mayRead(Caller caller, String safetyRegionId) {
        if (caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM, Role.LCPS, Role.ADMIN)) {
            return true;
        }
        if (caller.hasAny(Role.MKA, Role.MMA, Role.RAV, Role.HAP) && safetyRegionId.equals(caller.region())) {
            return true;
        }
        return caller.has(Role.RCPS) && caller.region() != null
                && regions.safetyRegionInRoaz(safetyRegionId, caller.region());
    }
}
