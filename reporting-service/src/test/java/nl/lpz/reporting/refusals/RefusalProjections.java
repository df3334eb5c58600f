package nl.lpz.reporting.refusals;

import nl.lpz.reporting.pipeline.Projection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The refusals projection and query without a Spring context, for {@code ProjectionDatabase}. */
public final class RefusalProjections {
    private RefusalProjections() {
    }

    public static Projection create(JdbcTemplate jdbc) {
        return new BirthRefusalProjection(jdbc);
    }
}
