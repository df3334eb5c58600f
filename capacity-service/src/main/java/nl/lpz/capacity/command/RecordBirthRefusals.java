package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The refusals of one request of one midwife practice, handled in one transaction; answers {@link ReportResult} with
 * one outcome per refusal, in order (never stale). {@code midwifeRegionId}: the ROAZ region of the sender's token.
 * Every {@code occurredAt} is bound by {@code receivedAt} and {@code backfillHorizon} ({@link InstantRule});
 * {@code payloadHashes} holds each refusal's {@link BirthRefusal#payloadHash}, computed once at the edge.
 */
public record RecordBirthRefusals(@TargetAggregateIdentifier MidwifePracticeId practiceId,
                                  RoazRegionId midwifeRegionId, List<BirthRefusal> refusals, Instant receivedAt,
                                  Instant backfillHorizon, List<String> payloadHashes) {
    public RecordBirthRefusals {
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(midwifeRegionId, "midwifeRegionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(backfillHorizon, "backfillHorizon");
        refusals = List.copyOf(refusals);
        payloadHashes = List.copyOf(payloadHashes);
        if (payloadHashes.size() != refusals.size()) {
            throw new IllegalArgumentException(payloadHashes.size() + " hashes for " + refusals.size() + " refusals");
        }
    }

    /** The refusals hashed here. */
    public RecordBirthRefusals(MidwifePracticeId practiceId, RoazRegionId midwifeRegionId, List<BirthRefusal> refusals,
                               Instant receivedAt, Instant backfillHorizon) {
        this(practiceId, midwifeRegionId, refusals, receivedAt, backfillHorizon,
                refusals.stream().map(r -> r.payloadHash(practiceId)).toList());
    }

    /** The receipts' organisation: the practice, in the same namespace as the token's organisation claim. */
    OrganisationId organisationId() {
        return OrganisationId.of(practiceId.practiceId());
    }

    BirthRefusalRecorded recorded(BirthRefusal refusal) {
        return new BirthRefusalRecorded(organisationId(), midwifeRegionId, refusal.refusedLocationId(),
                refusal.occurredAt(), refusal.reason(), refusal.takenByLocationId(), receivedAt, refusal.eventId());
    }
}
