package nl.lpz.capacity.command;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bed_event_receipt} bounded. A pruned receipt can never let a duplicate through: an event older than
 * now − retention is refused as OCCURRED_TOO_EARLY before its receipt is looked at, a resend always carries its
 * original {@code occurredAt}, and receipts go only one day (the margin) after that. Every instance prunes; the
 * deletes are idempotent, so they need no coordination.
 */
@Component
class ReceiptPruning {
    private static final Logger log = LoggerFactory.getLogger(ReceiptPruning.class);
    private final EventReceipts receipts;
    private final ReceiptSettings settings;
    private final Clock clock;

    ReceiptPruning(EventReceipts receipts, ReceiptSettings settings, Clock clock) {
        this.receipts = receipts;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${lpz.capacity.receipts.prune-initial-delay:PT5M}",
            fixedDelayString = "${lpz.capacity.receipts.prune-interval:PT1H}")
    void pruneExpired() {
        Instant before = settings.pruneBefore(clock.instant());
        int deleted = receipts.prune(before);
        if (deleted > 0) {
            log.info("pruned {} receipts of bed events and module reports that occurred before {}", deleted, before);
        }
    }
}
