package nl.lpz.reporting.stops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.reporting.readmodel.AsOf;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.StopReaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stop read models: a veiligheidsregio's active stops and announcements, and the stop statistics. */
@RestController
class StopController {
    static final String UNKNOWN_SAFETY_REGION = "UNKNOWN_SAFETY_REGION";

    private final StopQuery stops;
    private final Locations regions;
    private final StopReaders readers;

    StopController(StopQuery stops, Locations regions, StopReaders readers) {
        this.stops = stops;
        this.regions = regions;
        this.readers = readers;
    }

    /** How far an {@code asOf} may lie ahead of this server's clock (clock skew of the caller). */
    static final java.time.Duration AS_OF_SKEW = java.time.Duration.ofSeconds(5);

    @Operation(summary = "Active stops and open announcements of a veiligheidsregio, now or as they stood at asOf",
            description = "Stops without an end event whose expectedEnd is in the future, with graceUntil and "
                    + "expiresSoon (true within 10 minutes of expectedEnd, computed at read time), and the "
                    + "announcements of planned stops not yet declared or lapsed. With asOf (a past instant): the "
                    + "stops active at that instant (started, not ended, expired or lapsed, expected end as extended "
                    + "up to then still ahead), expiresSoon relative to asOf, and the announcements open then. "
                    + "MKA/MMA of that VR, RCPS of the ROAZ region containing it, HOSPITAL, EPD_SYSTEM, LCPS, ADMIN.")
    @GetMapping("/api/v1/safety-regions/{safetyRegionId}/stops")
    public RegionalStops activeStops(@PathVariable String safetyRegionId,
                                     @Parameter(description = "ISO-8601 instant with offset, not in the future")
                                     @RequestParam(required = false) String asOf,
                                     @Parameter(hidden = true) Caller caller) {
        Instant now = Instant.now();
        Instant at = asOf == null ? null : AsOf.parse(asOf);
        if (at != null && at.isAfter(now.plus(AS_OF_SKEW))) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    "asOf: " + asOf + " lies in the future; the stops of a past instant only");
        }
        if (!Ids.isValid(safetyRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid safety region id");
        }
        caller.requireAny(StopReaders.ROLES);
        if (!StopQuery.isSafetyRegion(safetyRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_SAFETY_REGION,
                    "unknown safety region " + safetyRegionId + " (VR01..VR25)");
        }
        if (!readers.mayRead(caller, safetyRegionId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                    "the token's region does not cover safety region " + safetyRegionId);
        }
        return at == null ? stops.activeStops(safetyRegionId, now)
                : stops.stopsAsOf(safetyRegionId, at.isAfter(now) ? now : at);
    }

    @Operation(summary = "Stop statistics per veiligheidsregio and kind",
            description = "For the stops that started between from and to (dates inclusive, Europe/Amsterdam): "
                    + "number, total and mean duration (end, expiry or lapse − start), number past the norm time; "
                    + "declarations refused by the last-in-region rule and lapses in the period. ADMIN and LCPS: "
                    + "every region; RCPS: the VRs of its ROAZ region; MKA/MMA: their own VR.")
    @GetMapping("/api/v1/stop-statistics")
    public StopStatistics statistics(@Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false)
                                     String from,
                                     @Parameter(description = "last day (inclusive), YYYY-MM-DD")
                                     @RequestParam(required = false) String to,
                                     @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN, Role.LCPS, Role.RCPS, Role.MKA, Role.MMA);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from " + from + " is after to " + to);
        }
        return stops.statistics(first, last, scope(caller));
    }

    /** The VRs the caller may see statistics of; null for all. */
    private Set<String> scope(Caller caller) {
        if (caller.hasAny(Role.ADMIN, Role.LCPS)) {
            return null;
        }
        Set<String> scope = new TreeSet<>();
        if (caller.has(Role.RCPS) && caller.region() != null) {
            scope.addAll(regions.safetyRegionsOf(caller.region()));
        }
        if (caller.hasAny(Role.MKA, Role.MMA) && caller.region() != null) {
            scope.add(caller.region());
        }
        return scope;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": required, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": not a date (YYYY-MM-DD): " + value);
        }
    }
}
