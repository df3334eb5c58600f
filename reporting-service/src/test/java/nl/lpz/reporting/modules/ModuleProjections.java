package nl.lpz.reporting.modules;

import nl.lpz.reporting.pipeline.Projection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The module projections without a Spring context, for tests of other packages. */
public final class ModuleProjections {
    private ModuleProjections() {
    }

    public static Projection create(JdbcTemplate jdbc) {
        return new ModuleProjection(jdbc);
    }

    /** The lead-time projection (passages), applied after {@link #create}'s as in the application. */
    public static Projection passages(JdbcTemplate jdbc) {
        return new ModulePassageProjection(jdbc);
    }
}
