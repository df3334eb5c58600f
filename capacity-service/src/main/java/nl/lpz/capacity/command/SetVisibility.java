package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Switches an organisation between hidden and shared; answers whether anything changed. */
public record SetVisibility(OrganisationId organisationId, boolean shared,
                            boolean releaseHistory, Instant requestedAt, Actor actor) {

    /** The Organisation aggregate's id, distinct from location ids (which may equal organisation ids). */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Organisation.aggregateId(organisationId);
    }
}
