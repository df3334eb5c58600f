package nl.lpz.reporting.audit;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the entries older than {@code lpz.audit.retention}, oldest first, and moves the chain's anchor to the last
 * one removed, in one transaction: the chain stays verifiable from the anchor, and the removal is on record (how
 * many, when, up to which sequence). Only a prefix is removed: an old entry behind a newer one waits for it. Logs the
 * chain's head once a day, so that the logs keep a witness of the head that an edit of the database cannot reach.
 */
@Component
class AuditRetention {
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditStore store;
    private final AuditProperties settings;
    private final Clock clock;

    AuditRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditStore store,
                   AuditProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${lpz.audit.retention-cron:0 30 3 * * *}", zone = "Europe/Amsterdam")
    void daily() {
        long removed = prune(clock.instant().minus(settings.retention()));
        AuditStore.Chain chain = store.chain();
        log.info("audit chain head {} {} (anchor {}; {} entries removed by retention today)",
                chain.headSequence(), chain.headHash(), chain.anchorSequence(), removed);
    }

    /** Removes the oldest entries that occurred before {@code cutoff}; returns how many. */
    long prune(Instant cutoff) {
        Long removed = tx.execute(status -> {
            store.lockChain();
            Long firstKept = jdbc.queryForObject(
                    "select min(sequence) from audit_entry where occurred_at >= ?", Long.class,
                    java.sql.Timestamp.from(cutoff));
            Long last = firstKept != null
                    ? jdbc.queryForObject("select max(sequence) from audit_entry where sequence < ?", Long.class,
                            firstKept)
                    : jdbc.queryForObject("select max(sequence) from audit_entry", Long.class);
            if (last == null) {
                return 0L;
            }
            String anchorHash = jdbc.queryForObject("select hash from audit_entry where sequence = ?", String.class,
                    last);
            jdbc.execute("set local lpz.audit_pruning = 'on'");
            long n = jdbc.update("delete from audit_entry where sequence <= ?", last);
            jdbc.update("""
                    update audit_chain set anchor_sequence = ?, anchor_hash = ?, pruned_entries = pruned_entries + ?,
                           pruned_at = ? where id = 1""", last, anchorHash, n, java.sql.Timestamp.from(clock.instant()));
            return n;
        });
        if (removed != null && removed > 0) {
            log.info("audit retention removed {} entries that occurred before {}", removed, cutoff);
        }
        return removed == null ? 0 : removed;
    }
}
