package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.required;
import static nl.lpz.capacity.web.CapacityProblems.requiredText;
import static nl.lpz.capacity.web.CapacityProblems.text;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.lpz.capacity.command.RegisterLocation;
import nl.lpz.capacity.command.RegistrationOutcome;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.capacity.query.LocationView;
import nl.lpz.capacity.topology.ReferenceRegions;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Topology: ADMIN registers locations; every authenticated role may read them. */
@RestController
class LocationsController {
    static final int MAX_NAME = 200;
    static final int MAX_LOCATION_TYPE = 100;
    static final int MAX_REGION_ID = 64;

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final ReferenceRegions regions;
    private final Clock clock;

    LocationsController(CommandSender commands, LocationDirectory directory, ReferenceRegions regions, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.regions = regions;
        this.clock = clock;
    }

    record RegisterLocationRequest(String organisationId, String name, String roazRegionId, String safetyRegionId,
                                   List<CareKind> careOffered, String locationType, Double latitude,
                                   Double longitude) {
    }

    record SafetyRegionLocations(String safetyRegionId, String roazRegionId, List<LocationView> locations) {
    }

    record RoazRegionLocations(String roazRegionId, List<LocationView> locations) {
    }

    @PutMapping(path = "/api/v1/locations/{locationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LocationView> register(@PathVariable String locationId,
                                          @RequestBody RegisterLocationRequest request, Caller caller) {
        caller.requireAny(Role.ADMIN);
        id(locationId, "locationId");
        String organisationId = id(request.organisationId(), "organisationId");
        String name = requiredText(request.name(), "name", MAX_NAME);
        String locationType = text(request.locationType(), "locationType", MAX_LOCATION_TYPE);
        Double latitude = coordinate(request.latitude(), "latitude", 90);
        Double longitude = coordinate(request.longitude(), "longitude", 180);
        String safetyRegionId = requiredText(request.safetyRegionId(), "safetyRegionId", MAX_REGION_ID);
        if (!regions.isSafetyRegion(safetyRegionId)) {
            throw ApiException.badRequest(CapacityProblems.UNKNOWN_SAFETY_REGION,
                    "safetyRegionId must be one of VR01..VR25, not '" + safetyRegionId + "'");
        }
        String roazRegionId = requiredText(request.roazRegionId(), "roazRegionId", MAX_REGION_ID);
        if (!regions.isRoazRegion(roazRegionId)) {
            throw ApiException.badRequest(CapacityProblems.UNKNOWN_ROAZ_REGION,
                    "roazRegionId must be one of " + regions.roazRegions() + ", not '" + roazRegionId + "'");
        }
        List<CareKind> care = required(request.careOffered(), "careOffered");
        if (care.contains(null)) {
            throw CapacityProblems.invalid("careOffered must not contain null");
        }
        Set<CareKind> careOffered = care.isEmpty() ? EnumSet.noneOf(CareKind.class) : EnumSet.copyOf(care);
        RegistrationOutcome outcome = commands.send(new RegisterLocation(LocationId.of(locationId),
                OrganisationId.of(organisationId), name.strip(), RoazRegionId.of(roazRegionId),
                SafetyRegionId.of(safetyRegionId), careOffered, locationType, latitude, longitude, clock.instant(),
                new Actor(caller.subject(), caller.organisation())), locationId);
        LocationView view = directory.find(locationId).orElseThrow(() -> CapacityProblems.unknownLocation(locationId));
        return ResponseEntity.status(outcome == RegistrationOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    /** WGS84 degrees; null when the location has no position. */
    private static Double coordinate(Double value, String field, double limit) {
        if (value != null && (!Double.isFinite(value) || value < -limit || value > limit)) {
            throw CapacityProblems.invalid(field + " must be a number from " + (int) -limit + " to " + (int) limit
                    + ", not " + value);
        }
        return value;
    }

    @GetMapping("/api/v1/locations/{locationId}")
    LocationView get(@PathVariable String locationId, Caller caller) {
        caller.requireAny(Role.values());
        id(locationId, "locationId");
        return directory.find(locationId).orElseThrow(() -> CapacityProblems.unknownLocation(locationId));
    }

    @GetMapping("/api/v1/safety-regions/{safetyRegionId}/locations")
    SafetyRegionLocations bySafetyRegion(@PathVariable String safetyRegionId, Caller caller) {
        caller.requireAny(Role.values());
        String roaz = regions.roazRegionOf(safetyRegionId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                CapacityProblems.UNKNOWN_SAFETY_REGION, "no safety region " + safetyRegionId + " (VR01..VR25)"));
        return new SafetyRegionLocations(safetyRegionId, roaz, directory.findBySafetyRegion(safetyRegionId));
    }

    @GetMapping("/api/v1/regions/{roazRegionId}/locations")
    RoazRegionLocations byRoazRegion(@PathVariable String roazRegionId, Caller caller) {
        caller.requireAny(Role.values());
        if (!regions.isRoazRegion(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, CapacityProblems.UNKNOWN_ROAZ_REGION,
                    "no ROAZ region " + roazRegionId + "; known: " + regions.roazRegions());
        }
        return new RoazRegionLocations(roazRegionId, directory.findByRoazRegion(roazRegionId));
    }
}
