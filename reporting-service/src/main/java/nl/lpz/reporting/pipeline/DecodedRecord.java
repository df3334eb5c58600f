package nl.lpz.reporting.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record, either read into its event or refused with the reason. */
public sealed interface DecodedRecord permits DecodedRecord.Event, DecodedRecord.Rejected {

    ConsumerRecord<String, byte[]> record();

    /** A record read into an event of the published language. */
    record Event(ConsumerRecord<String, byte[]> record, String eventId, Object event) implements DecodedRecord {
    }

    /** A record that cannot be projected as it is; it is parked ({@code parked_record}), counted and skipped. */
    record Rejected(ConsumerRecord<String, byte[]> record, String eventType, String eventId, Reason reason,
                    String detail) implements DecodedRecord {
    }

    enum Reason {
        MISSING_HEADER, UNKNOWN_TYPE, UNKNOWN_REVISION, UNREADABLE, INCOMPLETE, OUT_OF_RANGE
    }
}
