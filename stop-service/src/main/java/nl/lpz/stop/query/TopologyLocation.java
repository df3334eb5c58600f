package nl.lpz.stop.query;

import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;

/** A location as the stop rules need it: who owns it, where it is, which kinds of acute care it offers. */
public record TopologyLocation(LocationId locationId, OrganisationId organisationId, String name,
                               RoazRegionId roazRegionId, SafetyRegionId safetyRegionId, Set<CareKind> careOffered) {
    public TopologyLocation {
        careOffered = Set.copyOf(careOffered);
    }
}
