package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.events.ids.LocationId;

/**
 * One refusal as a midwife sent it, its locations already checked at the edge ({@link BirthRefusalRules}): hospital
 * location {@code refusedLocationId} could not take a woman in labour at {@code occurredAt} for {@code reason};
 * {@code takenByLocationId} took her then (null: not known or not sent). Nothing of the woman: {@code eventId}, the
 * practice's idempotency key, is its only key.
 */
public record BirthRefusal(UUID eventId, LocationId refusedLocationId, Instant occurredAt, RefusalReason reason,
                           LocationId takenByLocationId) implements ReceiptedItem {

    public BirthRefusal {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(refusedLocationId, "refusedLocationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Map<String, Instant> instants() {
        return Map.of("occurredAt", occurredAt);
    }

    /**
     * SHA-256 (hex) of what the refusal says ({@link PayloadHash}), the instant as seconds and nanos so that another
     * offset for the same instant is the same content. Its own kind keeps it apart from a bed event, module report or
     * passage with the same id.
     */
    public String payloadHash(MidwifePracticeId practice) {
        return PayloadHash.of("birth-refusal/1", practice.practiceId(), refusedLocationId.value(),
                occurredAt.getEpochSecond() + "." + occurredAt.getNano(), reason.name(),
                takenByLocationId == null ? null : takenByLocationId.value());
    }
}
