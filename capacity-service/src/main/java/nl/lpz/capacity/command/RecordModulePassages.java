package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.ProviderKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The passages of one request that concern one provider, handled in one transaction, as {@link ReportModuleFigures}
 * handles reports; answers {@link ReportResult} with one outcome per passage, in order (never stale: a passage
 * changes no current figures). Every moment is bound by {@code receivedAt} and {@code backfillHorizon} as a report's
 * {@code occurredAt} is ({@link InstantRule}); {@code payloadHashes} holds each passage's
 * {@link ModulePassage#payloadHash}, computed once at the edge.
 */
public record RecordModulePassages(@TargetAggregateIdentifier ModuleProviderId providerId, int definitionVersion,
                                   ProviderKind providerKind, OrganisationId organisationId,
                                   List<ModulePassage> passages, Instant receivedAt, Instant backfillHorizon,
                                   List<String> payloadHashes) implements ModuleProviderCommand {
    public RecordModulePassages {
        passages = List.copyOf(passages);
        payloadHashes = List.copyOf(payloadHashes);
        ModuleProviderCommand.requireBatch(passages, payloadHashes, "passages", providerKind, organisationId, receivedAt,
                backfillHorizon);
    }

    /** The passages hashed here. */
    public RecordModulePassages(ModuleProviderId providerId, int definitionVersion, ProviderKind providerKind,
                                OrganisationId organisationId, List<ModulePassage> passages, Instant receivedAt,
                                Instant backfillHorizon) {
        this(providerId, definitionVersion, providerKind, organisationId, passages, receivedAt, backfillHorizon,
                passages.stream().map(p -> p.payloadHash(providerId)).toList());
    }
}
