package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.lpz.capacity.command.EventReceipts.Claim;
import nl.lpz.capacity.command.EventReceipts.Receipt;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.events.ValueRules;
import nl.lpz.events.ids.OrganisationId;

/**
 * The batch step an aggregate takes for a sender's items (bed events, module reports and passages, birth-care
 * refusals), written once: each item's instants by the {@link InstantRule} and its event by the {@link ValueRules} (a refused one keeps
 * its rejection and claims nothing), then the receipts of the others claimed at once for the sending organisation, and
 * each new one applied, in order; one outcome per item. Runs inside the aggregate's command handler, so the claims
 * and the events commit together.
 */
final class ReceiptBatch {
    private ReceiptBatch() {
    }

    /**
     * @param hashes each item's payload hash, in order
     * @param event  the event an item would cause, for the value rules
     * @param take   applies a new item's event(s), and says whether it was stale
     */
    static <T extends ReceiptedItem> ReportResult takeEach(List<T> items, List<String> hashes, OrganisationId sender,
                                                           Instant receivedAt, Instant backfillHorizon,
                                                           EventReceipts receipts, Function<T, Object> event,
                                                           Function<T, Kind> take) {
        return takeEach(items, hashes, sender, receivedAt, backfillHorizon, receipts, item -> null, event, take);
    }

    /**
     * As above, with the aggregate's own rule for an item ({@code rule}: its rejection, or null) between the instants
     * and the value rules (the bed events' code list).
     */
    static <T extends ReceiptedItem> ReportResult takeEach(List<T> items, List<String> hashes, OrganisationId sender,
                                                           Instant receivedAt, Instant backfillHorizon,
                                                           EventReceipts receipts, Function<T, Outcome> rule,
                                                           Function<T, Object> event, Function<T, Kind> take) {
        Outcome[] outcomes = new Outcome[items.size()];
        Map<UUID, Receipt> toClaim = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            outcomes[i] = refusal(item, receivedAt, backfillHorizon, rule, event);
            if (outcomes[i] == null) {
                toClaim.putIfAbsent(item.eventId(), new Receipt(item.eventId(), hashes.get(i), item.occurredAt()));
            }
        }
        Map<UUID, Claim> claims = toClaim.isEmpty() ? Map.of() : receipts.claim(sender, toClaim.values());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            T item = items.get(i);
            outcomes[i] = claimed(item.eventId(), hashes.get(i), claims, toClaim, seen);
            if (outcomes[i] == null) {
                outcomes[i] = Outcome.of(item.eventId(), take.apply(item));
            }
        }
        return new ReportResult(List.of(outcomes));
    }

    /** An item's rejection before its receipt is claimed: an instant out of bounds, or a value no store holds. */
    private static <T extends ReceiptedItem> Outcome refusal(T item, Instant receivedAt, Instant backfillHorizon,
                                                             Function<T, Outcome> rule, Function<T, Object> event) {
        for (Map.Entry<String, Instant> instant : item.instants().entrySet()) {
            InstantRule.Refusal refusal = InstantRule.refusal(instant.getKey(), instant.getValue(), receivedAt,
                    backfillHorizon);
            if (refusal != null) {
                return Outcome.rejected(item.eventId(), refusal.code(), refusal.detail());
            }
        }
        Outcome own = rule.apply(item);
        if (own != null) {
            return own;
        }
        return ValueRules.firstViolation(event.apply(item))
                .map(detail -> Outcome.rejected(item.eventId(), CommandRejected.INVALID_FIELD, detail))
                .orElse(null);
    }

    /**
     * What the receipts say of one item whose receipts were claimed: a conflict when its id was received with other
     * content (before, or earlier in this command), a duplicate when with the same, null when it is new.
     */
    private static Outcome claimed(UUID eventId, String payloadHash, Map<UUID, Claim> claims,
                                   Map<UUID, Receipt> claimed, Set<UUID> seen) {
        Claim claim = claims.getOrDefault(eventId, Claim.DUPLICATE);
        if (claim == Claim.CONFLICT || !payloadHash.equals(claimed.get(eventId).payloadHash())) {
            return Outcome.rejected(eventId, CommandRejected.EVENT_ID_CONFLICT, "eventId " + eventId
                    + " was received before with other content");
        }
        if (claim == Claim.DUPLICATE || !seen.add(eventId)) {
            return Outcome.of(eventId, Kind.DUPLICATE);
        }
        return null;
    }
}
