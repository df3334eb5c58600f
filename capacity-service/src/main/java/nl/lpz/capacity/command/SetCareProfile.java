package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces the care profile of the location; answers whether anything changed. A trauma level needs an SEH and an
 * obstetrics level acute obstetric care (VERLOSKUNDE) among the care the location offers.
 */
public record SetCareProfile(@TargetAggregateIdentifier LocationId locationId, CareProfile profile,
                             Instant requestedAt, Actor actor) {
}
