package nl.lpz.reporting.readmodel;

import java.time.Instant;

/**
 * An active stop: no end event yet and {@code expectedEnd} in the future. {@code expiresSoon}: the end is at most
 * 10 minutes away (computed at read time, so it holds even before the warning event arrives); {@code graceUntil}:
 * ambulances that left before it may still present patients. {@code extensions}: how often it was extended.
 */
public record ActiveStop(String stopId, String locationId, String locationName, String organisationId,
                         String kind, String type, String reason, Instant startedAt, Instant expectedEnd,
                         Instant graceUntil, boolean expiresSoon, long expectedDurationMinutes,
                         long normTimeMinutes, boolean mkaContacted, int extensions, String announcementId,
                         Actor declaredBy) {
    /** Who did it: the token's subject and, for hospital users, their organisation. */
    public record Actor(String subject, String organisation) {
    }
}
