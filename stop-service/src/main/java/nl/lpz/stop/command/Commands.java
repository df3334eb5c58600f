package nl.lpz.stop.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.stops.StopType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the {@link StopBoard}. The caller resolves the topology (the location's organisation, ROAZ region and
 * the providers of the kind in the veiligheidsregio) and the region's norm time, so the board decides with the
 * picture as it stands when the command is handled. Package-private: {@link StopDesk} builds and sends them.
 * <p>
 * Axon routes a command by the {@code toString()} of its {@link TargetAggregateIdentifier}, so a {@link BoardId}
 * reaches the aggregate stored under {@link BoardId#value()} ({@code VR13/SEH}), as the String ids before it did.
 */
final class Commands {
    private Commands() {
    }

    /**
     * Declare a stop. {@code normTime} null means the region allows no stops of this kind; {@code providers} are the
     * locations of the veiligheidsregio that offer the kind now.
     */
    record DeclareStop(@TargetAggregateIdentifier BoardId boardId, String stopId, LocationId locationId,
                              OrganisationId organisationId, RoazRegionId roazRegionId, StopType type,
                              Duration expectedDuration, Duration normTime, boolean mkaContacted, String reason,
                              String announcementId, Set<LocationId> providers, Actor actor) {
        public DeclareStop {
            providers = Set.copyOf(providers);
        }
    }

    /** Extend to a new total duration counted from the start (the norm time is the one the stop was declared with). */
    record ExtendStop(@TargetAggregateIdentifier BoardId boardId, String stopId, Duration expectedDuration,
                             boolean mkaContacted, String reason, Actor actor) {
    }

    record EndStop(@TargetAggregateIdentifier BoardId boardId, String stopId, String reason, Actor actor) {
    }

    /** The MMA lapses every active stop of the board. */
    record LapseStops(@TargetAggregateIdentifier BoardId boardId, String reason, Actor actor) {
    }

    record AnnounceStop(@TargetAggregateIdentifier BoardId boardId, String announcementId,
                               LocationId locationId, OrganisationId organisationId, Instant plannedStart,
                               Instant plannedEnd, String reason, Set<LocationId> providers, Actor actor) {
        public AnnounceStop {
            providers = Set.copyOf(providers);
        }
    }

    /** The providers of the kind in the region changed: lapse everything if all of them now have a stop. */
    record ReconcileProviders(@TargetAggregateIdentifier BoardId boardId, Set<LocationId> providers) {
        public ReconcileProviders {
            providers = Set.copyOf(providers);
        }
    }
}
