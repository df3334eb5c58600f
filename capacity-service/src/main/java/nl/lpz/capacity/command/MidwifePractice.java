package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.EventReceipts.Claim;
import nl.lpz.capacity.command.EventReceipts.Receipt;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A first-line midwife practice as the sender of birth-care refusals: each new refusal one
 * {@link BirthRefusalRecorded}, with the bed events' and passages' rules: {@link InstantRule} on {@code occurredAt},
 * receipts per sending organisation (here the practice) in the same table, idempotent for as long as a resend would
 * be taken at all. The locations were checked at the edge ({@link BirthRefusalRules}). It keeps nothing of a refusal,
 * so loading it costs one small event per refusal the practice ever recorded (a few a week at most). Exists from its
 * first event.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
class MidwifePractice {
    @AggregateIdentifier
    private MidwifePracticeId practiceId;

    MidwifePractice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReportResult handle(RecordBirthRefusals command, EventReceipts receipts) {
        List<BirthRefusal> refusals = command.refusals();
        Outcome[] outcomes = new Outcome[refusals.size()];
        Map<UUID, Receipt> toClaim = new LinkedHashMap<>();
        for (int i = 0; i < refusals.size(); i++) {
            BirthRefusal refusal = refusals.get(i);
            InstantRule.Refusal early = InstantRule.refusal("occurredAt", refusal.occurredAt(),
                    command.receivedAt(), command.backfillHorizon());
            Optional<String> unstorable = early != null ? Optional.empty()
                    : ValueRules.firstViolation(command.recorded(refusal));
            if (early != null) {
                outcomes[i] = Outcome.rejected(refusal.eventId(), early.code(), early.detail());
            } else if (unstorable.isPresent()) {
                outcomes[i] = Outcome.rejected(refusal.eventId(), CommandRejected.INVALID_FIELD, unstorable.get());
            } else {
                toClaim.putIfAbsent(refusal.eventId(), new Receipt(refusal.eventId(), command.payloadHashes().get(i),
                        refusal.occurredAt()));
            }
        }
        Map<UUID, Claim> claims = toClaim.isEmpty() ? Map.of()
                : receipts.claim(command.organisationId(), toClaim.values());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < refusals.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            BirthRefusal refusal = refusals.get(i);
            UUID eventId = refusal.eventId();
            Claim claim = claims.getOrDefault(eventId, Claim.DUPLICATE);
            if (claim == Claim.CONFLICT || !command.payloadHashes().get(i).equals(toClaim.get(eventId).payloadHash())) {
                outcomes[i] = Outcome.rejected(eventId, CommandRejected.EVENT_ID_CONFLICT, "eventId " + eventId
                        + " was received before with other content");
            } else if (claim == Claim.DUPLICATE || !seen.add(eventId)) {
                outcomes[i] = Outcome.of(eventId, Kind.DUPLICATE);
            } else {
                apply(command.recorded(refusal));
                outcomes[i] = Outcome.of(eventId, Kind.ACCEPTED);
            }
        }
        return new ReportResult(List.of(outcomes));
    }

    @EventSourcingHandler
    void on(BirthRefusalRecorded event) {
        practiceId = MidwifePracticeId.of(event.practiceId().value());
    }
}
