package nl.lpz.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import nl.lpz.testsupport.TestInfra;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/**
 * {@code processor_node} (SegmentBalancer's heartbeats) is migrated by platform-support's
 * {@code db/axon/V3__processor_nodes.sql}, beside Axon's V1. Until 2026-11 each write service shipped the same V3 in
 * its own {@code db/migration}; that file is kept under {@code src/test/resources/db/released-service-v3} exactly as
 * released. The platform's V3 must stay byte-identical to it (same version, description and checksum), so that
 * {@code flyway validate} passes on every existing installation without ignoring missing migrations.
 */
class ProcessorNodeMigrationIT {
    /** The write services' spring.flyway.locations, with a stand-in for the service's own folder. */
    private static final String[] SERVICE_LOCATIONS = {"classpath:db/axon", "classpath:db/test-service"};

    @Test
    void givenAFreshDatabase_whenMigrated_thenV1ToV4ApplyAndTheBalancerCanWriteItsHeartbeat()
            throws Exception {
        TestInfra.Database db = TestInfra.database("fresh_processor_node");

        flyway(db).locations(SERVICE_LOCATIONS).load().migrate();

        assertThat(flyway(db).locations(SERVICE_LOCATIONS).load().info().applied())
                .extracting(m -> m.getVersion().getVersion() + " " + m.getDescription())
                .containsExactly("1 axon tables", "2 service tables", "3 processor nodes", "4 more service tables",
                        "13 global index default");
        assertHeartbeatCanBeWritten(db);
    }

    @Test
    void givenAReleasedInstallation_whenTheNewLayoutMigrates_thenV3IsKeptAndOnlyTheLaterPlatformMigrationRuns()
            throws Exception {
        TestInfra.Database db = TestInfra.database("released_processor_node");
        MigrationInfo released = installReleasedServiceUpTo(db, "4");

        Flyway now = flyway(db).locations(SERVICE_LOCATIONS).load();
        // V13 (the event store's global index default, ADR 0019) is pending; nothing else differs
        ValidateResult pending = flyway(db).locations(SERVICE_LOCATIONS).ignoreMigrationPatterns("*:pending").load()
                .validateWithResult();
        assertThat(pending.validationSuccessful).as(pending.getAllErrorMessages()).isTrue();
        assertThat(now.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(now.validateWithResult().validationSuccessful).isTrue();
        assertThat(version3(now).getChecksum()).isEqualTo(released.getChecksum());
        assertHeartbeatCanBeWritten(db);
    }

    @Test
    void givenAnInstallationReleasedBeforeV4_whenTheNewLayoutMigrates_thenOnlyV4AndV13Run() throws Exception {
        TestInfra.Database db = TestInfra.database("released_v3_processor_node");
        installReleasedServiceUpTo(db, "3");

        Flyway now = flyway(db).locations(SERVICE_LOCATIONS).load();
        assertThat(now.migrate().migrationsExecuted).isEqualTo(2); // validate-on-migrate passed
        assertThat(now.validateWithResult().validationSuccessful).isTrue();
        assertThat(version3(now).getState()).isEqualTo(MigrationState.SUCCESS);
        assertHeartbeatCanBeWritten(db);
    }

    /**
     * Migrates as the released services did: V1 from db/axon, V2, V3 and V4 from the service's own folder (here: the
     * test service and the released V3). Returns the released V3 as Flyway resolved and applied it.
     */
    private static MigrationInfo installReleasedServiceUpTo(TestInfra.Database db, String target) {
        flyway(db).locations(SERVICE_LOCATIONS).target("1").load().migrate();
        Flyway released = flyway(db).locations("classpath:db/test-service", "classpath:db/released-service-v3")
                .ignoreMigrationPatterns("*:missing").target(target).load();
        released.migrate();
        MigrationInfo v3 = version3(released);
        assertThat(v3.getState()).isEqualTo(MigrationState.SUCCESS);
        return v3;
    }

    private static FluentConfiguration flyway(TestInfra.Database db) {
        return Flyway.configure().dataSource(db.url(), db.username(), db.password());
    }

    private static MigrationInfo version3(Flyway flyway) {
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() != null && info.getVersion().getVersion().equals("3")) {
                return info;
            }
        }
        throw new AssertionError("no V3 in " + flyway.getConfiguration().getLocations().length + " locations");
    }

    private static void assertHeartbeatCanBeWritten(TestInfra.Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement st = c.createStatement()) {
            st.executeUpdate("""
                    insert into processor_node (processor_name, node_id, last_seen)
                    values ('kafka-publisher', 'n1', now())
                    on conflict (processor_name, node_id) do update set last_seen = excluded.last_seen""");
            try (ResultSet rs = st.executeQuery("select count(*) from processor_node")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
