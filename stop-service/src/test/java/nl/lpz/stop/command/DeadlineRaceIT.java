package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Instances;
import nl.lpz.stop.support.Seed;
import nl.lpz.stop.support.Store;
import nl.lpz.testsupport.TestInfra;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of stop-service share one event store. A stop's expiry warning fires on one while the other appends a
 * declaration to the same board: the store's unique (aggregate, sequence) rejects the deadline's append. The deadline
 * is tried again within seconds, on the board's new state, and warns exactly once; db-scheduler's default would have
 * waited five minutes.
 */
class DeadlineRaceIT {

    @Test
    void givenAWarningThatLosesTheRaceWithAnotherInstance_whenItFails_thenItIsRetriedWithinSecondsAndWarnsOnce() {
        TestInfra.Database db = TestInfra.database("deadline-race");
        String vr = Seed.freshRegion();
        String board = vr + "/SEH";
        try (ConfigurableApplicationContext one = Instances.start(db, "deadline-race-1");
             ConfigurableApplicationContext two = Instances.start(db, "deadline-race-2")) {
            for (String site : List.of("a", "b", "c")) {
                Seed.register(one.getBean(Topology.class),
                        Seed.location(vr + "-" + site, "org-" + site, "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
                Seed.register(two.getBean(Topology.class),
                        Seed.location(vr + "-" + site, "org-" + site, "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
            }
            AtomicBoolean raced = new AtomicBoolean();
            // whichever instance picks the deadline, the other one appends to the board first
            one.getBean(DeadlineManager.class).registerHandlerInterceptor(raceWith(two, vr, raced));
            two.getBean(DeadlineManager.class).registerHandlerInterceptor(raceWith(one, vr, raced));

            one.getBean(StopDesk.class).declare(LocationId.of(vr + "-a"), CareKind.SEH, StopType.UNPLANNED,
                    Duration.ofMinutes(1), false, "a one-minute stop, warned at once", null,
                    new Actor("seh-a", "org-a"));

            JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(raced).isTrue();
                assertThat(Store.eventTypes(jdbc, board))
                        .containsExactly("StopDeclared", "StopDeclared", "StopExpiryWarned");
            });
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
                assertThat(Store.count(jdbc, board, "StopExpiryWarned")).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where consecutive_failures > 0",
                        Integer.class)).isZero();
            });
        }
    }

    /** On the first expiry warning: after the board is loaded, before it is appended to, the other instance declares. */
    private static MessageHandlerInterceptor<DeadlineMessage<?>> raceWith(ConfigurableApplicationContext other,
                                                                          String vr, AtomicBoolean raced) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof Deadlines.ExpiryWarningDue
                    && raced.compareAndSet(false, true)) {
                unitOfWork.onPrepareCommit(u -> CompletableFuture.runAsync(() ->
                        other.getBean(StopDesk.class).declare(LocationId.of(vr + "-b"), CareKind.SEH,
                                StopType.UNPLANNED, Duration.ofHours(2), false, "the other instance", null,
                                new Actor("seh-b", "org-b"))).join());
            }
            return chain.proceed();
        };
    }
}
