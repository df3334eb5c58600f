package nl.lpz.reporting.lcps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.reporting.readmodel.ReportDay;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The LCPS feed, JSON and CSV (docs/services/reporting-service.md, "Feeds"). */
@RestController
@Tag(name = "feeds-controller")
class LcpsController {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final LcpsQuery query;

    LcpsController(LcpsQuery query) {
        this.query = query;
    }

    @Operation(summary = "LCPS feed: per report day per ROAZ region and nationally (JSON, resumable with since)",
            description = "icu, clinic and the children's ICU groups picu and nicu: of which subsets of icu (already "
                    + "counted in it). The CSV keeps the public LCPS column layout (icu and clinic only).")
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
        LcpsQuery.Cursor cursor = null;
        if (since != null) {
            cursor = LcpsQuery.Cursor.parse(since).orElseThrow(() -> ApiException.badRequest(
                    ProblemCodes.INVALID_FIELD, "since: not a cursor of this feed: " + since));
        }
        return query.lcps(cursor, date == null ? null : day(date));
    }

    private LocalDate day(String text) {
        return ReportDay.parse(text, query.today());
    }
}
