package nl.lpz.stop.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which stop boards exist in the event store: a board is created by its first declaration or announcement. */
@Repository
public class Boards {
    private final JdbcTemplate jdbc;

    public Boards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String boardId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domain_event_entry where aggregate_identifier = ?)", Boolean.class,
                boardId));
    }
}
