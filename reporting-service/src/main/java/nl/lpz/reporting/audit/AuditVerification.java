package nl.lpz.reporting.audit;

import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain from its anchor to its head and recomputes every link: an entry changed in place, removed, inserted
 * or moved, and entries removed from the end, are each found, with the first sequence where the chain breaks. Runs in
 * one repeatable-read transaction, so entries appended meanwhile are not half seen.
 */
@Component
class AuditVerification {
    private final JdbcTemplate jdbc;
    private final AuditStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditVerification(JdbcTemplate jdbc, AuditStore store, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.tx.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * The outcome of one verification.
     *
     * @param intact         whether every link holds from the anchor to the head
     * @param checked        entries recomputed
     * @param firstSequence  the first entry after the anchor (anchor + 1)
     * @param headSequence   the last entry appended, as the chain's row says
     * @param brokenAt       the first sequence where the chain does not hold, or null
     * @param problem        what is wrong there, or null
     */
    record Result(boolean intact, long checked, long firstSequence, long headSequence, long anchorSequence,
                  long prunedEntries, Long brokenAt, String problem, Instant verifiedAt) {
    }

    Result verify() {
        return tx.execute(status -> walk());
    }

    private Result walk() {
        AuditStore.Chain chain = store.chain();
        Walk walk = new Walk(chain.anchorSequence(), chain.anchorHash());
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000); // the walk reads the whole chain: a cursor, not every row in memory
        streaming.query("select " + AuditStore.COLUMNS + " from audit_entry where sequence > ? order by sequence",
                rs -> {
                    if (walk.brokenAt == null) {
                        walk.next(AuditStore.recordOf(rs), rs.getString("hash"));
                    }
                }, chain.anchorSequence());
        if (walk.brokenAt == null && (walk.sequence != chain.headSequence() || !walk.hash.equals(chain.headHash()))) {
            walk.broken(Math.min(walk.sequence, chain.headSequence()) + 1, walk.sequence < chain.headSequence()
                    ? "entries " + (walk.sequence + 1) + ".." + chain.headSequence() + " are missing from the end"
                    : "the chain's head says " + chain.headSequence() + " but entries run to " + walk.sequence);
        }
        return new Result(walk.brokenAt == null, walk.checked, chain.anchorSequence() + 1, chain.headSequence(),
                chain.anchorSequence(), chain.prunedEntries(), walk.brokenAt, walk.problem, clock.instant());
    }

    /** The walk's state: the last link that held. */
    private static final class Walk {
        long sequence;
        String hash;
        long checked;
        Long brokenAt;
        String problem;

        Walk(long sequence, String hash) {
            this.sequence = sequence;
            this.hash = hash;
        }

        void next(AuditRecord record, String storedHash) {
            if (record.sequence() != sequence + 1) {
                broken(sequence + 1, "entry " + (sequence + 1) + (record.sequence() > sequence + 1
                        ? " is missing (the next stored entry is " + record.sequence() + ")" : " is out of order"));
            } else if (!record.previousHash().equals(hash)) {
                broken(record.sequence(), "entry " + record.sequence() + " does not link to entry " + sequence
                        + " (entry " + sequence + " was changed, or entries were removed or inserted between them)");
            } else if (!record.hash().equals(storedHash)) {
                broken(record.sequence(), "entry " + record.sequence() + " was changed after it was recorded");
            } else {
                sequence = record.sequence();
                hash = storedHash;
                checked++;
            }
        }

        void broken(long at, String what) {
            brokenAt = at;
            problem = what;
        }
    }
}
