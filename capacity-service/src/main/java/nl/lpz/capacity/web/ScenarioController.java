package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;
import static nl.lpz.capacity.web.CapacityProblems.requiredText;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.acutecare.AcuteCareMap;
import nl.lpz.capacity.acutecare.AcuteCareMapProperties;
import nl.lpz.capacity.acutecare.ScenarioResult;
import nl.lpz.capacity.command.DefineScenario;
import nl.lpz.capacity.command.ScenarioId;
import nl.lpz.capacity.query.EdArrivals;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.capacity.query.ScenarioDirectory;
import nl.lpz.capacity.topology.ReferenceRegions;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.acutecare.LimitedHours;
import nl.lpz.events.acutecare.MeasuredArrivals;
import nl.lpz.events.acutecare.ScenarioDefined;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.Actor;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scenarios of the acute-care map (LAZK, docs/acute-care-map.md): a planned change of the acute offer (close, limit the
 * hours of, or open EDs or acute obstetric units), event-sourced ({@code Scenario}), and its result computed from its
 * definition whenever it is read. Every figure is modelled, and every answer says so.
 */
@RestController
@Tag(name = "acute-care-map")
class ScenarioController {
    static final int MAX_NAME = 200;
    static final int MAX_CLOSED = 200;
    static final int MAX_OPENED = 20;
    static final int MAX_LISTED = 100;
    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    private final AcuteCareMap map;
    private final AcuteCareSites sites;
    private final LocationDirectory directory;
    private final ScenarioDirectory scenarios;
    private final ReferenceRegions regions;
    private final CommandSender commands;
    private final EdArrivals arrivals;
    private final AcuteCareMapProperties properties;
    private final Clock clock;

    ScenarioController(AcuteCareMap map, AcuteCareSites sites, LocationDirectory directory,
                       ScenarioDirectory scenarios, ReferenceRegions regions, CommandSender commands,
                       EdArrivals arrivals, AcuteCareMapProperties properties, Clock clock) {
        this.map = map;
        this.sites = sites;
        this.directory = directory;
        this.scenarios = scenarios;
        this.regions = regions;
        this.commands = commands;
        this.arrivals = arrivals;
        this.properties = properties;
        this.clock = clock;
    }

    record OpenedSeh(String name, Double latitude, Double longitude) {
    }

    /** A site kept open only from {@code opens} to {@code closes} ("HH:MM") every day. */
    record LimitRequest(String locationId, String opens, String closes) {
    }

    /**
     * {@code closeSeh}, {@code limitHours} and {@code openSeh} name sites of {@code careKind} (SEH when left out, or
     * VERLOSKUNDE).
     */
    record ScenarioRequest(String name, String careKind, List<String> closeSeh, List<LimitRequest> limitHours,
                           List<OpenedSeh> openSeh, String region) {
    }

    record ScenarioAnswer(String id, String name, String scope, String careKind, Instant definedAt,
                          List<String> closeSeh, List<LimitedHours> limitHours, List<SehSite> openSeh,
                          boolean modelled, ScenarioResult result) {
    }

    record ScenarioSummary(String id, String name, String scope, String careKind, Instant definedAt,
                           List<String> closeSeh, int limitHours, int openSeh) {
    }

    @Operation(summary = "Defines a scenario (close, limit or open EDs) and answers its result (modelled)",
            description = "Body {name, careKind: SEH (default) | VERLOSKUNDE, closeSeh: [locationId], limitHours: "
                    + "[{locationId, opens: \"HH:MM\", closes: \"HH:MM\"}], openSeh: [{name, latitude, longitude}], "
                    + "region} with at least one change (the sites named are of careKind; closes before opens is open "
                    + "through the night). Authors: RCPS (scope: its ROAZ region; it closes and limits EDs of its "
                    + "region only), LCPS and ADMIN (national, or the ROAZ region given). 201 {id, name, scope, "
                    + "definedAt, closeSeh, limitHours, openSeh, modelled, result: {baseline, scenario, "
                    + "scenarioDuringHours (each populationTotal, populationWithin45, populationBeyond45, transport), "
                    + "bySafetyRegion, byMunicipality, affectedAreas, receiving, inflowSources}}. "
                    + "422 UNKNOWN_LOCATION, CARE_NOT_OFFERED (no SEH there); 400 INVALID_FIELD, INVALID_ID, "
                    + "UNKNOWN_ROAZ_REGION; 403 FORBIDDEN_ROLE, FORBIDDEN_REGION.")
    @PostMapping(path = "/api/v1/acute-care-map/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScenarioAnswer> define(@RequestBody ScenarioRequest request,
                                          @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN);
        String name = requiredText(request.name(), "name", MAX_NAME).strip();
        List<String> closed = request.closeSeh() == null ? List.of() : request.closeSeh();
        List<LimitRequest> limits = request.limitHours() == null ? List.of() : request.limitHours();
        List<OpenedSeh> opened = request.openSeh() == null ? List.of() : request.openSeh();
        if (closed.isEmpty() && limits.isEmpty() && opened.isEmpty()) {
            throw invalid("a scenario changes something: closeSeh, limitHours or openSeh must list at least one ED");
        }
        if (closed.size() + limits.size() > MAX_CLOSED || opened.size() > MAX_OPENED) {
            throw invalid("at most " + MAX_CLOSED + " closed or limited and " + MAX_OPENED + " opened EDs");
        }
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < closed.size(); i++) {
            if (!distinct.add(id(closed.get(i), "closeSeh[" + i + "]"))) {
                throw invalid("closeSeh lists " + closed.get(i) + " twice");
            }
        }
        List<LimitedHours> limited = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            LimitRequest l = required(limits.get(i), "limitHours[" + i + "]");
            String location = id(l.locationId(), "limitHours[" + i + "].locationId");
            if (!distinct.add(location)) {
                throw invalid("location " + location + " is named twice (closed and limited, or limited twice)");
            }
            LocalTime opens = time(l.opens(), "limitHours[" + i + "].opens");
            LocalTime closes = time(l.closes(), "limitHours[" + i + "].closes");
            if (opens.equals(closes)) {
                throw invalid("limitHours[" + i + "]: opens and closes are the same time (leave it out to keep it "
                        + "open around the clock, or close it)");
            }
            limited.add(new LimitedHours(location, opens, closes));
        }
        List<SehSite> openSites = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            OpenedSeh o = required(opened.get(i), "openSeh[" + i + "]");
            openSites.add(new SehSite(null, requiredText(o.name(), "openSeh[" + i + "].name", MAX_NAME).strip(),
                    coordinate(o.latitude(), "openSeh[" + i + "].latitude", 50.5, 53.7),
                    coordinate(o.longitude(), "openSeh[" + i + "].longitude", 3.2, 7.3)));
        }
        String scope = scopeOf(request.region(), caller);
        CareKind kind = AcuteCareSites.careKind(request.careKind());
        List<SehSite> baseline = directory.sites(kind);
        Map<String, String> roazOf = sites.requireSites(distinct, baseline, kind, "closeSeh/limitHours");
        if (caller.has(Role.RCPS) && !caller.hasAny(Role.LCPS, Role.ADMIN)) {
            for (String location : distinct) {
                if (!roazOf.get(location).equals(caller.region())) {
                    throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION, "location "
                            + location + " lies outside ROAZ region " + caller.region());
                }
            }
        }
        Instant now = clock.instant();
        LocalDate yesterday = LocalDate.ofInstant(now, DUTCH).minusDays(1);
        List<MeasuredArrivals> measured = kind == CareKind.SEH
                ? arrivals.between(distinct, yesterday.minusDays(properties.arrivalsDays() - 1L), yesterday)
                : List.of();
        String scenarioId = "sc-" + UUID.randomUUID();
        commands.send(new DefineScenario(ScenarioId.of(scenarioId), name, scope, kind.name(), baseline, closed,
                openSites, limited, measured, now, new Actor(caller.subject(), caller.organisation())), scenarioId);
        ScenarioDefined defined = scenarios.find(scenarioId).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(answer(defined));
    }

    /** A wall-clock time of whole minutes, "HH:MM". */
    private static LocalTime time(String value, String field) {
        if (value == null || !value.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw invalid(field + " must be a time HH:MM (00:00 to 23:59)");
        }
        return LocalTime.parse(value);
    }

    /** An RCPS writes for its own region; LCPS and ADMIN nationally or for the region they name. */
    private String scopeOf(String region, Caller caller) {
        if (!caller.hasAny(Role.LCPS, Role.ADMIN)) {
            if (caller.region() == null || !regions.isRoazRegion(caller.region())) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "an RCPS token names its ROAZ region");
            }
            if (region != null && !region.equals(caller.region())) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION, "region " + region
                        + " is not the token's ROAZ region");
            }
            return caller.region();
        }
        if (region == null) {
            return null;
        }
        if (!regions.isRoazRegion(region)) {
            throw ApiException.badRequest(CapacityProblems.UNKNOWN_ROAZ_REGION, "region must be one of "
                    + regions.roazRegions());
        }
        return region;
    }

    private static double coordinate(Double value, String field, double min, double max) {
        if (value == null || !Double.isFinite(value) || value < min || value > max) {
            throw invalid(field + " must be a number from " + min + " to " + max + " (the Netherlands)");
        }
        return value;
    }

    @Operation(summary = "A scenario and its result, computed again from its definition (modelled)",
            description = "Readers: LCPS, ADMIN; RCPS of its ROAZ region and hospitals (HOSPITAL, EPD_SYSTEM) with a "
                    + "location there; a national scenario every RCPS and hospital. 404 UNKNOWN_SCENARIO.")
    @GetMapping("/api/v1/acute-care-map/scenarios/{scenarioId}")
    ScenarioAnswer scenario(@PathVariable String scenarioId, @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN, Role.HOSPITAL, Role.EPD_SYSTEM);
        id(scenarioId, "scenarioId");
        ScenarioDefined defined = scenarios.find(scenarioId)
                .filter(s -> s.scope() == null || readableScopes(caller).contains(s.scope()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SCENARIO", "no scenario "
                        + scenarioId + " you may read"));
        return answer(defined);
    }

    @Operation(summary = "The scenarios the caller may read, newest first (at most 100), without their results")
    @GetMapping("/api/v1/acute-care-map/scenarios")
    List<ScenarioSummary> list(@Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN, Role.HOSPITAL, Role.EPD_SYSTEM);
        List<ScenarioDefined> readable = caller.hasAny(Role.LCPS, Role.ADMIN) ? scenarios.all(MAX_LISTED)
                : scenarios.list(readableScopes(caller), MAX_LISTED);
        return readable.stream().map(s -> new ScenarioSummary(s.scenarioId(), s.name(), s.scope(), kindOf(s),
                s.definedAt(), s.closeSeh(), s.limitHours().size(), s.openSeh().size())).toList();
    }

    /**
     * The ROAZ regions whose scenarios the caller reads besides the national ones: every one for LCPS and ADMIN, the
     * RCPS's own, and those where a hospital's organisation has a location (read once per request).
     */
    private Set<String> readableScopes(Caller caller) {
        if (caller.hasAny(Role.LCPS, Role.ADMIN)) {
            return regions.roazRegions();
        }
        Set<String> scopes = new HashSet<>();
        if (caller.has(Role.RCPS) && caller.region() != null) {
            scopes.add(caller.region());
        }
        if (caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) && caller.organisation() != null) {
            scopes.addAll(directory.roazRegionsOf(caller.organisation()));
        }
        return scopes;
    }

    private ScenarioAnswer answer(ScenarioDefined s) {
        return new ScenarioAnswer(s.scenarioId(), s.name(), s.scope(), kindOf(s), s.definedAt(), s.closeSeh(),
                s.limitHours(), s.openSeh(), true, map.scenario(s));
    }

    private static String kindOf(ScenarioDefined s) {
        return s.careKind() == null ? CareKind.SEH.name() : s.careKind();
    }
}
