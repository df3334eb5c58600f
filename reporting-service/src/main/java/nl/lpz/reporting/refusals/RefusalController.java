package nl.lpz.reporting.refusals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.DayRange;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.ReportMoments;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Birth-care refusals (weigeringen) as recorded by first-line midwives: a hospital sees those about its own
 * locations, the RCPS those about its region's hospitals and the monthly counts per hospital, a practice what it
 * recorded. The recording practice is shown to that practice only; others see the midwife's ROAZ region.
 */
@RestController
@Tag(name = "birth-care")
class RefusalController {
    /** The longest period of the day lists, in days. */
    static final int MAX_DAYS = 400;
    /** The longest period of the monthly counts, in months. */
    static final int MAX_MONTHS = 24;
    static final String UNKNOWN_LOCATION = "UNKNOWN_LOCATION";

    private final RefusalQuery query;
    private final Clock clock;

    RefusalController(RefusalQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }


    @Operation(summary = "The birth-care refusals about one hospital location (weigeringen), oldest first",
            description = "Each {occurredAt, reason, takenByLocationId, takenByName, midwifeRegionId}: when and why "
                    + "the location could not take a woman in labour, which location took her then (null: not "
                    + "recorded) and the ROAZ region of the midwife who recorded it (never the practice). Days by "
                    + "occurredAt in Europe/Amsterdam. Readers: HOSPITAL and EPD_SYSTEM of the owning organisation "
                    + "(else 403 FORBIDDEN_ORGANISATION), RCPS of the location's ROAZ region (else 403 "
                    + "FORBIDDEN_REGION), LCPS, ADMIN; other roles 403 FORBIDDEN_ROLE. 404 UNKNOWN_LOCATION, 400 "
                    + "INVALID_ID, 400 INVALID_FIELD (from, to: not a date, from after to, more than 400 days).")
    @GetMapping("/api/v1/locations/{locationId}/refusals")
    Refusals.AboutLocation aboutLocation(@PathVariable String locationId,
                                         @Parameter(description = "first day, YYYY-MM-DD; default `to`")
                                         @RequestParam(required = false) String from,
                                         @Parameter(description = "last day (inclusive), YYYY-MM-DD; default today "
                                                 + "(Europe/Amsterdam); at most 400 days from `from`")
                                         @RequestParam(required = false) String to,
                                         @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.HOSPITAL, Role.EPD_SYSTEM, Role.RCPS, Role.LCPS, Role.ADMIN);
        if (!Ids.isValid(locationId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid location id");
        }
        DayRange days = days(from, to, today());
        RefusalQuery.RegisteredLocation location = query.location(locationId).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_LOCATION, "location " + locationId
                        + " is not registered"));
        checkReader(caller, location);
        return query.aboutLocation(location, days.from(), days.to());
    }

    /**
     * LCPS and ADMIN read any location; HOSPITAL/EPD_SYSTEM their organisation's, RCPS their region's. A caller with
     * several roles passes with any of them.
     */
    static void checkReader(Caller caller, RefusalQuery.RegisteredLocation location) {
        if (caller.hasAny(Role.LCPS, Role.ADMIN) || caller.actsFor(location.organisationId())
                || caller.has(Role.RCPS) && location.roazRegionId().equals(caller.region())) {
            return;
        }
        if (caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "the token's organisation does not own location " + location.locationId());
        }
        throw RegionAccess.forbiddenRegion(location.roazRegionId());
    }

    @Operation(summary = "Birth-care refusals per hospital of a ROAZ region and month (weigeringen)",
            description = "For the ROAZ office and the RCPS: per hospital location of the region (those offering "
                    + "VERLOSKUNDE, and any other refused in the period) and per month from `from` to `to` "
                    + "(Europe/Amsterdam, zeros included): {month, total, byReason: {NO_DELIVERY_ROOM, NO_STAFF, "
                    + "NO_NEONATAL_CARE, PRESENTATIESTOP, OTHER}, takenElsewhere (then taken by another hospital)}; "
                    + "totals: the same over the region. Readers: RCPS of that region (else 403 FORBIDDEN_REGION), "
                    + "LCPS, ADMIN; other roles 403 FORBIDDEN_ROLE. 404 UNKNOWN_REGION, 400 INVALID_ID, 400 "
                    + "INVALID_FIELD (from, to: not YYYY-MM, from after to, more than 24 months).")
    @GetMapping("/api/v1/regions/{roazRegionId}/refusals/monthly")
    Refusals.Monthly monthly(@PathVariable String roazRegionId,
                             @Parameter(description = "first month, YYYY-MM; default `to`")
                             @RequestParam(required = false) String from,
                             @Parameter(description = "last month (inclusive), YYYY-MM; default this month "
                                     + "(Europe/Amsterdam); at most 24 months from `from`")
                             @RequestParam(required = false) String to,
                             @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN);
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        YearMonth end = to == null || to.isBlank() ? YearMonth.from(today()) : month("to", to);
        YearMonth start = from == null || from.isBlank() ? end : month("from", from);
        if (start.isAfter(end)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from: " + start + " lies after to: " + end);
        }
        if (ChronoUnit.MONTHS.between(start, end) + 1 > MAX_MONTHS) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from..to: at most " + MAX_MONTHS + " months");
        }
        if (!query.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, RegionAccess.UNKNOWN_REGION,
                    "unknown ROAZ region " + roazRegionId);
        }
        if (!caller.hasAny(Role.LCPS, Role.ADMIN) && !roazRegionId.equals(caller.region())) {
            throw RegionAccess.forbiddenRegion(roazRegionId);
        }
        return query.monthly(roazRegionId, start, end);
    }

    @Operation(summary = "The birth-care refusals the caller's midwife practice recorded, oldest first",
            description = "For a practice to check what it registered: each {eventId (as sent), occurredAt, reason, "
                    + "refusedLocationId, refusedName, takenByLocationId, takenByName, midwifeRegionId, recordedAt}. "
                    + "MIDWIFE only (else 403 FORBIDDEN_ROLE); the practice is the token's organisation (without one "
                    + "403 FORBIDDEN_ORGANISATION). 400 INVALID_FIELD (from, to: not a date, from after to, more "
                    + "than 400 days).")
    @GetMapping("/api/v1/birth-care/refusals/mine")
    Refusals.OfPractice mine(@Parameter(description = "first day, YYYY-MM-DD; default `to`")
                             @RequestParam(required = false) String from,
                             @Parameter(description = "last day (inclusive), YYYY-MM-DD; default today "
                                     + "(Europe/Amsterdam); at most 400 days from `from`")
                             @RequestParam(required = false) String to,
                             @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.MIDWIFE);
        if (caller.organisation() == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "a midwife's token names the practice in its organisation claim; this one names none");
        }
        DayRange days = days(from, to, today());
        return query.ofPractice(caller.organisation(), days.from(), days.to());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ReportMoments.ZONE));
    }

    /** {@code to} defaults to {@code today}, {@code from} to {@code to}; at most {@link #MAX_DAYS} days. */
    static DayRange days(String from, String to, LocalDate today) {
        return DayRange.parse(from, to, today, MAX_DAYS);
    }

    private static YearMonth month(String name, String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": not a month YYYY-MM");
        }
        return DayRange.withinPlatformYears(name, month.getYear(), month);
    }
}
