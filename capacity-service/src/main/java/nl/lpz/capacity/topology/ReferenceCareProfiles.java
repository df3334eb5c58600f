package nl.lpz.capacity.topology;

import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;

/**
 * A plausible care profile for a reference location, from its type and the care it offers. No open national list of
 * designations ships with the reference data (trauma centres, IAT centres, perinatal centres), so these are the
 * team's assignment, like {@code care_offered}, and a hospital or ADMIN replaces them:
 * <ul>
 * <li>academic hospital: trauma level 1, IAT centre, NICU (neonatal level 3), PICU, obstetrics level 3;</li>
 * <li>children's hospital: PICU;</li>
 * <li>general hospital with PCI: trauma level 2, neonatal and obstetrics level 2, and every third one (by location
 * id) an IAT centre, which lands near the 18 IAT centres the Netherlands has;</li>
 * <li>general hospital with an SEH: trauma level 3, neonatal level 1, obstetrics level 1 where it offers acute
 * obstetric care;</li>
 * <li>anything else (outpatient clinics): no profile.</li>
 * </ul>
 */
final class ReferenceCareProfiles {
    private ReferenceCareProfiles() {
    }

    static CareProfile of(String locationId, String locationType, Set<CareKind> care) {
        boolean obstetrics = care.contains(CareKind.VERLOSKUNDE);
        if ("Academisch ziekenhuis".equals(locationType)) {
            return new CareProfile(care.contains(CareKind.SEH) ? 1 : null, true, 3, true, obstetrics ? 3 : null);
        }
        if ("Kinderziekenhuis".equals(locationType)) {
            return new CareProfile(null, false, null, true, null);
        }
        if (!care.contains(CareKind.SEH)) {
            return CareProfile.NONE;
        }
        if (care.contains(CareKind.PCI)) {
            return new CareProfile(2, Math.floorMod(locationId.hashCode(), 3) == 0, 2, false, obstetrics ? 2 : null);
        }
        return new CareProfile(3, false, 1, false, obstetrics ? 1 : null);
    }
}
