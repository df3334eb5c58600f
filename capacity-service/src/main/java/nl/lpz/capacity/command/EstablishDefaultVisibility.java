package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an organisation its starting visibility unless it already has one (the reference topology starts shared);
 * a later choice of the hospital is never overwritten. Answers whether anything changed.
 */
public record EstablishDefaultVisibility(OrganisationId organisationId, boolean shared,
                                         boolean releaseHistory, Instant requestedAt, Actor actor) {

    /** The Organisation aggregate's id, distinct from location ids (which may equal organisation ids). */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Organisation.aggregateId(organisationId);
    }
}
