package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Instances;
import nl.lpz.stop.support.Seed;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A board with a long history is loaded from its snapshot, and the snapshot carries the rules' state. */
class SnapshotIT {

    @Test
    void givenABoardSnapshottedEveryThreeEvents_whenCommandsFollow_thenTheyAreDecidedOnTheSnapshot() {
        try (ConfigurableApplicationContext app = Instances.start(TestInfra.database("snapshot"), "snapshot",
                "--lpz.stops.snapshot-threshold=3")) {
            String vr = Seed.freshRegion();
            Topology topology = app.getBean(Topology.class);
            Seed.register(topology, Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
            Seed.register(topology, Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
            StopDesk desk = app.getBean(StopDesk.class);
            Actor a = new Actor("seh-a", "org-a");
            for (int i = 0; i < 4; i++) {
                String id = desk.declare(LocationId.of(vr + "-a"), CareKind.SEH, StopType.UNPLANNED,
                        Duration.ofMinutes(30), false, "piek " + i, null, a).stopId();
                desk.end(id, "opgelost", a);
            }
            String active = desk.declare(LocationId.of(vr + "-a"), CareKind.SEH, StopType.UNPLANNED,
                    Duration.ofMinutes(30), false, "piek", null, a).stopId();
            desk.declare(LocationId.of(vr + "-b"), CareKind.SEH, StopType.UNPLANNED, Duration.ofMinutes(30), false,
                    "piek", null, new Actor("seh-b", "org-b"));

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                    Integer.class, vr + "/SEH")).isPositive();
            assertThatThrownBy(() -> desk.declare(LocationId.of(vr + "-a"), CareKind.SEH, StopType.UNPLANNED,
                    Duration.ofMinutes(30), false, "again", null, a))
                    .isInstanceOfSatisfying(StopRejected.class,
                            r -> assertThat(r.code()).isEqualTo(StopRejected.STOP_ALREADY_ACTIVE));
            assertThat(desk.extend(active, Duration.ofMinutes(45), false, "langer", a).expectedEnd()).isNotNull();
        }
    }
}
