package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.ids.LocationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the location's contact lists; answers whether anything changed. */
public record UpdateContacts(@TargetAggregateIdentifier LocationId locationId, List<Contact> regiehouderSeh,
                             List<Contact> beddencoordinator, Instant requestedAt, Actor actor) {
    public UpdateContacts {
        regiehouderSeh = List.copyOf(regiehouderSeh);
        beddencoordinator = List.copyOf(beddencoordinator);
    }
}
