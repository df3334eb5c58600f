package nl.lpz.events.stops;

import java.time.Instant;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;

/** One stop ended by a lapse. */
public record LapsedStop(String stopId, LocationId locationId, OrganisationId organisationId, Instant startedAt,
                         Instant expectedEnd) {
}
