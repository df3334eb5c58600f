package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lpz.capacity.acutecare.AcuteCareMap;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.capacity.topology.ReferenceRegions;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the acute-care map's endpoints read from a request the same way: the kind of care, the region's scope, and the
 * sites (locations of the kind with a position) a request names, each checked against the directory.
 */
@Component
class AcuteCareSites {
    static final int MAX_UNAVAILABLE = 200;

    private final LocationDirectory directory;
    private final ReferenceRegions regions;

    AcuteCareSites(LocationDirectory directory, ReferenceRegions regions) {
        this.directory = directory;
        this.regions = regions;
    }

    /** The sites of the kind now without those named unavailable, each of which must be one of them. */
    List<SehSite> openSites(CareKind kind, List<String> unavailable) {
        List<SehSite> sites = directory.sites(kind);
        if (unavailable == null || unavailable.isEmpty()) {
            return sites;
        }
        if (unavailable.size() > MAX_UNAVAILABLE) {
            throw invalid("at most " + MAX_UNAVAILABLE + " unavailable sites");
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < unavailable.size(); i++) {
            out.add(id(unavailable.get(i), "unavailable[" + i + "]"));
        }
        requireSites(out, sites, kind, "unavailable");
        return sites.stream().filter(s -> !out.contains(s.locationId())).toList();
    }

    /** Every location named must be registered (422 UNKNOWN_LOCATION) and one of the sites (422 CARE_NOT_OFFERED). */
    Map<String, String> requireSites(Collection<String> locations, List<SehSite> sites, CareKind kind,
                                             String field) {
        Set<String> ofSites = sites.stream().map(SehSite::locationId).collect(Collectors.toSet());
        Map<String, String> roazOf = directory.roazRegions(locations);
        for (String location : locations) {
            if (roazOf.get(location) == null) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, CapacityProblems.UNKNOWN_LOCATION,
                        field + ": location " + location + " is not registered");
            }
            if (!ofSites.contains(location)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CARE_NOT_OFFERED", field + ": location "
                        + location + " offers no " + kind + ", or has no position on the map");
            }
        }
        return roazOf;
    }

    /** The kinds of acute care the 45-minute norm is reckoned for. */
    static CareKind careKind(String care) {
        if (care == null || care.equals("SEH")) {
            return CareKind.SEH;
        }
        if (care.equals("VERLOSKUNDE")) {
            return CareKind.VERLOSKUNDE;
        }
        throw invalid("care must be SEH or VERLOSKUNDE");
    }

    AcuteCareMap.Scope scope(String region) {
        if (region == null || region.isBlank()) {
            return AcuteCareMap.Scope.NATIONAL;
        }
        if (regions.isSafetyRegion(region)) {
            return AcuteCareMap.Scope.safetyRegion(region);
        }
        if (regions.isRoazRegion(region)) {
            return AcuteCareMap.Scope.roazRegion(region);
        }
        throw ApiException.badRequest(region.startsWith("VR") ? CapacityProblems.UNKNOWN_SAFETY_REGION
                : CapacityProblems.UNKNOWN_ROAZ_REGION, "region must be VR01..VR25 or one of "
                + regions.roazRegions());
    }
}
