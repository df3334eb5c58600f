package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Instances;
import nl.lpz.stop.support.Seed;
import nl.lpz.stop.support.Store;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last two open providers of a kind in a veiligheidsregio declare at the same moment: at most one succeeds.
 * Two instances of stop-service share one event store, so the race is decided by the store's unique
 * (aggregate, sequence) and the sender's retry, not only by Axon's in-process lock; each round is also run with
 * both declarations on the same instance.
 */
class LastInRegionRaceIT {
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext two;
    static ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void twoInstances() {
        TestInfra.Database db = TestInfra.database("race");
        one = Instances.start(db, "race-1");
        two = Instances.start(db, "race-2");
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        two.close();
        one.close();
    }

    @RepeatedTest(8)
    void givenTheLastTwoOpenProviders_whenBothDeclareAtOnceOnTwoInstances_thenExactlyOneSucceeds()
            throws Exception {
        race(one, two);
    }

    @RepeatedTest(4)
    void givenTheLastTwoOpenProviders_whenBothDeclareAtOnceOnOneInstance_thenExactlyOneSucceeds()
            throws Exception {
        race(one, one);
    }

    @org.junit.jupiter.api.Test
    void givenTwoInstancesPollingOneDeadlineTable_whenAStopEnds_thenItIsWarnedAndExpiresOnce()
            throws Exception {
        String vr = Seed.freshRegion();
        Topology topology = one.getBean(Topology.class);
        Seed.register(topology, Seed.location(vr + "-a", "org-a", "ROAZ-NHF", vr, Set.of(CareKind.CCU)));
        Seed.register(topology, Seed.location(vr + "-b", "org-b", "ROAZ-NHF", vr, Set.of(CareKind.CCU)));
        two.getBean(StopDesk.class).declare(LocationId.of(vr + "-a"), CareKind.CCU, StopType.UNPLANNED,
                Duration.ofSeconds(3), false, "piek", null, new Actor("seh-a", "org-a"));
        JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Store.eventTypes(jdbc, vr + "/CCU"))
                        .containsExactly("StopDeclared", "StopExpiryWarned", "StopExpired"));
        org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Store.eventTypes(jdbc, vr + "/CCU")).hasSize(3));
    }

    private void race(ConfigurableApplicationContext first, ConfigurableApplicationContext second) throws Exception {
        String vr = Seed.freshRegion();
        Topology topology = one.getBean(Topology.class);
        String a = vr + "-a";
        String b = vr + "-b";
        Seed.register(topology, Seed.location(a, "org-a", "ROAZ-NHF", vr, Set.of(CareKind.SR)));
        Seed.register(topology, Seed.location(b, "org-b", "ROAZ-NHF", vr, Set.of(CareKind.SR)));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Outcomes.Declaration>> outcomes = new ArrayList<>();
        outcomes.add(declareAt(first.getBean(StopDesk.class), a, "org-a", start));
        outcomes.add(declareAt(second.getBean(StopDesk.class), b, "org-b", start));

        List<Outcomes.Declaration> done = new ArrayList<>();
        for (CompletableFuture<Outcomes.Declaration> f : outcomes) {
            done.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(done.stream().filter(Outcomes.Declaration::declared)).hasSize(1);
        assertThat(done.stream().filter(d -> !d.declared())).hasSize(1);
        assertThat(Store.eventTypes(one.getBean(JdbcTemplate.class), vr + "/SR"))
                .containsExactlyInAnyOrder("StopDeclared", "StopRefused");
    }

    private static CompletableFuture<Outcomes.Declaration> declareAt(StopDesk desk, String location, String org,
                                                                   CyclicBarrier start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return desk.declare(LocationId.of(location), CareKind.SR, StopType.UNPLANNED, Duration.ofMinutes(45),
                    false, "piek", null, new Actor("seh-" + location, org));
        }, threads);
    }
}
