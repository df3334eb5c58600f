package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Instances;
import nl.lpz.stop.support.Seed;
import nl.lpz.stop.support.Store;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A stop whose end passes while stop-service is down expires once it is back, exactly once. */
class DeadlineRestartIT {

    @Test
    void givenAStopDeclaredBeforeARestart_whenItsEndPassesWhileDown_thenItExpiresOnceAfterTheRestart() {
        TestInfra.Database db = TestInfra.database("restart");
        String vr = Seed.freshRegion();
        Instant expectedEnd;
        try (ConfigurableApplicationContext before = Instances.start(db, "restart-1")) {
            Topology topology = before.getBean(Topology.class);
            Seed.register(topology, Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
            Seed.register(topology, Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
            Outcomes.Declaration declared = before.getBean(StopDesk.class).declare(LocationId.of(vr + "-a"),
                    CareKind.SEH, StopType.UNPLANNED, Duration.ofSeconds(6), false, "restart test", null,
                    new Actor("seh-a", "org-a"));
            expectedEnd = declared.expectedEnd();
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopDeclared", "StopExpiryWarned"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expectedEnd.plusSeconds(1)));

        try (ConfigurableApplicationContext after = Instances.start(db, "restart-2")) {
            JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(Store.eventTypes(jdbc, vr + "/SEH"))
                            .containsExactly("StopDeclared", "StopExpiryWarned", "StopExpired"));
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(Store.count(jdbc, vr + "/SEH", "StopExpired")).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class)).isZero();
            });
        }
    }
}
