package nl.lpz.capacity.command;

import java.time.Duration;
import java.time.Instant;
import nl.lpz.events.ValueRules;

/**
 * When a sender's instant ({@code occurredAt}, a snapshot's {@code asOf}) is taken: not before the back-fill horizon
 * the command carries and not more than {@link #FUTURE_TOLERANCE} after the server clock. Bed events and module
 * reports keep the same rule, because their receipts share one table and one retention: a receipt is pruned only once
 * a resend of its event would be refused here as too early.
 */
final class InstantRule {
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    /** Why an instant is refused: {@link CommandRejected#OCCURRED_TOO_EARLY} or {@code OCCURRED_IN_FUTURE}. */
    record Refusal(String code, String detail) {
    }

    private InstantRule() {
    }

    /**
     * The refusal of {@code instant}, or null: before the back-fill horizon (never earlier than the platform epoch, so
     * a sentinel such as -999999999-01-01 cannot pass whatever horizon the command carries), or more than 5 minutes
     * ahead of the server clock (never beyond what a store can hold).
     */
    static Refusal refusal(String field, Instant instant, Instant receivedAt, Instant horizon) {
        Instant earliest = horizon.isAfter(ValueRules.PLATFORM_EPOCH) ? horizon : ValueRules.PLATFORM_EPOCH;
        String detail = null;
        if (instant.isBefore(earliest)) {
            detail = field + " " + instant + " is before the back-fill horizon " + earliest;
        } else if (instant.isAfter(receivedAt.plus(FUTURE_TOLERANCE)) || !ValueRules.storable(instant)) {
            detail = field + " " + instant + " is more than 5 minutes after the server time " + receivedAt;
        }
        if (detail == null) {
            return null;
        }
        return new Refusal(instant.isAfter(receivedAt) ? CommandRejected.OCCURRED_IN_FUTURE
                : CommandRejected.OCCURRED_TOO_EARLY, detail);
    }
}
