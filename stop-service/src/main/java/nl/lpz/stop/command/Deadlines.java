package nl.lpz.stop.command;

import java.time.Instant;

/**
 * Payloads of the board's deadlines. Each carries what it was scheduled for, so a deadline that outlived its reason
 * (a stop extended, ended or already expired; an announcement already declared) does nothing when it fires.
 * Names embed the stop or announcement id, so one can be cancelled without touching the others of the board.
 */
public final class Deadlines {
    static final String WARNING = "stop-expiry-warning:";
    static final String EXPIRY = "stop-expiry:";
    static final String ANNOUNCED_START = "announcement-start:";
    static final String ANNOUNCED_END = "announcement-end:";

    private Deadlines() {
    }

    public record ExpiryWarningDue(String stopId, Instant expectedEnd) {
    }

    public record ExpiryDue(String stopId, Instant expectedEnd) {
    }

    public record AnnouncedStartDue(String announcementId) {
    }

    public record AnnouncedEndDue(String announcementId) {
    }
}
