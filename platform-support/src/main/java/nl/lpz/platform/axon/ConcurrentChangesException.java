package nl.lpz.platform.axon;

/**
 * A command that kept losing the append race for its aggregate to other instances ({@link CommandRetry}); nothing of
 * it was written. The problem handler answers 409 {@code CONFLICT} ({@code 503} if the wait between attempts was
 * interrupted because the instance is shutting down); the client may send the request again.
 */
public class ConcurrentChangesException extends RuntimeException {
    private final boolean interrupted;

    private ConcurrentChangesException(String message, Throwable lastRace, boolean interrupted) {
        super(message, lastRace);
        this.interrupted = interrupted;
    }

    static ConcurrentChangesException exhausted(String subject, int attempts, Throwable lastRace) {
        return new ConcurrentChangesException("concurrent changes to " + subject + " won " + attempts
                + " times in a row; retry the request", lastRace, false);
    }

    static ConcurrentChangesException interrupted(Throwable lastRace) {
        return new ConcurrentChangesException("shutting down; retry", lastRace, true);
    }

    /** Whether the instance stopped waiting to send again (shutdown), rather than losing every attempt. */
    public boolean interrupted() {
        return interrupted;
    }
}
