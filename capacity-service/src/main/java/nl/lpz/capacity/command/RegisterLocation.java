package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a location or changes its registration; answers {@link RegistrationOutcome}. */
public record RegisterLocation(@TargetAggregateIdentifier LocationId locationId, OrganisationId organisationId,
                               String name, RoazRegionId roazRegionId, SafetyRegionId safetyRegionId,
                               Set<CareKind> careOffered, String locationType, Double latitude, Double longitude,
                               Instant requestedAt, Actor actor) {
    public RegisterLocation {
        careOffered = Set.copyOf(careOffered);
    }
}
