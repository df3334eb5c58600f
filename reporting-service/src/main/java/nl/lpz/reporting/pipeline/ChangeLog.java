package nl.lpz.reporting.pipeline;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Appends a batch's change-log rows to {@code region_change}, in the batch's transaction. */
class ChangeLog {
    /** Serialises the change-log writers so that {@code region_change.seq} order is commit order. */
    static final long CHANGE_LOG_LOCK = 0x4C505A0083L;

    private final JdbcTemplate jdbc;

    ChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(List<ChangeLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // held to the commit: rows of concurrent writers get their seq in commit order, so a reader that has seen
        // seq n will never later find a committed row below n
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, CHANGE_LOG_LOCK);
        jdbc.batchUpdate("""
                insert into region_change (roaz_region_id, location_id, organisation_id, restricted_to_organisation,
                                           kind, payload)
                values (?, ?, ?, ?, ?, ?::json)""", entries.stream().map(e -> new Object[] {e.roazRegionId(),
                e.locationId(), e.organisationId(), e.restrictedToOrganisation(), e.kind(), e.payload()}).toList());
    }
}
