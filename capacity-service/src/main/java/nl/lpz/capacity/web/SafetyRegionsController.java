package nl.lpz.capacity.web;

import java.util.List;
import nl.lpz.capacity.topology.ReferenceRegions;
import nl.lpz.contract.Role;
import nl.lpz.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 25 safety regions with their names and ROAZ region: public reference data, no capacity figures. Every
 * authenticated role may read it (the dashboard's region lists and sign-in picker use it).
 */
@RestController
class SafetyRegionsController {
    private final List<SafetyRegion> all;

    SafetyRegionsController(ReferenceRegions regions) {
        this.all = regions.safetyRegions().stream()
                .map(r -> new SafetyRegion(r.safetyRegionId(), r.name(), r.roazRegionId()))
                .toList();
    }

    record SafetyRegion(String safetyRegionId, String name, String roazRegionId) {
    }

    @GetMapping("/api/v1/safety-regions")
    List<SafetyRegion> list(Caller caller) {
        caller.requireAny(Role.values());
        return all;
    }
}
