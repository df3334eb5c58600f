package nl.lpz.stop.support;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store the way an operator would: payload types of a board, in order. */
public final class Store {
    private Store() {
    }

    public static List<String> eventTypes(JdbcTemplate jdbc, String boardId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, boardId).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1))
                .toList();
    }

    public static long count(JdbcTemplate jdbc, String boardId, String simpleType) {
        return eventTypes(jdbc, boardId).stream().filter(simpleType::equals).count();
    }
}
