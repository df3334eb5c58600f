package nl.lpz.reporting.acutecare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.DayRange;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.readmodel.StopReaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A scenario of the acute-care map replayed on the stop history (issue 21): the closures the scenario makes (its
 * {@code closeSeh}), the hours it limits locations to, and the locations that would receive (its {@code receiving}),
 * as the acute-care map's scenario answer names them; the stops shown follow the stop view's rule, and a limited
 * location is held to it as a closed one is.
 */
@RestController
@Tag(name = "acute-care-map")
class ReplayController {
    static final int MAX_DAYS = 92;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_LOCATIONS = 50;
    private static final Pattern LIMIT = Pattern.compile("([^@]+)@(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    private final ReplayQuery query;
    private final StopReaders stopReaders;
    private final Clock clock;

    ReplayController(ReplayQuery query, StopReaders stopReaders, Clock clock) {
        this.query = query;
        this.stopReaders = stopReaders;
        this.clock = clock;
    }

    @Operation(summary = "A scenario's closures and limited hours replayed on the stop history (the last 30 days "
            + "by default)",
            description = "care=SEH|VERLOSKUNDE (default SEH: emergency departments and SEH stops; VERLOSKUNDE: acute "
                    + "obstetric units and their stops). closeSeh=id (repeatable: the locations the scenario closes), "
                    + "limitHours=id@HH:MM-HH:MM (repeatable: a location kept open only those hours every day, "
                    + "Europe/Amsterdam; closes before opens is overnight), at least one of the two; receiving=id "
                    + "(repeatable, optional: the locations that would receive); from/to YYYY-MM-DD (Europe/Amsterdam, "
                    + "at most 92 days; default the 30 days up to today). The locations' current opening hours of the "
                    + "kind apply to the whole period. Per veiligheidsregio of the closed and limited locations the "
                    + "minutes without an open provider and (SEH) without an available one (open and not over "
                    + "capacity by the Spoed module's crowding), as they were and with the scenario; per receiving "
                    + "location its minutes on stop and (SEH) over capacity. Readers: RCPS, LCPS, ADMIN; a closed or "
                    + "limited location of a VR whose stops the caller may not read: 403 FORBIDDEN_REGION; such a "
                    + "receiving location is listed in receivingNotShown. 422 UNKNOWN_LOCATION, CARE_NOT_OFFERED; "
                    + "400 INVALID_FIELD, INVALID_ID.")
    @GetMapping("/api/v1/acute-care-map/replay")
    Replay replay(@RequestParam(required = false) String care,
                  @RequestParam(required = false) List<String> closeSeh,
                  @RequestParam(required = false) List<String> limitHours,
                  @RequestParam(required = false) List<String> receiving,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN);
        String careKind = careKind(care);
        List<String> closed = ids(closeSeh, "closeSeh");
        List<ReplayQuery.Limit> limits = limits(limitHours);
        List<String> receivers = ids(receiving, "receiving");
        if (closed.isEmpty() && limits.isEmpty()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    "closeSeh or limitHours: at least one location the scenario closes or limits");
        }
        for (ReplayQuery.Limit l : limits) {
            if (closed.contains(l.locationId())) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "limitHours: " + l.locationId()
                        + " is closed by the scenario already");
            }
        }
        java.time.LocalDate today = ReportMoments.today(clock);
        DayRange days = DayRange.parse(from == null && to == null ? today.minusDays(DEFAULT_DAYS - 1).toString()
                : from, to, today, MAX_DAYS);
        List<String> limited = limits.stream().map(ReplayQuery.Limit::locationId).toList();
        Set<String> all = new LinkedHashSet<>(closed);
        all.addAll(limited);
        all.addAll(receivers);
        Map<String, Boolean> offers = new HashMap<>();
        Map<String, ReplayQuery.Ed> known = query.locations(all, careKind, offers);
        for (String id : all) {
            if (!known.containsKey(id)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_LOCATION", "location " + id
                        + " is not registered");
            }
            if (!offers.get(id)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CARE_NOT_OFFERED", "location " + id
                        + " does not offer " + careKind);
            }
            String vr = known.get(id).safetyRegionId();
            if ((closed.contains(id) || limited.contains(id)) && !stopReaders.mayRead(caller, vr)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "the token may not read the stops of " + vr);
            }
        }
        // a receiving location of a VR whose stops the caller may not read is named, not replayed
        List<String> shown = receivers.stream()
                .filter(id -> stopReaders.mayRead(caller, known.get(id).safetyRegionId())).toList();
        List<String> notShown = receivers.stream().filter(id -> !shown.contains(id)).toList();
        return query.replay(new ReplayQuery.Scenario(careKind, closed, limits, shown, notShown, known), days.from(),
                days.to());
    }

    private static String careKind(String care) {
        if (care == null) {
            return ReplayQuery.SEH;
        }
        if (!care.equals(ReplayQuery.SEH) && !care.equals(ReplayQuery.VERLOSKUNDE)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "care: SEH or VERLOSKUNDE");
        }
        return care;
    }

    /**
     * {@code <locationId>@HH:MM-HH:MM}, strictly: two-digit hours and minutes, opens and closes different (equal
     * would be either never or always open, which a scenario should say with closeSeh or not at all), one limit per
     * location.
     */
    private static List<ReplayQuery.Limit> limits(List<String> values) {
        List<ReplayQuery.Limit> limits = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            Matcher m = LIMIT.matcher(v);
            if (!m.matches()) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                        "limitHours: <locationId>@HH:MM-HH:MM, e.g. 103702@08:00-22:00");
            }
            if (!Ids.isValid(m.group(1))) {
                throw ApiException.badRequest(ProblemCodes.INVALID_ID, "limitHours: not a location id");
            }
            LocalTime opens = time(m.group(2), m.group(3));
            LocalTime closes = time(m.group(4), m.group(5));
            if (opens.equals(closes)) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                        "limitHours: opens and closes at the same time; close the location with closeSeh instead");
            }
            if (limits.stream().anyMatch(l -> l.locationId().equals(m.group(1)))) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "limitHours: " + m.group(1) + " twice");
            }
            limits.add(new ReplayQuery.Limit(m.group(1), opens, closes));
        }
        if (limits.size() > MAX_LOCATIONS) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "limitHours: at most " + MAX_LOCATIONS);
        }
        return limits;
    }

    private static LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 23 || m > 59) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "limitHours: " + hours + ":" + minutes
                    + " is not a time of day (00:00 to 23:59)");
        }
        return LocalTime.of(h, m);
    }

    private static List<String> ids(List<String> values, String field) {
        List<String> ids = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (!Ids.isValid(v)) {
                throw ApiException.badRequest(ProblemCodes.INVALID_ID, field + ": not a location id");
            }
            if (!ids.contains(v)) {
                ids.add(v);
            }
        }
        if (ids.size() > MAX_LOCATIONS) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, field + ": at most " + MAX_LOCATIONS);
        }
        return ids;
    }
}
