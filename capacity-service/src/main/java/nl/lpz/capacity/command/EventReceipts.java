package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.ids.OrganisationId;

/**
 * The event ids received, per sending organisation (another organisation's id never collides), with a hash of what
 * each carried so that a reused id with other content is told apart from a resend. Bed events and module reports
 * share them: an organisation's id means one report, whichever path it was sent on. {@link #claim} records
 * receipts in the caller's transaction, so a receipt exists exactly when the event it guards was appended. Receipts
 * are kept for {@link ReceiptSettings#retention()} after the event's {@code occurredAt}.
 */
public interface EventReceipts {

    /** What a claim found for one event id. */
    enum Claim {
        /** First time: recorded now. */
        NEW,
        /** Received before with the same content, or before payload hashes were kept (V4): a resend. */
        DUPLICATE,
        /** Received before with other content. */
        CONFLICT
    }

    /**
     * One event as its receipt records it; {@code payloadHash} from {@link BedReport#payloadHash} or
     * {@link ModuleReport#payloadHash}.
     */
    record Receipt(UUID eventId, String payloadHash, Instant occurredAt) {
    }

    /** Records the receipts not known yet for {@code organisation}; one answer per distinct event id. */
    Map<UUID, Claim> claim(OrganisationId organisation, Collection<Receipt> receipts);

    /** The ids among {@code receipts} that {@code organisation} sent before with other content; records nothing. */
    Set<UUID> conflicting(OrganisationId organisation, Collection<Receipt> receipts);

    /** Deletes the receipts of events that occurred before {@code occurredBefore}; answers how many. */
    int prune(Instant occurredBefore);
}
