package nl.lpz.reporting.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the projection stands per partition, kept in the read model's own database and written in the same
 * transaction as the rows a batch produced. A partition without a row starts from its beginning, which is what a
 * rebuild relies on.
 */
@Component
class OffsetStore {
    private final JdbcTemplate jdbc;

    OffsetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next offset to read of each given partition that has been projected before. */
    public Map<TopicPartition, Long> load(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        jdbc.query("select topic, partition_no, next_offset from consumer_offset", rs -> {
            TopicPartition tp = new TopicPartition(rs.getString("topic"), rs.getInt("partition_no"));
            if (partitions.contains(tp)) {
                stored.put(tp, rs.getLong("next_offset"));
            }
        });
        return stored;
    }

    /** Every stored position, for lag reporting. */
    public Map<TopicPartition, Long> all() {
        Map<TopicPartition, Long> stored = new HashMap<>();
        jdbc.query("select topic, partition_no, next_offset from consumer_offset", rs -> {
            stored.put(new TopicPartition(rs.getString("topic"), rs.getInt("partition_no")),
                    rs.getLong("next_offset"));
        });
        return stored;
    }

    /**
     * Only ever forward: after a rebalance an instance that lost a partition while its batch was in flight (a zombie
     * past its session timeout) may commit after the new owner; its records are duplicates by event id then, and
     * its older position must not send the partition back.
     */
    void save(Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        var entries = nextOffsets.entrySet().stream().toList();
        jdbc.batchUpdate("""
                        insert into consumer_offset (topic, partition_no, next_offset) values (?, ?, ?)
                        on conflict (topic, partition_no)
                        do update set next_offset = greatest(consumer_offset.next_offset, excluded.next_offset)""",
                entries, entries.size(), (ps, e) -> {
                    ps.setString(1, e.getKey().topic());
                    ps.setInt(2, e.getKey().partition());
                    ps.setLong(3, e.getValue());
                });
    }
}
