package nl.lpz.stop.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.Ids;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.platform.web.ProblemHandler;
import nl.lpz.contract.Role;
import nl.lpz.stop.command.BoardId;
import nl.lpz.stop.command.Outcomes;
import nl.lpz.stop.command.StopDesk;
import nl.lpz.stop.command.StopRejected;
import nl.lpz.stop.web.StopRequests.AnnouncementRequest;
import nl.lpz.stop.web.StopRequests.AnnouncementResponse;
import nl.lpz.stop.web.StopRequests.DeclareStopRequest;
import nl.lpz.stop.web.StopRequests.EndStopRequest;
import nl.lpz.stop.web.StopRequests.ExtendStopRequest;
import nl.lpz.stop.web.StopRequests.LapseRequest;
import nl.lpz.stop.web.StopRequests.LapseResponse;
import nl.lpz.stop.web.StopRequests.NormTimesResponse;
import nl.lpz.stop.web.StopRequests.StopResponse;
import nl.lpz.stop.web.StopRequests.StopStateResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stop procedure (api-contract, Stops): HOSPITAL users of the owning organisation declare, extend, end and
 * announce; the MMA of a veiligheidsregio lapses its stops of a kind; every role reads the norm times a region
 * applies.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class StopController {
    private final StopDesk desk;

    StopController(StopDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "Declare a stop: a request to the ambulance services to spare the location for one kind of "
            + "care for a while (for VERLOSKUNDE the presentatiestop geboortezorg)",
            description = "HOSPITAL of the location's organisation. The norm time is the ROAZ region's for the kind "
                    + "(national defaults: SEH, CTT, EHH, CCU, PCI 2 h, SR 1 h, VERLOSKUNDE 4 h). 201 with stopId, "
                    + "startedAt, expectedEnd, graceUntil (start + 20 min) and normTimeMinutes. 409 LAST_IN_REGION "
                    + "when no other location of the veiligheidsregio offering the kind would stay open (the "
                    + "refusal is recorded; call the MKA for the MMA), 409 STOP_ALREADY_ACTIVE, 422 "
                    + "CARE_NOT_OFFERED, 422 LONG_STOP_NEEDS_MKA_CONTACT (more than twice the norm time without "
                    + "mkaContacted), 422 STOPS_NOT_ALLOWED (the region allows no stops of the kind), 422 "
                    + "PLANNED_STOP_NOT_STARTED, 422 INVALID_ANNOUNCEMENT.")
    @PostMapping("/stops")
    ResponseEntity<Object> declare(@Parameter(hidden = true) Caller caller, @Valid @RequestBody DeclareStopRequest request) {
        caller.requireAny(Role.HOSPITAL);
        LocationId location = LocationId.of(request.locationId());
        String announcementId = request.announcementId() == null ? null
                : validId(request.announcementId(), "announcementId");
        Outcomes.Declaration outcome = desk.declare(location, request.kind(), request.type(),
                Duration.ofMinutes(request.expectedDurationMinutes()), Boolean.TRUE.equals(request.mkaContacted()),
                request.reason(), announcementId, actor(caller));
        if (!outcome.declared()) {
            throw new ApiException(HttpStatus.CONFLICT, StopRejected.LAST_IN_REGION, outcome.refusal(),
                    Map.of("kind", request.kind().name(), "locationId", location.value()));
        }
        StopResponse body = new StopResponse(outcome.stopId(), location.value(), request.kind(), request.type(),
                BoardId.ofMemberId(outcome.stopId()).map(b -> b.safetyRegionId().value()).orElse(null),
                outcome.startedAt(), outcome.expectedEnd(), outcome.graceUntil(), outcome.normTimeMinutes());
        return ResponseEntity.created(URI.create("/api/v1/stops/" + outcome.stopId())).body(body);
    }

    @Operation(summary = "The norm time of every kind of stop in a ROAZ region, in minutes",
            description = "Any role. The national defaults (SEH 120, SR 60, CTT 120, EHH 120, CCU 120, PCI 120, "
                    + "VERLOSKUNDE 240) with the region's settings applied, as a stop declared there gets them; a kind "
                    + "the region allows no stops of is absent. 404 UNKNOWN_ROAZ_REGION when no location of the "
                    + "region is known.")
    @GetMapping("/regions/{roazRegionId}/norm-times")
    NormTimesResponse normTimes(@Parameter(hidden = true) Caller caller, @PathVariable String roazRegionId) {
        caller.requireAny(Role.values());
        RoazRegionId region = RoazRegionId.of(roazRegionId);
        Map<CareKind, Long> minutes = new EnumMap<>(CareKind.class);
        desk.normTimes(region).forEach((kind, norm) -> minutes.put(kind, norm.toMinutes()));
        return new NormTimesResponse(region.value(), minutes);
    }

    @Operation(summary = "Extend an active stop to a new total duration counted from its start",
            description = "HOSPITAL, owner. 422 NOT_AN_EXTENSION when the new end does not pass the current one, "
                    + "422 LONG_STOP_NEEDS_MKA_CONTACT past twice the norm time the stop was declared with, 409 "
                    + "STOP_NOT_ACTIVE after its end (to the owner only: a stop of another organisation, running or "
                    + "ended, and an unknown stop id answer 403 FORBIDDEN_ORGANISATION alike).")
    @PostMapping("/stops/{stopId}/extend")
    StopStateResponse extend(@Parameter(hidden = true) Caller caller, @PathVariable String stopId,
                             @Valid @RequestBody ExtendStopRequest request) {
        caller.requireAny(Role.HOSPITAL);
        Outcomes.StopState state = desk.extend(validStopId(stopId),
                Duration.ofMinutes(request.expectedDurationMinutes()), Boolean.TRUE.equals(request.mkaContacted()),
                request.reason(), actor(caller));
        return response(state);
    }

    @Operation(summary = "End an active stop before its expected end",
            description = "HOSPITAL, owner. 409 STOP_NOT_ACTIVE when it already ended, expired or lapsed (to the owner "
                    + "only: a stop of another organisation, running or ended, and an unknown stop id answer 403 "
                    + "FORBIDDEN_ORGANISATION alike).")
    @PostMapping("/stops/{stopId}/end")
    StopStateResponse end(@Parameter(hidden = true) Caller caller, @PathVariable String stopId,
                          @Valid @RequestBody(required = false) EndStopRequest request) {
        caller.requireAny(Role.HOSPITAL);
        String reason = request == null || request.reason() == null ? "ended by the hospital" : request.reason();
        return response(desk.end(validStopId(stopId), reason, actor(caller)));
    }

    @Operation(summary = "Lapse every active stop of a kind in a veiligheidsregio (MMA)",
            description = "MMA whose region is that veiligheidsregio, for any kind, VERLOSKUNDE included: the last "
                    + "open location of a kind called the MKA, and the MMA ends all stops of that kind there. 200 "
                    + "with the lapsed stop ids (none when no stop was active).")
    @PostMapping("/safety-regions/{safetyRegionId}/stops/lapse")
    LapseResponse lapse(@Parameter(hidden = true) Caller caller, @PathVariable String safetyRegionId, @Valid @RequestBody LapseRequest request) {
        caller.requireAny(Role.MMA);
        SafetyRegionId region = SafetyRegionId.of(safetyRegionId);
        if (!region.value().equals(caller.region())) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                    "an MMA may lapse stops only in its own veiligheidsregio (" + caller.region() + ")");
        }
        String reason = request.reason() == null ? "lapsed by the MMA" : request.reason();
        Outcomes.Lapse lapse = desk.lapse(region, request.kind(), reason, actor(caller));
        return new LapseResponse(region.value(), request.kind(), lapse.lapsedStopIds());
    }

    @Operation(summary = "Announce a planned stop to the region (start, end, reason)",
            description = "HOSPITAL of the location's organisation; the stop itself is declared (type PLANNED) "
                    + "once its start has come. 422 INVALID_ANNOUNCEMENT, 422 CARE_NOT_OFFERED.")
    @PostMapping("/stop-announcements")
    ResponseEntity<AnnouncementResponse> announce(@Parameter(hidden = true) Caller caller, @Valid @RequestBody AnnouncementRequest request) {
        caller.requireAny(Role.HOSPITAL);
        LocationId location = LocationId.of(request.locationId());
        String id = desk.announce(location, request.kind(), request.plannedStart().toInstant(),
                request.plannedEnd().toInstant(), request.reason(), actor(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(new AnnouncementResponse(id, location.value(),
                request.kind(), request.plannedStart().toInstant(), request.plannedEnd().toInstant()));
    }

    @ExceptionHandler(StopRejected.class)
    ResponseEntity<Object> rejected(StopRejected e) {
        HttpStatus status = switch (e.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandler.problem(status, e.code(), e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownBoard(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandler.problem(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, "stop not found"));
    }

    private static String validStopId(String stopId) {
        if (!Ids.isValid(stopId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid stop id");
        }
        return stopId;
    }

    private static String validId(String value, String field) {
        if (!Ids.isValid(value)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, field + " must match " + Ids.PATTERN);
        }
        return value;
    }

    private static StopStateResponse response(Outcomes.StopState s) {
        return new StopStateResponse(s.stopId(), s.startedAt(), s.expectedEnd(), s.graceUntil(), s.endedAt());
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation());
    }
}
