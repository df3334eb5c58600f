package nl.lpz.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a consumer applies one of its parked records again (after a fix): the same path as a consumed record, and as
 * idempotent, since a record may already have been applied by an earlier replay.
 */
public interface ParkedRecordReplayer {
    /** The consumer name its records are parked under. */
    String consumer();

    /** Applies the record; throws when it still cannot be applied (it then stays parked). */
    void replay(ConsumerRecord<String, byte[]> record);
}
