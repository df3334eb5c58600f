package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.BirthRefusal;
import nl.lpz.capacity.command.BirthRefusalRules;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.EventIdConflicts.SentReport;
import nl.lpz.capacity.command.MidwifePracticeId;
import nl.lpz.capacity.command.ReceiptSettings;
import nl.lpz.capacity.command.RecordBirthRefusals;
import nl.lpz.capacity.command.ReportResult;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.capacity.topology.ReferenceRegions;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.events.ids.Ids;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Birth-care refusals (weigeringen, issue 10): a first-line midwife (MIDWIFE; {@code organisation} = the practice,
 * {@code region} = its ROAZ region) records that a hospital location could not take a woman in labour, in batches of
 * 1..1000, answered as ED passages are ({@link ModulePassagesController}): the request checked as a whole first
 * (caller: 403; structure, reason, ids: 400 with nothing written; an event id reused with other content: 409), then
 * each refusal's locations ({@link BirthRefusalRules}: rejected with its code), all of it one command to the
 * practice's {@code MidwifePractice} and one transaction. A refusal names no woman: its object is closed.
 */
@RestController
@Tag(name = "birth-care")
class BirthRefusalsController {
    static final int MAX_REFUSALS = 1000;
    /** The keys a refusal may hold; any other is refused, so that nothing about the woman can be sent along. */
    static final List<String> REFUSAL_KEYS = List.of("eventId", "refusedLocationId", "occurredAt", "reason",
            "takenByLocationId");

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final ReferenceRegions regions;
    private final EventIdConflicts conflicts;
    private final ReceiptSettings receipts;
    private final Clock clock;

    BirthRefusalsController(CommandSender commands, LocationDirectory directory, ReferenceRegions regions,
                            EventIdConflicts conflicts, ReceiptSettings receipts, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.regions = regions;
        this.conflicts = conflicts;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** One refusal as sent. */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    static final class RefusalBody extends ClosedObject {
        private final UUID eventId;
        private final String refusedLocationId;
        private final OffsetDateTime occurredAt;
        private final String reason;
        private final String takenByLocationId;

        @JsonCreator
        RefusalBody(@JsonProperty("eventId") UUID eventId, @JsonProperty("refusedLocationId") String refusedLocationId,
                    @JsonProperty("occurredAt") OffsetDateTime occurredAt, @JsonProperty("reason") String reason,
                    @JsonProperty("takenByLocationId") String takenByLocationId) {
            this.eventId = eventId;
            this.refusedLocationId = refusedLocationId;
            this.occurredAt = occurredAt;
            this.reason = reason;
            this.takenByLocationId = takenByLocationId;
        }

        @JsonProperty
        @Schema(description = "the practice's idempotency key: the same id again is a duplicate, forever")
        public UUID eventId() {
            return eventId;
        }

        @JsonProperty
        @Schema(description = "the hospital location that could not take her: registered, offering VERLOSKUNDE, in "
                + "any ROAZ region")
        public String refusedLocationId() {
            return refusedLocationId;
        }

        @JsonProperty
        @Schema(description = "when she was refused, ISO-8601 with offset")
        public OffsetDateTime occurredAt() {
            return occurredAt;
        }

        @JsonProperty
        @Schema(description = "the reason category", implementation = RefusalReason.class)
        public String reason() {
            return reason;
        }

        @JsonProperty
        @Schema(description = "the location that took her then (registered, offering VERLOSKUNDE, not the refused "
                + "one), or null", nullable = true)
        public String takenByLocationId() {
            return takenByLocationId;
        }
    }

    /** The request: {@code refusals} and nothing else. */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    static final class RefusalsRequest extends ClosedObject {
        private final List<RefusalBody> refusals;

        @JsonCreator
        RefusalsRequest(@JsonProperty("refusals") List<RefusalBody> refusals) {
            this.refusals = refusals;
        }

        @JsonProperty
        @Schema(description = "1 to 1000 refusals")
        public List<RefusalBody> refusals() {
            return refusals;
        }
    }

    record RefusalsAnswer(long accepted, long duplicates, List<ReportBatches.Rejection> rejected) {
    }

    @Operation(summary = "Refusals of women in labour by hospitals (weigeringen), from a first-line midwife (batch of "
            + "1..1000, MIDWIFE)",
            description = "A refusal is {eventId, refusedLocationId, occurredAt, reason: NO_DELIVERY_ROOM|NO_STAFF|"
                    + "NO_NEONATAL_CARE|PRESENTATIESTOP|OTHER, takenByLocationId|null} and nothing else: no data of "
                    + "the woman. The token's organisation is the midwife practice (the receipts' sender: an eventId "
                    + "is a duplicate forever), its region the practice's ROAZ region, recorded with each refusal. "
                    + "202 {accepted, duplicates, rejected:[{eventId, code, detail}]}. Whole request: 403 "
                    + "FORBIDDEN_ROLE (not MIDWIFE), FORBIDDEN_ORGANISATION (no organisation claim), FORBIDDEN_REGION "
                    + "(the region claim is no ROAZ region); 400 MALFORMED_REQUEST (not JSON, a key other than "
                    + "refusals, or any key of a refusal other than those five), INVALID_FIELD (count, a missing "
                    + "field, an unknown reason), INVALID_ID; 409 EVENT_ID_CONFLICT (with eventIds). Per refusal: "
                    + "UNKNOWN_LOCATION, NO_BIRTH_CARE (a location without VERLOSKUNDE), SAME_LOCATION (taken by the "
                    + "refusing location), OCCURRED_TOO_EARLY, OCCURRED_IN_FUTURE, EVENT_ID_CONFLICT; when every "
                    + "refusal is rejected, the problem of the first (404 UNKNOWN_LOCATION, 422 NO_BIRTH_CARE, 400, "
                    + "409).")
    @PostMapping(path = "/api/v1/birth-care/refusals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RefusalsAnswer> record(@RequestBody RefusalsRequest request,
                                          @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.MIDWIFE);
        MidwifePracticeId practice = practiceOf(caller);
        RoazRegionId midwifeRegion = regionOf(caller);
        CapacityProblems.requireClosed(request.unexpectedKeys(), "the request", List.of("refusals"), "the woman");
        List<RefusalBody> bodies = required(request.refusals(), "refusals");
        if (bodies.isEmpty() || bodies.size() > MAX_REFUSALS) {
            throw invalid("refusals must hold 1 to " + MAX_REFUSALS + " refusals, not " + bodies.size());
        }
        RefusalReason[] reasons = new RefusalReason[bodies.size()];
        Set<String> locationIds = new LinkedHashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            String field = "refusals[" + i + "]";
            RefusalBody body = required(bodies.get(i), field);
            CapacityProblems.requireClosed(body.unexpectedKeys(), field, REFUSAL_KEYS, "the woman");
            required(body.eventId(), field + ".eventId");
            locationIds.add(id(body.refusedLocationId(), field + ".refusedLocationId"));
            required(body.occurredAt(), field + ".occurredAt");
            reasons[i] = reason(body.reason(), field + ".reason");
            if (body.takenByLocationId() != null) {
                locationIds.add(id(body.takenByLocationId(), field + ".takenByLocationId"));
            }
        }
        Map<String, Set<CareKind>> care = directory.careOffered(locationIds);

        Outcome[] outcomes = new Outcome[bodies.size()];
        List<Integer> taken = new ArrayList<>();
        List<BirthRefusal> refusals = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<SentReport> toCheck = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            RefusalBody body = bodies.get(i);
            Optional<BirthRefusalRules.Violation> violation = BirthRefusalRules.check(body.refusedLocationId(),
                    body.takenByLocationId(), care);
            if (violation.isPresent()) {
                outcomes[i] = ReportBatches.rejected(body.eventId(), violation.get().code(),
                        violation.get().detail());
                continue;
            }
            BirthRefusal refusal = new BirthRefusal(body.eventId(), LocationId.of(body.refusedLocationId()),
                    body.occurredAt().toInstant(), reasons[i],
                    body.takenByLocationId() == null ? null : LocationId.of(body.takenByLocationId()));
            String hash = refusal.payloadHash(practice);
            taken.add(i);
            refusals.add(refusal);
            hashes.add(hash);
            toCheck.add(new SentReport(OrganisationId.of(practice.practiceId()), refusal.eventId(),
                    refusal.occurredAt(), hash));
        }
        ReportBatches.requireNoEventIdConflict(conflicts, toCheck);
        if (!refusals.isEmpty()) {
            Instant receivedAt = clock.instant();
            ReportResult result = commands.send(new RecordBirthRefusals(practice, midwifeRegion, refusals, receivedAt,
                    receipts.backfillHorizon(receivedAt), hashes), practice.practiceId());
            for (int j = 0; j < taken.size(); j++) {
                outcomes[taken.get(j)] = result.outcomes().get(j);
            }
        }
        ReportBatches.Counts counts = ReportBatches.count(outcomes, "refusals");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RefusalsAnswer(counts.accepted(),
                counts.duplicates(), counts.rejected()));
    }

    /** The sending practice: the token's organisation claim (the gateway relays only ids of the contract's pattern). */
    static MidwifePracticeId practiceOf(Caller caller) {
        if (!Ids.isValid(caller.organisation())) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "a midwife's token names the practice in its organisation claim; this one names none");
        }
        return MidwifePracticeId.of(caller.organisation());
    }

    /** The practice's ROAZ region: the token's region claim, one of the reference ROAZ regions. */
    private RoazRegionId regionOf(Caller caller) {
        if (caller.region() == null || !regions.isRoazRegion(caller.region())) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                    "a midwife's token names the practice's ROAZ region in its region claim, one of "
                            + regions.roazRegions());
        }
        return RoazRegionId.of(caller.region());
    }

    private static RefusalReason reason(String value, String field) {
        CapacityProblems.requiredText(value, field);
        return Arrays.stream(RefusalReason.values()).filter(r -> r.name().equals(value)).findFirst()
                .orElseThrow(() -> invalid(field + " must be one of " + Arrays.toString(RefusalReason.values())
                        + ", not " + CapacityProblems.echo(value)));
    }
}
