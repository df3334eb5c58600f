package nl.lpz.events.stops;

import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.SafetyRegionId;

/**
 * Every event of a stop board: the stops of one kind of care in one veiligheidsregio (seed 001: the stop rules work
 * per VR). Published on {@link nl.lpz.events.Topics#STOPS}, keyed by {@link #partitionKey()} (the safety region id),
 * so all stops of a region keep their order.
 */
public sealed interface StopEvent
        permits StopDeclared, StopExtended, StopEnded, StopExpired, StopExpiryWarned, StopsLapsed, StopRefused,
        StopAnnounced, StopAnnouncementLapsed, PlannedStopReminder {
    SafetyRegionId safetyRegionId();

    CareKind kind();

    default String partitionKey() {
        return safetyRegionId().value();
    }
}
