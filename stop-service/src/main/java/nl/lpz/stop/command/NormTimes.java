package nl.lpz.stop.command;

import java.time.Duration;
import java.util.Optional;
import nl.lpz.events.capacity.CareKind;

/** The norm time of a kind of stop in a ROAZ region (a regional setting); empty: the region allows no such stops. */
public interface NormTimes {
    Optional<Duration> normTime(String roazRegionId, CareKind kind);
}
