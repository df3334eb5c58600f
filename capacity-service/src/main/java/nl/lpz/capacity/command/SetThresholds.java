package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the location's thresholds; answers whether anything changed. */
public record SetThresholds(@TargetAggregateIdentifier LocationId locationId, List<Threshold> thresholds,
                            Instant requestedAt, Actor actor) {
    public SetThresholds {
        thresholds = List.copyOf(thresholds);
    }
}
