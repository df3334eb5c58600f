package nl.lpz.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import nl.lpz.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records a consumer set aside ({@code parked_record}, migrated by platform-support): the record itself (topic,
 * partition, offset, key, event type, id and revision, payload), why, and how often it was tried. Parking is logged
 * at ERROR with the event id and counted ({@code lpz.consumer.records.parked}); an operator lists them and replays
 * them after a fix (docs/reliability.md). Parking is idempotent per (consumer, topic, partition, offset).
 */
public class ParkedRecords {
    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public ParkedRecords(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** A parked record as an operator sees it (the payload as text). */
    public record Parked(long id, String consumer, String topic, int partition, long offset, String key,
                         String eventType, String eventId, String eventRevision, String reason, String error,
                         int attempts, Instant parkedAt, Instant replayedAt, String replayOutcome, String payload) {
    }

    /** Stores the record; the caller's transaction (if any) decides whether it stays. */
    public void park(String consumer, ConsumerRecord<String, byte[]> record, String reason, String error,
                     int attempts) {
        String eventId = header(record, EventHeaders.EVENT_ID);
        String eventType = header(record, EventHeaders.EVENT_TYPE);
        jdbc.update("""
                        insert into parked_record (consumer, topic, partition_no, record_offset, record_key, event_type,
                                                   event_id, event_revision, payload, reason, error, attempts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (consumer, topic, partition_no, record_offset) do update
                            set reason = excluded.reason, error = excluded.error, attempts = excluded.attempts,
                                parked_at = clock_timestamp(), replayed_at = null, replay_outcome = null""",
                consumer, record.topic(), record.partition(), record.offset(), record.key(), eventType, eventId,
                header(record, EventHeaders.EVENT_REVISION), record.value(), reason, error, attempts);
        log.error("PARKED record {}-{}@{} of consumer {} (type {}, event id {}) after {} attempt(s): {}: {}; the "
                        + "consumer goes on with the next record. List: ./lpz parked; replay after the fix: "
                        + "./lpz parked replay", record.topic(), record.partition(), record.offset(), consumer,
                eventType, eventId, attempts, reason, error);
        Counter.builder("lpz.consumer.records.parked").tag("consumer", consumer).tag("reason", reason)
                .description("records a consumer could not apply and parked (parked_record)")
                .register(meters).increment();
    }

    /** Open (not successfully replayed) parked records of a consumer, oldest first; all when {@code consumer} is null. */
    public List<Parked> open(String consumer, int limit) {
        return jdbc.query("""
                        select * from parked_record
                        where replayed_at is null and (cast(? as text) is null or consumer = ?)
                        order by id limit ?""",
                (rs, i) -> new Parked(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"),
                        rs.getInt("partition_no"), rs.getLong("record_offset"), rs.getString("record_key"),
                        rs.getString("event_type"), rs.getString("event_id"), rs.getString("event_revision"),
                        rs.getString("reason"), rs.getString("error"), rs.getInt("attempts"),
                        instant(rs.getObject("parked_at", OffsetDateTime.class)),
                        instant(rs.getObject("replayed_at", OffsetDateTime.class)), rs.getString("replay_outcome"),
                        rs.getBytes("payload") == null ? null
                                : new String(rs.getBytes("payload"), StandardCharsets.UTF_8)),
                consumer, consumer, limit);
    }

    /** How many records of a consumer are parked and not replayed. */
    public long openCount(String consumer) {
        Long n = jdbc.queryForObject("select count(*) from parked_record where replayed_at is null and consumer = ?",
                Long.class, consumer);
        return n == null ? 0 : n;
    }

    /** The stored record, rebuilt byte for byte with the headers a consumer reads, for a replay. */
    public ConsumerRecord<String, byte[]> record(Parked parked) {
        byte[] payload = jdbc.queryForObject("select payload from parked_record where id = ?",
                (rs, i) -> rs.getBytes(1), parked.id());
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(parked.topic(), parked.partition(),
                parked.offset(), parked.key(), payload);
        if (parked.eventType() != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, parked.eventType().getBytes(StandardCharsets.UTF_8));
        }
        if (parked.eventId() != null) {
            record.headers().add(EventHeaders.EVENT_ID, parked.eventId().getBytes(StandardCharsets.UTF_8));
        }
        if (parked.eventRevision() != null) {
            record.headers().add(EventHeaders.EVENT_REVISION,
                    parked.eventRevision().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Records the outcome of a replay: {@code applied} closes the record, otherwise it stays open with the error. */
    public void replayed(long id, boolean applied, String outcome) {
        jdbc.update("update parked_record set replayed_at = case when ? then clock_timestamp() end, "
                + "replay_outcome = ?, attempts = attempts + 1 where id = ?", applied, outcome, id);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
