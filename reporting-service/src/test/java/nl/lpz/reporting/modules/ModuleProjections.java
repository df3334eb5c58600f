package nl.lpz.reporting.modules;

import nl.lpz.reporting.pipeline.Projection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The module projection without a Spring context, for tests of other packages. */
public final class ModuleProjections {
    private ModuleProjections() {
    }

    public static Projection create(JdbcTemplate jdbc) {
        return new ModuleProjection(jdbc);
    }
}
