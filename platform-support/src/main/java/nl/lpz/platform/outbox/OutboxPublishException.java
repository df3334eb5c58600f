package nl.lpz.platform.outbox;

/**
 * Kafka did not acknowledge a batch of the {@link OutboxPublisher} in time (or the wait was interrupted). It fails the
 * batch, so the processor's token is not committed and the batch is sent again from it.
 */
public class OutboxPublishException extends RuntimeException {
    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
