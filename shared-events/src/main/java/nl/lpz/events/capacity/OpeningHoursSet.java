package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * When a care kind of a location is open, from {@code setAt} on; replaces its earlier hours. No periods: open around
 * the clock, which every care kind is until its hours are set (an ED that is not 24/7, seed 004).
 */
@Revision("1")
public record OpeningHoursSet(LocationId locationId, OrganisationId organisationId, CareKind careKind,
                              List<OpeningPeriod> periods, Instant setAt, Actor setBy) implements LocationEvent {
    public OpeningHoursSet {
        periods = List.copyOf(periods);
    }
}
