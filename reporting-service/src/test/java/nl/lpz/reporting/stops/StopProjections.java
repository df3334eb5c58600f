package nl.lpz.reporting.stops;

import nl.lpz.reporting.pipeline.Projection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stop projection without a Spring context, for tests of other packages. */
public final class StopProjections {
    private StopProjections() {
    }

    public static Projection create(JdbcTemplate jdbc) {
        return new StopProjector(jdbc);
    }
}
