package nl.lpz.events.stops;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.serialization.Revision;

/**
 * All active stops of a kind in a veiligheidsregio lapsed at once: every hospital may expect these patients again.
 * {@code lapsedBy} is the MMA for {@link LapseCause#MMA_DECISION}, the system otherwise.
 */
@Revision("1")
public record StopsLapsed(SafetyRegionId safetyRegionId, CareKind kind, List<LapsedStop> stops, LapseCause cause,
                          String reason, Instant lapsedAt, Actor lapsedBy) implements StopEvent {
    public StopsLapsed {
        stops = List.copyOf(stops);
    }
}
