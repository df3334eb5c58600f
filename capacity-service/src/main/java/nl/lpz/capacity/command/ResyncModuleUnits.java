package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.ProviderKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A full snapshot of one provider's units of one module as of {@code asOf}; units it leaves out are removed unless a
 * newer report is known for them. Answers {@link ResyncResult}. Instants before {@code backfillHorizon} or more than
 * 5 minutes after {@code receivedAt}, and a unit listed twice, refuse the whole snapshot.
 */
public record ResyncModuleUnits(@TargetAggregateIdentifier ModuleProviderId providerId, int definitionVersion,
                                ProviderKind providerKind, OrganisationId organisationId, Instant asOf,
                                List<ModuleUnitEntry> units, Instant receivedAt, Instant backfillHorizon)
        implements ModuleProviderCommand {
    public ResyncModuleUnits {
        units = List.copyOf(units);
        Objects.requireNonNull(providerKind, "providerKind");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }
}
