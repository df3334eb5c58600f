package nl.lpz.reporting.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * De-duplication for events whose rows carry no unique event id of their own: the event id is claimed in
 * {@code processed_event} in the batch's transaction, so a redelivered record changes nothing.
 */
@Component
public class ProcessedEvents {
    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the event id; false when it was claimed before (the event has been applied already). */
    public boolean firstTime(DecodedRecord.Event event) {
        return jdbc.update("insert into processed_event (event_id, event_type) values (?, ?) on conflict do nothing",
                event.eventId(), event.event().getClass().getSimpleName()) > 0;
    }
}
