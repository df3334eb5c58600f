package nl.lpz.capacity.command;

import java.time.Duration;
import java.time.Instant;
import nl.lpz.events.ValueRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the receipts of bed events and module reports are kept ({@code lpz.capacity.receipts.retention}, default
 * 400 days), which is also how far back a sender may back-fill: a receipt can only be pruned once a resend of its
 * event would be refused as too early anyway.
 */
@ConfigurationProperties("lpz.capacity.receipts")
public record ReceiptSettings(Duration retention) {
    static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    /** Extra age before a receipt is pruned, so that clocks of instances a little apart cannot open a gap. */
    static final Duration PRUNE_MARGIN = Duration.ofDays(1);

    public ReceiptSettings {
        if (retention == null) {
            retention = DEFAULT_RETENTION;
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("lpz.capacity.receipts.retention must be positive, not " + retention);
        }
    }

    /** The earliest {@code occurredAt} accepted at {@code now}: the later of the platform epoch and now − retention. */
    public Instant backfillHorizon(Instant now) {
        Instant byRetention = now.minus(retention);
        return byRetention.isAfter(ValueRules.PLATFORM_EPOCH) ? byRetention : ValueRules.PLATFORM_EPOCH;
    }

    /** Receipts of events that occurred before this instant guard nothing any more (see {@link ReceiptPruning}). */
    Instant pruneBefore(Instant now) {
        return now.minus(retention).minus(PRUNE_MARGIN);
    }
}
