package nl.lpz.stop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.web.ValueConstraints.Plannable;
import nl.lpz.stop.web.ValueConstraints.StorableText;

/**
 * Request and response bodies of the stop endpoints (api-contract, Stops). Every free text and planned instant is
 * held to {@code ValueRules} here, so that nothing the edge accepts yields an event a store downstream refuses.
 */
final class StopRequests {
    static final int MAX_MINUTES = 7 * 24 * 60;

    /**
     * The kinds of stop as the OpenAPI contract describes them. An annotation needs a constant, so this repeats
     * {@code CareKind}'s national norm times; {@code StopRequestsTest} fails when a kind or a norm time is missing.
     */
    static final String KIND = "Kind of care, with its national default norm time: SEH (emergency department) 2 h, "
            + "SR (shock room / trauma room) 1 h, CTT (CT thrombolysis) 2 h, EHH (first heart aid) 2 h, "
            + "CCU (coronary care unit) 2 h, PCI (percutaneous coronary intervention) 2 h, "
            + "VERLOSKUNDE (acute obstetric care; its stop is the presentatiestop geboortezorg, a request to "
            + "ambulances and first-line midwives not to present women in labour for a while) 4 h. "
            + "Norm times are regional settings: GET /api/v1/regions/{roazRegionId}/norm-times gives those a ROAZ "
            + "region applies. Every kind goes through the same procedure (last-in-region rule per veiligheidsregio, "
            + "more than twice the norm time only with mkaContacted, expiry warning, lapse by the MMA).";

    private StopRequests() {
    }

    record DeclareStopRequest(@NotNull String locationId, @NotNull @Schema(description = KIND) CareKind kind,
                              @NotNull StopType type,
                              @NotNull @Min(1) @Max(MAX_MINUTES) Integer expectedDurationMinutes,
                              @NotBlank @Size(max = 2000) @StorableText String reason, Boolean mkaContacted,
                              String announcementId) {
    }

    record ExtendStopRequest(@NotNull @Min(1) @Max(MAX_MINUTES) Integer expectedDurationMinutes,
                             Boolean mkaContacted, @Size(max = 2000) @StorableText String reason) {
    }

    record EndStopRequest(@Size(max = 2000) @StorableText String reason) {
    }

    record LapseRequest(@NotNull @Schema(description = KIND) CareKind kind,
                        @Size(max = 2000) @StorableText String reason) {
    }

    record AnnouncementRequest(@NotNull String locationId, @NotNull @Schema(description = KIND) CareKind kind,
                               @NotNull @Plannable OffsetDateTime plannedStart,
                               @NotNull @Plannable OffsetDateTime plannedEnd,
                               @NotBlank @Size(max = 2000) @StorableText String reason) {
    }

    record StopResponse(String stopId, String locationId, CareKind kind, StopType type, String safetyRegionId,
                        Instant startedAt, Instant expectedEnd, Instant graceUntil, long normTimeMinutes) {
    }

    record StopStateResponse(String stopId, Instant startedAt, Instant expectedEnd, Instant graceUntil,
                             Instant endedAt) {
    }

    /** Minutes per kind; a kind the region allows no stops of is absent. */
    record NormTimesResponse(String roazRegionId,
                             @Schema(description = "minutes per kind of care (e.g. SEH 120, VERLOSKUNDE 240 by "
                                     + "national default); a kind the region allows no stops of is absent")
                             Map<CareKind, Long> normTimes) {
    }

    record LapseResponse(String safetyRegionId, CareKind kind, List<String> lapsedStopIds) {
    }

    record AnnouncementResponse(String announcementId, String locationId, CareKind kind, Instant plannedStart,
                                Instant plannedEnd) {
    }
}
