package nl.lpz.reporting.capacity;

import nl.lpz.reporting.pipeline.ProcessedEvents;
import nl.lpz.reporting.pipeline.Projection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The capacity projection without a Spring context, for tests of other packages. */
public final class CapacityProjections {
    private CapacityProjections() {
    }

    public static Projection create(JdbcTemplate jdbc) {
        return new CapacityProjection(jdbc, new ProcessedEvents(jdbc));
    }
}
