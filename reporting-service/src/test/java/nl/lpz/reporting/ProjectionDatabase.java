package nl.lpz.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.reporting.projection.OffsetStore;
import nl.lpz.reporting.projection.RegionalCapacityProjector;
import nl.lpz.reporting.projection.StopProjector;
import nl.lpz.testsupport.TestInfra;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A migrated read-model database of the test JVM's PostgreSQL and the projector on it, for tests that feed events
 * through the projection and assert through a query, without a Spring context.
 */
public record ProjectionDatabase(HikariDataSource dataSource, JdbcTemplate jdbc,
                                 DataSourceTransactionManager transactions, RegionalCapacityProjector projector,
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
        RegionalCapacityProjector projector = new RegionalCapacityProjector(jdbc, transactions, new OffsetStore(jdbc),
                new StopProjector(jdbc), meters, new ParkedRecords(jdbc, meters));
        return new ProjectionDatabase(dataSource, jdbc, transactions, projector, meters);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
