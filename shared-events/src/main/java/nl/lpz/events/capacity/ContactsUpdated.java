package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/** Who to call at a location: "Regiehouder SEH" and "Beddencoördinator"; replaces the earlier lists. */
@Revision("1")
public record ContactsUpdated(LocationId locationId, OrganisationId organisationId, List<Contact> regiehouderSeh,
                              List<Contact> beddencoordinator, Instant updatedAt, Actor updatedBy)
        implements LocationEvent {
    public ContactsUpdated {
        regiehouderSeh = List.copyOf(regiehouderSeh);
        beddencoordinator = List.copyOf(beddencoordinator);
    }
}
