package nl.lpz.reporting.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the trail for a privacy officer: the entries that concern an organisation, which are those made by its people
 * ({@code OWN_PEOPLE}: the caller's organisation claim) and those about its data ({@code OWN_DATA}: the path names one
 * of its locations, stops, the organisation itself, or a region its locations are in — a regional picture shows
 * them). Locations and stops are resolved when read, against the read model.
 */
@Component
class AuditQuery {
    private static final String CONCERNS = """
            (e.organisation_id = :org or e.target_organisation_id = :org
             or e.target_location_id in (select location_id from location where organisation_id = :org)
             or e.target_stop_id in (select stop_id from stop where organisation_id = :org)
             or e.target_region_id in (select roaz_region_id from location where organisation_id = :org
                                       union select safety_region_id from location where organisation_id = :org))""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditQuery(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One entry as a privacy officer reads it. */
    record Entry(long sequence, String entryId, Instant occurredAt, Instant recordedAt, long durationMillis,
                 String subject, List<String> roles, String organisation, String region, String clientAddress,
                 String method, String path, String query, int status, String problemCode, String problemDetail,
                 Target target, String concerns, String hash) {
    }

    /** What the call's path names. */
    record Target(String location, String organisation, String region, String stop) {
    }

    /** Entries in [from, to) after sequence {@code after}, oldest first; {@code organisation} null = all (ADMIN). */
    List<Entry> entries(String organisation, Instant from, Instant to, long after, int limit) {
        List<Entry> out = new ArrayList<>();
        stream(organisation, from, to, after, limit, out::add);
        return out;
    }

    /** The same, handed one at a time (the export: any number, never all in memory). */
    void stream(String organisation, Instant from, Instant to, long after, int limit, Consumer<Entry> sink) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to), after));
        String where = "e.occurred_at >= ? and e.occurred_at < ? and e.sequence > ?";
        if (organisation != null) {
            where += " and " + CONCERNS.replace(":org", "?");
            for (int i = 0; i < 6; i++) {
                args.add(organisation);
            }
        }
        args.add(organisation);
        // a cursor needs a transaction (PostgreSQL's driver reads everything at once without one)
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        String sql = "select e.*, case when e.organisation_id is not distinct from ?::text then 'OWN_PEOPLE' "
                + "else 'OWN_DATA' end as concerns from audit_entry e where " + where + " order by e.sequence"
                + (limit > 0 ? " limit " + limit : "");
        readOnly.executeWithoutResult(status -> streaming.query(sql,
                rs -> {
                    sink.accept(entryOf(rs, organisation));
                }, reorder(args)));
    }

    /** The select's own parameter (the organisation, for {@code concerns}) comes before the where clause's. */
    private static Object[] reorder(List<Object> args) {
        Object own = args.remove(args.size() - 1);
        List<Object> ordered = new ArrayList<>(args.size() + 1);
        ordered.add(own);
        ordered.addAll(args);
        return ordered.toArray();
    }

    private static Entry entryOf(ResultSet rs, String organisation) throws SQLException {
        String roles = rs.getString("roles");
        return new Entry(rs.getLong("sequence"), rs.getString("entry_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getLong("duration_millis"), rs.getString("subject"),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                rs.getString("organisation_id"), rs.getString("region_id"), rs.getString("client_address"),
                rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                rs.getString("problem_code"), rs.getString("problem_detail"),
                new Target(rs.getString("target_location_id"), rs.getString("target_organisation_id"),
                        rs.getString("target_region_id"), rs.getString("target_stop_id")),
                organisation == null ? null : rs.getString("concerns"), rs.getString("hash"));
    }
}
