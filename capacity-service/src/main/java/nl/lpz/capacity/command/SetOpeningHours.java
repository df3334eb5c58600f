package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces when a care kind of the location is open (no periods: around the clock); answers whether anything
 * changed. The kind must be one the location offers.
 */
public record SetOpeningHours(@TargetAggregateIdentifier LocationId locationId, CareKind careKind,
                              List<OpeningPeriod> periods, Instant requestedAt, Actor actor) {
    public SetOpeningHours {
        periods = List.copyOf(periods);
    }
}
