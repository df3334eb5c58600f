package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.ids.OrganisationId;

/** {@link EventReceipts} for aggregate tests, with the same rules as {@link JdbcEventReceipts}. */
class InMemoryEventReceipts implements EventReceipts {
    /** Key of a receipt: ids are per sending organisation. */
    record Key(OrganisationId organisation, UUID eventId) {
    }

    /** {@code payloadHash} null: a receipt carried over from before V4. */
    final Map<Key, Receipt> received = new HashMap<>();

    void receivedBefore(OrganisationId organisation, UUID eventId, String payloadHash, Instant occurredAt) {
        received.put(new Key(organisation, eventId), new Receipt(eventId, payloadHash, occurredAt));
    }

    boolean holds(OrganisationId organisation, UUID eventId) {
        return received.containsKey(new Key(organisation, eventId));
    }

    @Override
    public Map<UUID, Claim> claim(OrganisationId organisation, Collection<Receipt> receipts) {
        Map<UUID, Claim> claims = new HashMap<>();
        for (Receipt receipt : receipts) {
            if (claims.containsKey(receipt.eventId())) {
                continue;
            }
            Receipt known = received.putIfAbsent(new Key(organisation, receipt.eventId()), receipt);
            claims.put(receipt.eventId(), known == null ? Claim.NEW
                    : known.payloadHash() == null || known.payloadHash().equals(receipt.payloadHash())
                    ? Claim.DUPLICATE : Claim.CONFLICT);
        }
        return claims;
    }

    @Override
    public Set<UUID> conflicting(OrganisationId organisation, Collection<Receipt> receipts) {
        Set<UUID> conflicting = new HashSet<>();
        for (Receipt receipt : receipts) {
            Receipt known = received.get(new Key(organisation, receipt.eventId()));
            if (known != null && known.payloadHash() != null && !known.payloadHash().equals(receipt.payloadHash())) {
                conflicting.add(receipt.eventId());
            }
        }
        return conflicting;
    }

    @Override
    public int prune(Instant occurredBefore) {
        int before = received.size();
        received.values().removeIf(r -> r.occurredAt().isBefore(occurredBefore));
        return before - received.size();
    }
}
