package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
        return ReceiptBatch.takeEach(command.refusals(), command.payloadHashes(), command.organisationId(),
                command.receivedAt(), command.backfillHorizon(), receipts, command::recorded, refusal -> {
                    apply(command.recorded(refusal));
                    return ReportResult.Kind.ACCEPTED;
                });
    }

    @EventSourcingHandler
    void on(BirthRefusalRecorded event) {
        practiceId = MidwifePracticeId.of(event.practiceId().value());
    }
}
