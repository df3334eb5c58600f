package nl.lpz.reporting.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ValueRules;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail for the privacy officer (functionaris gegevensbescherming) of an organisation, who reads what
 * concerns it, and for ADMIN, who reads any and verifies the chain (docs/audit.md). Reading the trail is itself
 * recorded in it.
 */
@RestController
@Tag(name = "audit-controller")
@EnableConfigurationProperties(AuditProperties.class)
class AuditController {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditQuery query;
    private final AuditVerification verification;
    private final AuditProperties settings;
    private final Clock clock;

    AuditController(AuditQuery query, AuditVerification verification, AuditProperties settings, Clock clock) {
        this.query = query;
        this.verification = verification;
        this.settings = settings;
        this.clock = clock;
    }

    /** A page of entries; {@code next} is the {@code after} of the next page, null on the last. */
    record Page(String organisation, Instant from, Instant to, List<AuditQuery.Entry> entries, Long next) {
    }

    @Operation(summary = "Audit entries that concern an organisation (NEN 7513)",
            description = "PRIVACY_OFFICER: its own organisation (the token's); ADMIN: any organisation, or all when "
                    + "`organisation` is absent. Entries made by the organisation's people (concerns OWN_PEOPLE) and "
                    + "about its data (OWN_DATA: its locations, stops, itself or a region its locations are in), "
                    + "oldest first. from/to: an instant or a day (Europe/Amsterdam); default the last 7 days. Pages "
                    + "of `limit` (at most lpz.audit.max-page) after the sequence `after`.")
    @GetMapping(value = "/api/v1/audit/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    public Page entries(@RequestParam(required = false) String organisation,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit,
                        @Parameter(hidden = true) Caller caller) {
        String of = organisationOf(caller, organisation);
        Instant[] period = period(from, to);
        int size = limit == null ? settings.maxPage() : limit;
        if (size < 1 || size > settings.maxPage()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "limit: 1 to " + settings.maxPage());
        }
        if (after != null && after < 0) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "after: a sequence, 0 or more");
        }
        List<AuditQuery.Entry> entries = query.entries(of, period[0], period[1], after == null ? 0 : after, size);
        Long next = entries.size() == size ? entries.get(entries.size() - 1).sequence() : null;
        return new Page(of, period[0], period[1], entries, next);
    }

    @Operation(summary = "Export of the audit entries that concern an organisation, as CSV",
            description = "The same entries and rights as /api/v1/audit/entries, all of the period in one file.")
    @GetMapping(value = "/api/v1/audit/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String organisation,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @Parameter(hidden = true) Caller caller) {
        String of = organisationOf(caller, organisation);
        Instant[] period = period(from, to);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AuditCsv csv = new AuditCsv(writer);
            csv.header();
            query.stream(of, period[0], period[1], 0, 0, csv::row);
            writer.flush();
        };
        String name = "lpz-audit-" + (of == null ? "all" : of) + "-" + period[0].atZone(NL).toLocalDate() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    @Operation(summary = "Verification of the audit chain (ADMIN)",
            description = "Recomputes every link from the anchor (the last entry removed by retention) to the head: "
                    + "intact, or the first sequence where an entry was changed, removed or inserted.")
    @GetMapping(value = "/api/v1/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditVerification.Result verification(@Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN);
        return verification.verify();
    }

    /** The organisation whose entries the caller may read; null = all (ADMIN without a choice). */
    private static String organisationOf(Caller caller, String requested) {
        caller.requireAny(Role.PRIVACY_OFFICER, Role.ADMIN);
        if (requested != null && !Ids.isValid(requested)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid organisation id");
        }
        if (caller.has(Role.ADMIN)) {
            return requested;
        }
        if (caller.organisation() == null || requested != null && !requested.equals(caller.organisation())) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "a privacy officer reads the entries of the token's own organisation only");
        }
        return caller.organisation();
    }

    private Instant[] period(String from, String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "from must be before to");
        }
        return new Instant[] {start, end};
    }

    private static Instant instant(String name, String text) {
        try {
            Instant at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(NL).toInstant() : Instant.parse(text);
            // the years the platform holds (docs/reliability.md): beyond them no timestamp can hold the instant
            if (!ValueRules.storable(at)) {
                throw new DateTimeException("outside the platform's years");
            }
            return at;
        } catch (DateTimeException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    name + ": an instant (2026-12-07T03:00:00Z) or a day (2026-12-07), from 2000 to 2099");
        }
    }
}
