package nl.lpz.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import nl.lpz.reporting.capacity.CapacityProjections;
import nl.lpz.reporting.modules.ModuleProjections;
import nl.lpz.reporting.refusals.RefusalProjections;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.ProjectionPipeline;
import nl.lpz.reporting.pipeline.TestPipelines;
import nl.lpz.reporting.stops.StopProjections;
import nl.lpz.testsupport.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A migrated read-model database of the test JVM's PostgreSQL and the projection pipeline on it (every projection,
 * in the application's order), for tests that feed events through the projection and assert through a query,
 * without a Spring context.
 */
public record ProjectionDatabase(HikariDataSource dataSource, JdbcTemplate jdbc,
                                 DataSourceTransactionManager transactions, ProjectionPipeline projector,
                                 SimpleMeterRegistry meters) implements AutoCloseable {

    public static ProjectionDatabase open(String name) {
        TestInfra.Database db = TestInfra.database(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        dataSource.setMaximumPoolSize(3);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProjectionPipeline projector = TestPipelines.create(jdbc, transactions, meters,
                List.of(CapacityProjections.create(jdbc), StopProjections.create(jdbc),
                        ModuleProjections.create(jdbc), ModuleProjections.passages(jdbc),
                        RefusalProjections.create(jdbc)));
        return new ProjectionDatabase(dataSource, jdbc, transactions, projector, meters);
    }

    /** Feeds the records through the pipeline as one batch of the listener, in the order given. */
    public ProjectionPipeline.Outcome project(Fixtures.Published... records) {
        return project(List.of(records));
    }

    public ProjectionPipeline.Outcome project(List<Fixtures.Published> records) {
        return projector.project(records.stream().map(p -> decode(p.consumed())).toList());
    }

    /** A consumed record as the listener decodes it. */
    public static DecodedRecord decode(ConsumerRecord<String, byte[]> record) {
        return TestPipelines.decode(record);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
