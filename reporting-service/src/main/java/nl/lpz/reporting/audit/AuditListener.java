package nl.lpz.reporting.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.audit.AuditEntryRecorded;
import nl.lpz.platform.messaging.Failures;
import nl.lpz.platform.messaging.ParkedRecordReplayer;
import nl.lpz.platform.messaging.ParkedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the gateways' audit entries ({@link Topics#AUDIT}, group {@code reporting-audit}) into the chain, a poll
 * at a time. The group's offsets are committed after the append (ack mode BATCH): a crash in between delivers the
 * entries again, and the store keeps each id once. A record that is no readable entry is parked under consumer
 * {@value #CONSUMER} ({@code ./lpz parked}); a database outage is retried until it ends, never skipped.
 */
@Component
class AuditListener implements ParkedRecordReplayer {
    static final String CONSUMER = "audit";

    private final AuditStore store;
    private final ParkedRecords parked;
    private final Counter appended;

    AuditListener(AuditStore store, ParkedRecords parked, MeterRegistry meters) {
        this.store = store;
        this.parked = parked;
        this.appended = Counter.builder("lpz.audit.appended")
                .description("audit entries appended to the chain").register(meters);
    }

    @KafkaListener(id = "audit", groupId = "${lpz.audit.consumer-group:reporting-audit}", topics = Topics.AUDIT,
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<AuditEntryRecorded> entries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                entries.add(read(record));
            } catch (RuntimeException e) {
                parked.park(CONSUMER, record, "UNREADABLE", Failures.describe(e), 1);
            }
        }
        appended.increment(store.append(entries));
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        appended.increment(store.append(List.of(read(record))));
    }

    static AuditEntryRecorded read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("no value");
        }
        AuditEntryRecorded entry = EventJson.fromBytes(record.value(), AuditEntryRecorded.class);
        if (blank(entry.entryId()) || entry.entryId().length() > 200 || entry.occurredAt() == null
                || blank(entry.method()) || blank(entry.path())) {
            throw new IllegalArgumentException("an audit entry needs entryId (at most 200 characters), occurredAt, "
                    + "method and path");
        }
        return entry;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
