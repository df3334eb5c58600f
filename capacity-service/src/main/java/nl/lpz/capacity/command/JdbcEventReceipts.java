package nl.lpz.capacity.command;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.ids.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link EventReceipts} in table {@code bed_event_receipt} (V4; named before module reports shared it). Claims run on
 * the connection of the command's transaction (the JPA transaction exposes it to JDBC), so the receipts commit or roll
 * back together with the appended events.
 */
@Component
class JdbcEventReceipts implements EventReceipts {
    static final int PRUNE_BATCH = 5_000;

    private static final String INSERT = """
            INSERT INTO bed_event_receipt (organisation_id, event_id, payload_sha256, occurred_at)
            SELECT ?, s.event_id, decode(s.payload_hash, 'hex'), s.occurred_at::timestamptz
            FROM unnest(?::uuid[], ?::text[], ?::text[]) AS s(event_id, payload_hash, occurred_at)
            ON CONFLICT (organisation_id, event_id) DO NOTHING
            RETURNING event_id""";
    // a separate statement after the insert: in READ COMMITTED it sees the row of a concurrent claim that made the
    // insert skip (the insert waited for that transaction to commit)
    private static final String KNOWN = """
            SELECT event_id, encode(payload_sha256, 'hex') FROM bed_event_receipt
            WHERE organisation_id = ? AND event_id = ANY (?::uuid[])""";
    private static final String CONFLICTING = """
            SELECT r.event_id FROM bed_event_receipt r
            JOIN unnest(?::uuid[], ?::text[]) AS s(event_id, payload_hash) ON r.event_id = s.event_id
            WHERE r.organisation_id = ? AND r.payload_sha256 IS NOT NULL
              AND r.payload_sha256 <> decode(s.payload_hash, 'hex')""";
    private static final String PRUNE = """
            DELETE FROM bed_event_receipt r
            USING (SELECT organisation_id, event_id FROM bed_event_receipt WHERE occurred_at < ? LIMIT ?) old
            WHERE r.organisation_id = old.organisation_id AND r.event_id = old.event_id""";

    private final JdbcTemplate jdbc;

    JdbcEventReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Claim> claim(OrganisationId organisation, Collection<Receipt> receipts) {
        Map<UUID, Receipt> byId = distinct(receipts);
        Map<UUID, Claim> claims = new HashMap<>();
        if (byId.isEmpty()) {
            return claims;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT);
            ps.setString(1, organisation.value());
            ps.setArray(2, con.createArrayOf("uuid", byId.keySet().toArray()));
            ps.setArray(3, con.createArrayOf("text", byId.values().stream().map(Receipt::payloadHash).toArray()));
            ps.setArray(4, con.createArrayOf("text",
                    byId.values().stream().map(r -> r.occurredAt().toString()).toArray()));
            return ps;
        }, rs -> {
            claims.put(rs.getObject(1, UUID.class), Claim.NEW);
        });
        List<UUID> known = byId.keySet().stream().filter(id -> !claims.containsKey(id)).toList();
        if (!known.isEmpty()) {
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(KNOWN);
                ps.setString(1, organisation.value());
                ps.setArray(2, con.createArrayOf("uuid", known.toArray()));
                return ps;
            }, rs -> {
                UUID id = rs.getObject(1, UUID.class);
                String hash = rs.getString(2);
                // no hash: received before V4, content unknown; counted as a resend whatever it carries now
                claims.put(id, hash == null || hash.equals(byId.get(id).payloadHash()) ? Claim.DUPLICATE
                        : Claim.CONFLICT);
            });
            // pruned between the two statements: only possible for an event the aggregate refuses as too early
            known.forEach(id -> claims.putIfAbsent(id, Claim.DUPLICATE));
        }
        return claims;
    }

    @Override
    public Set<UUID> conflicting(OrganisationId organisation, Collection<Receipt> receipts) {
        Map<UUID, Receipt> byId = distinct(receipts);
        Set<UUID> conflicting = new HashSet<>();
        if (byId.isEmpty()) {
            return conflicting;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(CONFLICTING);
            ps.setArray(1, con.createArrayOf("uuid", byId.keySet().toArray()));
            ps.setArray(2, con.createArrayOf("text", byId.values().stream().map(Receipt::payloadHash).toArray()));
            ps.setString(3, organisation.value());
            return ps;
        }, rs -> {
            conflicting.add(rs.getObject(1, UUID.class));
        });
        return conflicting;
    }

    @Override
    public int prune(Instant occurredBefore) {
        // small batches, each its own statement and commit, so pruning never holds many row locks at once
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(PRUNE, OffsetDateTime.ofInstant(occurredBefore, ZoneOffset.UTC), PRUNE_BATCH);
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }

    private static Map<UUID, Receipt> distinct(Collection<Receipt> receipts) {
        Map<UUID, Receipt> byId = new LinkedHashMap<>();
        receipts.forEach(r -> byId.putIfAbsent(r.eventId(), r));
        return byId;
    }
}
