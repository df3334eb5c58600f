package nl.lpz.stop.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadline queue for the operator (docs/operations.md): stops' expiry warnings and expiries wait in db-scheduler's
 * {@code scheduled_tasks}. {@code lpz.deadlines.scheduled}: waiting; {@code lpz.deadlines.overdue}: due more than a
 * minute ago and not taken (no instance is polling, or they fail); {@code lpz.deadlines.failing}: failed at their last
 * attempt. Read from the table at each scrape, so every instance reports the whole queue.
 */
@Component
class DeadlineMetrics {

    DeadlineMetrics(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable(() -> Metrics.globalRegistry);
        Gauge.builder("lpz.deadlines.scheduled", () -> count(jdbc, "SELECT count(*) FROM scheduled_tasks"))
                .description("deadlines waiting in the queue").register(meters);
        Gauge.builder("lpz.deadlines.overdue", () -> count(jdbc, "SELECT count(*) FROM scheduled_tasks "
                        + "WHERE NOT picked AND execution_time < now() - interval '1 minute'"))
                .description("deadlines due more than a minute ago and not taken").register(meters);
        Gauge.builder("lpz.deadlines.failing", () -> count(jdbc, "SELECT count(*) FROM scheduled_tasks "
                        + "WHERE consecutive_failures > 0"))
                .description("deadlines whose last attempt failed").register(meters);
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? Double.NaN : n;
        } catch (RuntimeException unreachable) {
            // the database is down: the gauge shows no value rather than failing the scrape
            return Double.NaN;
        }
    }
}
