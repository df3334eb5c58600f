package nl.lpz.reporting.capacity;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.pipeline.TestPipelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A location's registration (topology topic) and its first bed report (beds topic) are consumed by two consumers at
 * once, as when capacity-service publishes both in one go to two reporting instances. Each batch's transaction has
 * written its read-model rows before the other commits. The change log (the regional SSE stream) must still end with
 * a row telling the bed: before, the registration derived "no bed yet" and the beds derived "location unknown", and
 * a listener never heard of the bed.
 */
class ChangeLogAcrossTopicsTest {
    private static ProjectionDatabase db;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("projection");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void givenARegistrationAndItsFirstBedProjectedConcurrently_whenBothCommit_thenTheLastChangeTellsTheBed()
            throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        db.project(publish(Fixtures.visibility(org, true, true, at(0))));

        try (Connection holder = db.dataSource().getConnection(); Statement st = holder.createStatement()) {
            // the test holds the change-log lock, so both batches stop there, each with its read-model rows written
            // and not committed: the interleaving that lost the bed, made certain
            st.execute("select pg_advisory_lock(" + TestPipelines.changeLogLock() + ")");
            CompletableFuture<?> registration = CompletableFuture.runAsync(
                    () -> db.project(publish(Fixtures.location(loc, org, region, "VR01"))));
            CompletableFuture<?> beds = CompletableFuture.runAsync(
                    () -> db.project(publish(bed(loc, org, "B1").at(at(1)).event())));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(waitersForTheLock(st))
                    .as("batches waiting for the change-log lock").isEqualTo(2));
            st.execute("select pg_advisory_unlock(" + TestPipelines.changeLogLock() + ")");
            registration.get(20, TimeUnit.SECONDS);
            beds.get(20, TimeUnit.SECONDS);
        }

        List<String> payloads = db.jdbc().queryForList("""
                select payload::text from region_change
                where roaz_region_id = ? and kind = 'capacity' and location_id = ? order by seq""", String.class,
                region, loc);
        assertThat(payloads).as("capacity changes of %s", loc).isNotEmpty();
        assertThat(payloads.get(payloads.size() - 1)).as("the last change of %s", loc)
                .contains("\"lastEventAt\":\"" + at(1) + "\"");
    }

    /** Asked on the holder's connection: the pool has one connection for each batch and one for the test. */
    private static int waitersForTheLock(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("""
                select count(*) from pg_locks
                where locktype = 'advisory' and not granted
                  and database = (select oid from pg_database where datname = current_database())""")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
