package nl.lpz.events.capacity;

import java.time.Instant;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * An organisation switched between hidden (schaduwdraaien: its figures visible to itself only) and shared, at
 * {@code changedAt}. Sharing shows the picture for every instant from the switch on; with {@code releaseHistory}
 * also for the instants before it.
 */
@Revision("1")
public record VisibilityChanged(OrganisationId organisationId, boolean shared, boolean releaseHistory,
                                Instant changedAt, Actor changedBy) implements OrganisationEvent {
}
