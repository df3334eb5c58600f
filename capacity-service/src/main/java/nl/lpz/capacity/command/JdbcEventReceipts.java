package nl.lpz.capacity.command;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link EventReceipts} in table {@code received_bed_event}: one multi-row insert that skips known ids and returns the
 * new ones. It runs on the connection of the command's transaction (the JPA transaction exposes it to JDBC), so the
 * receipts commit or roll back together with the appended events.
 */
@Component
class JdbcEventReceipts implements EventReceipts {
    private static final String SQL = "INSERT INTO received_bed_event (event_id) SELECT unnest(?::uuid[]) "
            + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
    private final JdbcTemplate jdbc;

    JdbcEventReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> claim(Collection<UUID> eventIds) {
        Set<UUID> claimed = new HashSet<>();
        if (eventIds.isEmpty()) {
            return claimed;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(SQL);
            Array array = con.createArrayOf("uuid", eventIds.stream().distinct().toArray());
            ps.setArray(1, array);
            return ps;
        }, rs -> {
            claimed.add(rs.getObject(1, UUID.class));
        });
        return claimed;
    }
}
