package nl.lpz.reporting.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StreamAudience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class RegionStreamController {
    private final RegionAccess access;
    private final RegionChangeHub hub;
    private final List<StreamAudience> audiences;

    RegionStreamController(RegionAccess access, RegionChangeHub hub, List<StreamAudience> audiences) {
        this.access = access;
        this.hub = hub;
        this.audiences = audiences;
    }

    @Operation(summary = "Server-Sent Events of changes to the regional picture",
            description = "Events with id = change-log sequence: `capacity` with data {locationId, lastEventAt, "
                    + "changedAt}; `stop` with data {stopId, safetyRegionId, locationId, kind, change, expectedEnd, "
                    + "changedAt}; `module` (a unit of a module changed) with data {moduleId, providerId, unitKind, "
                    + "unitId, removed, occurredAt, changedAt}, only to subscribers whose module reader rules show that "
                    + "provider (docs/modules.md). `stop` only to readers of that VR's stops, `capacity` only to readers "
                    + "of the capacity picture; RAV and HAP users of the region follow it for Spoed and their VR's "
                    + "stops. Resume with the Last-Event-ID header (or "
                    + "?lastEventId=). Heartbeat comments every 15 s.")
    @GetMapping("/api/v1/regions/{roazRegionId}/stream")
    public SseEmitter stream(@PathVariable String roazRegionId,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                             @Parameter(hidden = true) Caller caller) {
        Long lastEventId = parseId(lastEventIdHeader != null && !lastEventIdHeader.isBlank()
                ? lastEventIdHeader : lastEventIdParam);
        access.checkStream(caller, roazRegionId);
        Map<String, StreamAudience.Teller> tellers = new HashMap<>();
        audiences.forEach(a -> tellers.put(a.kind(), a.forCaller(caller, roazRegionId)));
        return hub.subscribe(roazRegionId, RegionAccess.viewerOrganisation(caller), tellers, lastEventId);
    }

    private static Long parseId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip();
        try {
            // ASCII digits only: Long.parseLong also takes other scripts' digits ("１"), which no stream ever sent
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException();
            }
            long id = Long.parseLong(digits);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "Last-Event-ID: not a stream event id: " + text);
        }
    }
}
