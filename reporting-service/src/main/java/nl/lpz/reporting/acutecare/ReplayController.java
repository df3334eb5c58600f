package nl.lpz.reporting.acutecare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code closeSeh}) and the EDs that would receive (its {@code receiving}), as the acute-care map's scenario answer
 * names them; the stops shown follow the stop view's rule.
 */
@RestController
@Tag(name = "acute-care-map")
class ReplayController {
    static final int MAX_DAYS = 92;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_LOCATIONS = 50;

    private final ReplayQuery query;
    private final StopReaders stopReaders;
    private final Clock clock;

    ReplayController(ReplayQuery query, StopReaders stopReaders, Clock clock) {
        this.query = query;
        this.stopReaders = stopReaders;
        this.clock = clock;
    }

    @Operation(summary = "A scenario's closures replayed on the stop history (the last 30 days by default)",
            description = "closeSeh=id,id (EDs the scenario closes), receiving=id,id (the EDs that would receive; "
                    + "optional), from/to YYYY-MM-DD (Europe/Amsterdam, at most 92 days; default the 30 days up to "
                    + "today). Per veiligheidsregio of the closed EDs the minutes without any open ED (every ED of "
                    + "the VR on SEH stop at once) as they were and with the closures; per receiving ED its minutes "
                    + "on SEH stop and the days with one. Readers: RCPS, LCPS, ADMIN; a closed ED of a VR whose stops "
                    + "the caller may not read: 403 FORBIDDEN_REGION; such a receiving ED is listed in "
                    + "receivingNotShown. 422 UNKNOWN_LOCATION, CARE_NOT_OFFERED; 400 "
                    + "INVALID_FIELD, INVALID_ID.")
    @GetMapping("/api/v1/acute-care-map/replay")
    Replay replay(@RequestParam(required = false) List<String> closeSeh,
                  @RequestParam(required = false) List<String> receiving,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN);
        List<String> closed = ids(closeSeh, "closeSeh");
        List<String> receivers = ids(receiving, "receiving");
        if (closed.isEmpty()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "closeSeh: at least one ED the scenario closes");
        }
        java.time.LocalDate today = ReportMoments.today(clock);
        DayRange days = DayRange.parse(from == null && to == null ? today.minusDays(DEFAULT_DAYS - 1).toString()
                : from, to, today, MAX_DAYS);
        Set<String> all = new LinkedHashSet<>(closed);
        all.addAll(receivers);
        Map<String, Boolean> offersSeh = new HashMap<>();
        Map<String, ReplayQuery.Ed> known = query.locations(all, offersSeh);
        for (String id : all) {
            if (!known.containsKey(id)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_LOCATION", "location " + id
                        + " is not registered");
            }
            if (!offersSeh.get(id)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CARE_NOT_OFFERED", "location " + id
                        + " has no emergency department (SEH)");
            }
            String vr = known.get(id).safetyRegionId();
            if (closed.contains(id) && !stopReaders.mayRead(caller, vr)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "the token may not read the stops of " + vr);
            }
        }
        // a receiving ED of a VR whose stops the caller may not read is named, not replayed
        List<String> shown = receivers.stream()
                .filter(id -> stopReaders.mayRead(caller, known.get(id).safetyRegionId())).toList();
        List<String> notShown = receivers.stream().filter(id -> !shown.contains(id)).toList();
        return query.replay(closed, shown, notShown, known, days.from(), days.to());
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
