package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.ProviderKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The module reports of one request that concern one provider, handled in one transaction; answers
 * {@link ReportResult} with one outcome per report, in order. Written under definition {@code definitionVersion} of
 * the module; {@code organisationId} owns the provider and sent the reports (its receipts hold their ids).
 * {@code receivedAt} and {@code backfillHorizon} bound {@code occurredAt} as for bed events ({@link ReportBeds});
 * {@code payloadHashes} holds each report's {@link ModuleReport#payloadHash}, computed once at the edge.
 */
public record ReportModuleFigures(@TargetAggregateIdentifier ModuleProviderId providerId, int definitionVersion,
                                  ProviderKind providerKind, OrganisationId organisationId,
                                  List<ModuleReport> reports, Instant receivedAt, Instant backfillHorizon,
                                  List<String> payloadHashes) implements ModuleProviderCommand {
    public ReportModuleFigures {
        reports = List.copyOf(reports);
        payloadHashes = List.copyOf(payloadHashes);
        ModuleProviderCommand.requireBatch(reports, payloadHashes, "reports", providerKind, organisationId, receivedAt,
                backfillHorizon);
    }

    /** The reports hashed here. */
    public ReportModuleFigures(ModuleProviderId providerId, int definitionVersion, ProviderKind providerKind,
                               OrganisationId organisationId, List<ModuleReport> reports, Instant receivedAt,
                               Instant backfillHorizon) {
        this(providerId, definitionVersion, providerKind, organisationId, reports, receivedAt, backfillHorizon,
                reports.stream().map(r -> r.payloadHash(providerId)).toList());
    }
}
