package nl.lpz.reporting.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.lpz.events.audit.AuditEntryRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the chain: in one transaction that holds the chain's row lock, so that instances and threads
 * append one after the other and every entry links to the one before it. An entry already stored (by its id) is not
 * stored again: delivery is at least once.
 */
@Component
class AuditStore {
    static final String COLUMNS = """
            sequence, entry_id, occurred_at, recorded_at, duration_millis, subject, roles, organisation_id, region_id,
            client_address, method, path, query, status, problem_code, problem_detail, gateway_instance,
            target_location_id, target_organisation_id, target_region_id, target_stop_id, previous_hash, hash""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The chain's ends. */
    record Chain(long headSequence, String headHash, long anchorSequence, String anchorHash, long prunedEntries,
                 Instant prunedAt) {
    }

    /** @return how many of {@code entries} were new */
    int append(List<AuditEntryRecorded> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return tx.execute(status -> {
            Chain chain = lockChain();
            Set<String> seen = new HashSet<>(jdbc.queryForList(
                    "select entry_id from audit_entry where entry_id = any(?)", String.class,
                    (Object) entries.stream().map(AuditEntryRecorded::entryId).toArray(String[]::new)));
            long sequence = chain.headSequence();
            String hash = chain.headHash();
            Instant now = clock.instant();
            List<Object[]> rows = new ArrayList<>();
            for (AuditEntryRecorded e : entries) {
                if (!seen.add(e.entryId())) {
                    continue;
                }
                AuditTargets target = AuditTargets.of(e.path(), e.query());
                AuditRecord record = new AuditRecord(++sequence, text(e.entryId()), e.occurredAt(), now,
                        e.durationMillis(), text(e.subject()), text(String.join(",", e.roles())),
                        text(e.organisation()), text(e.region()), text(e.clientAddress()), text(e.method()),
                        text(e.path()), text(e.query()), e.status(), text(e.problemCode()), text(e.problemDetail()),
                        text(e.gatewayInstance()), target.locationId(), target.organisationId(), target.regionId(),
                        target.stopId(), hash);
                hash = record.hash();
                rows.add(row(record, hash));
            }
            if (rows.isEmpty()) {
                return 0;
            }
            jdbc.batchUpdate("insert into audit_entry (" + COLUMNS + ") values ("
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("update audit_chain set head_sequence = ?, head_hash = ? where id = 1", sequence, hash);
            return rows.size();
        });
    }

    Chain chain() {
        return jdbc.queryForObject("select * from audit_chain where id = 1", (rs, n) -> chainOf(rs));
    }

    Chain lockChain() {
        return jdbc.queryForObject("select * from audit_chain where id = 1 for update", (rs, n) -> chainOf(rs));
    }

    static AuditRecord recordOf(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("sequence"), rs.getString("entry_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                rs.getLong("duration_millis"), rs.getString("subject"), rs.getString("roles"),
                rs.getString("organisation_id"), rs.getString("region_id"), rs.getString("client_address"),
                rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                rs.getString("problem_code"), rs.getString("problem_detail"), rs.getString("gateway_instance"),
                rs.getString("target_location_id"), rs.getString("target_organisation_id"),
                rs.getString("target_region_id"), rs.getString("target_stop_id"), rs.getString("previous_hash"));
    }

    private static Chain chainOf(ResultSet rs) throws SQLException {
        Timestamp pruned = rs.getTimestamp("pruned_at");
        return new Chain(rs.getLong("head_sequence"), rs.getString("head_hash"), rs.getLong("anchor_sequence"),
                rs.getString("anchor_hash"), rs.getLong("pruned_entries"), pruned == null ? null : pruned.toInstant());
    }

    private static Object[] row(AuditRecord r, String hash) {
        return new Object[] {r.sequence(), r.entryId(), Timestamp.from(r.occurredAt()), Timestamp.from(r.recordedAt()),
                r.durationMillis(), r.subject(), r.roles(), r.organisationId(), r.regionId(), r.clientAddress(),
                r.method(), r.path(), r.query(), r.status(), r.problemCode(), r.problemDetail(), r.gatewayInstance(),
                r.targetLocationId(), r.targetOrganisationId(), r.targetRegionId(), r.targetStopId(),
                r.previousHash(), hash};
    }

    /** PostgreSQL's text takes no NUL: one would fail the batch every time and stop the trail. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
