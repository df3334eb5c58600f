package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
        if (payloadHashes.size() != passages.size()) {
            throw new IllegalArgumentException(payloadHashes.size() + " hashes for " + passages.size() + " passages");
        }
        Objects.requireNonNull(providerKind, "providerKind");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
    }

    /** The passages hashed here. */
    public RecordModulePassages(ModuleProviderId providerId, int definitionVersion, ProviderKind providerKind,
                                OrganisationId organisationId, List<ModulePassage> passages, Instant receivedAt,
                                Instant backfillHorizon) {
        this(providerId, definitionVersion, providerKind, organisationId, passages, receivedAt, backfillHorizon,
                passages.stream().map(p -> p.payloadHash(providerId)).toList());
    }
}
