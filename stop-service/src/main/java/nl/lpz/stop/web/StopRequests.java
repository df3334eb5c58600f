package nl.lpz.stop.web;

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

    private StopRequests() {
    }

    record DeclareStopRequest(@NotNull String locationId, @NotNull CareKind kind, @NotNull StopType type,
                              @NotNull @Min(1) @Max(MAX_MINUTES) Integer expectedDurationMinutes,
                              @NotBlank @Size(max = 2000) @StorableText String reason, Boolean mkaContacted,
                              String announcementId) {
    }

    record ExtendStopRequest(@NotNull @Min(1) @Max(MAX_MINUTES) Integer expectedDurationMinutes,
                             Boolean mkaContacted, @Size(max = 2000) @StorableText String reason) {
    }

    record EndStopRequest(@Size(max = 2000) @StorableText String reason) {
    }

    record LapseRequest(@NotNull CareKind kind, @Size(max = 2000) @StorableText String reason) {
    }

    record AnnouncementRequest(@NotNull String locationId, @NotNull CareKind kind,
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
    record NormTimesResponse(String roazRegionId, Map<CareKind, Long> normTimes) {
    }

    record LapseResponse(String safetyRegionId, CareKind kind, List<String> lapsedStopIds) {
    }

    record AnnouncementResponse(String announcementId, String locationId, CareKind kind, Instant plannedStart,
                                Instant plannedEnd) {
    }
}
