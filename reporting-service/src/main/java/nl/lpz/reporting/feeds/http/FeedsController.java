package nl.lpz.reporting.feeds.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.platform.web.ProblemCodes;
import nl.lpz.platform.web.Role;
import nl.lpz.reporting.feeds.FeedQuery;
import nl.lpz.reporting.feeds.Feeds.LcpsFeed;
import nl.lpz.reporting.feeds.Feeds.RcpsDaily;
import nl.lpz.reporting.feeds.LcpsCsv;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The RCPS daily report and the LCPS feed (docs/services/reporting-service.md, "Feeds"). */
@RestController
public class FeedsController {
    public static final String UNKNOWN_REGION = "UNKNOWN_REGION";
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FeedQuery query;

    public FeedsController(FeedQuery query) {
        this.query = query;
    }

    @Operation(summary = "RCPS daily report of a ROAZ region at its report moment",
            description = "Per hospital location: ICU and clinic capacity, occupied, available (real capacity, no "
                    + "thresholds), each split COVID / non-COVID capacity, patients by patientCovidStatus; totals.")
    @GetMapping(value = "/api/v1/rcps/{roazRegionId}/daily", produces = MediaType.APPLICATION_JSON_VALUE)
    public RcpsDaily rcpsDaily(@PathVariable String roazRegionId,
                               @Parameter(description = "report day YYYY-MM-DD (Europe/Amsterdam)")
                               @RequestParam(required = false) String date,
                               @Parameter(hidden = true) Caller caller) {
        if (!Ids.isValid(roazRegionId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        caller.requireAny(Role.RCPS, Role.LCPS, Role.ADMIN, Role.HOSPITAL, Role.EPD_SYSTEM);
        LocalDate day = day(date);
        if (!query.regionExists(roazRegionId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION, "unknown ROAZ region " + roazRegionId);
        }
        boolean hospital = caller.hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) && caller.organisation() != null;
        String viewer = hospital ? caller.organisation() : null;
        boolean wholeRegion = caller.hasAny(Role.LCPS, Role.ADMIN)
                || (caller.has(Role.RCPS) && roazRegionId.equals(caller.region()));
        if (!wholeRegion && !hospital) {
            if (caller.has(Role.RCPS)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "the token's region does not cover ROAZ region " + roazRegionId);
            }
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ROLE,
                    "HOSPITAL/EPD_SYSTEM without an organisation claim");
        }
        return query.rcpsDaily(roazRegionId, day, viewer, !wholeRegion)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_REGION,
                        "unknown ROAZ region " + roazRegionId));
    }

    @Operation(summary = "LCPS feed: per report day per ROAZ region and nationally (JSON, resumable with since)")
    @GetMapping(value = "/api/v1/lcps/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    public LcpsFeed lcpsFeed(@Parameter(description = "cursor of an earlier answer") @RequestParam(required = false)
                             String since,
                             @Parameter(description = "one report day YYYY-MM-DD") @RequestParam(required = false)
                             String date,
                             @Parameter(hidden = true) Caller caller) {
        return feed(since, date, caller);
    }

    @Operation(summary = "LCPS feed as CSV: the national series in the public LCPS column layout, newest first")
    @GetMapping(value = "/api/v1/lcps/feed", produces = "text/csv")
    public ResponseEntity<byte[]> lcpsCsv(@RequestParam(required = false) String since,
                                          @RequestParam(required = false) String date,
                                          @Parameter(hidden = true) Caller caller) {
        return ResponseEntity.ok().contentType(CSV).body(LcpsCsv.bytes(feed(since, date, caller)));
    }

    private LcpsFeed feed(String since, String date, Caller caller) {
        caller.requireAny(Role.LCPS, Role.ADMIN);
        FeedQuery.Cursor cursor = null;
        if (since != null) {
            cursor = FeedQuery.Cursor.parse(since).orElseThrow(() -> ApiException.badRequest(
                    ProblemCodes.INVALID_FIELD, "since: not a cursor of this feed: " + since));
        }
        return query.lcps(cursor, date == null ? null : day(date));
    }

    private LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: required (YYYY-MM-DD)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: not a date YYYY-MM-DD: " + text);
        }
        if (day.isAfter(query.today())) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: " + day + " is in the future");
        }
        return day;
    }
}
