package nl.lpz.reporting.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Derives a batch's change-log rows and appends them to {@code region_change}, in the batch's transaction and under
 * one lock for all writers, held to the commit.
 */
class ChangeLog {
    /** Serialises the change-log writers so that {@code region_change.seq} order is commit order. */
    static final long CHANGE_LOG_LOCK = 0x4C505A0083L;

    private final JdbcTemplate jdbc;

    ChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Batch batch) {
        if (batch.derivations().isEmpty()) {
            return;
        }
        // held to the commit: rows of concurrent writers get their seq in commit order, so a reader that has seen
        // seq n will never later find a committed row below n; and taken before deriving, so that of two concurrent
        // batches the later one derives from the earlier one's committed rows (a read-committed statement after the
        // lock sees them), even when the earlier one derived no row at all (beds of a location not yet registered)
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHANGE_LOG_LOCK);
        List<ChangeLogEntry> entries = new ArrayList<>();
        batch.derivations().forEach(d -> entries.addAll(d.get()));
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into region_change (roaz_region_id, location_id, organisation_id, restricted_to_organisation,
                                           kind, payload)
                values (?, ?, ?, ?, ?, ?::json)""", entries.stream().map(e -> new Object[] {e.roazRegionId(),
                e.locationId(), e.organisationId(), e.restrictedToOrganisation(), e.kind(), e.payload()}).toList());
    }
}
