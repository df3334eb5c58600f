package nl.lpz.events.stops;

import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.SafetyRegionId;

/**
 * Every event of a stop board: the stops of one kind of care in one veiligheidsregio (seed 001: the stop rules work
 * per VR). Published on {@link nl.lpz.events.Topics#STOPS}, keyed by {@link #partitionKey()} (the safety region id),
 * so all stops of a region keep their order.
 * <p>
 * The events of one stop are {@link StopOfLocation}s, those of one announcement {@link AnnouncementEvent}s; a refusal
 * and a lapse of the whole board are neither. The sub-interfaces only name accessors the records already have: the
 * JSON and the event type (the record's class name) do not depend on them.
 */
public sealed interface StopEvent permits StopOfLocation, AnnouncementEvent, StopRefused, StopsLapsed {
    SafetyRegionId safetyRegionId();

    CareKind kind();

    default String partitionKey() {
        return safetyRegionId().value();
    }
}
