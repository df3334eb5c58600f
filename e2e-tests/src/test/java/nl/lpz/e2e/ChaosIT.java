package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chaos suite (issue 14): under a sustained load through the gateway, every process of the platform is killed
 * with SIGKILL and started again, one at a time and in pairs, one is paused (SIGSTOP) past the gateway's backend
 * timeout, the Kafka broker is killed with SIGKILL and started again, and PostgreSQL is crashed (in CI; elsewhere on
 * request). Afterwards the platform must hold exactly what it acknowledged.
 * <p>
 * <b>The load.</b> {@value #CLIENTS_DEFAULT} EPD client threads (by default) of an organisation of this test's own push
 * batches of bed events for locations of their own through the gateway at a steady rate. Each client keeps a log of
 * every event id acknowledged with a 202 without rejections. A batch that fails (5xx, 409 CONFLICT, 429, a broken
 * connection, a time-out) has an unknown outcome; it is sent again with the <em>same</em> event ids until it is
 * acknowledged — the platform is idempotent by (organisation, eventId), so the accepted set is well defined whatever
 * a failed attempt had applied. A stop client declares a one-minute stop now and then for providers of the same
 * organisation (veiligheidsregio {@code VR21}, kind PCI, which no other suite uses) and ends every other one early,
 * so that stop-service's persistent deadlines (warning, expiry) fall while its instances die.
 * <p>
 * <b>The invariants</b>, checked once the faults are over and the platform is healthy again:
 * <ul>
 *   <li>the event ids of the test's locations in capacity-service's event store are exactly the client's accepted
 *       set, each once (set equality: nothing lost, nothing duplicated, nothing unacknowledged);</li>
 *   <li>the same for reporting-service's read model ({@code bed_history.source_event_id});</li>
 *   <li>no record parked since the load began, every reporting instance's projection UP and caught up (lag 0), every
 *       {@code kafka-publisher} segment owned by a live instance, and a fresh location and event still flow through
 *       both consumers (no stuck consumer);</li>
 *   <li>every stop declared for the test's providers ended exactly once (one {@code StopEnded} or
 *       {@code StopExpired}), an expiry deadline fired at most once and only for a stop that was not ended, a
 *       warning at most once, and reporting-service's stop read model agrees.</li>
 * </ul>
 * <b>Running it.</b> CI runs it with the rest of the e2e suite, last (it restarts the broker), with a short schedule:
 * one instance of each backend service and the gateway one at a time, one pair, one pause, the broker killed. The
 * full run (every instance, six pairs, the broker with a publisher, a pause of each service, several rounds; an estimated 10 to 12 minutes per round on two
 * cores: its seven single kills took 3 minutes at 100 events/s). It runs last, with {@link CrashRecoveryIT} (same
 * order), and leaves the platform healthy for whatever comes after it:
 * <pre>
 * ./mvnw -B -pl e2e-tests verify -Dtest=none -Dit.test=ChaosIT -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlpz.chaos.full=true -Dlpz.chaos.rounds=2 -Dlpz.chaos.rate=100 [-Dlpz.chaos.postgres=true]
 * </pre>
 * Properties: {@code lpz.chaos.full} (every process, default false), {@code lpz.chaos.rounds} (default 1),
 * {@code lpz.chaos.rate} (events per second, default {@value #RATE_DEFAULT}), {@code lpz.chaos.clients},
 * {@code lpz.chaos.pause-seconds} (default 15, past the gateway's 10 s backend timeout),
 * {@code lpz.chaos.broker-down-seconds} (default 10), and {@code lpz.chaos.postgres=true}, which crashes the
 * PostgreSQL cluster ({@code pg_ctlcluster … stop -m immediate}: no checkpoint, crash recovery at start). That one
 * is off by default because the Debian cluster is shared by every test JVM on the machine; it needs the test server
 * to be that local cluster ({@code LPZ_PG_URL} on port 5432 of this host) and root. The figures of the runs are in
 * docs/reliability.md.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {
    private static final int RATE_DEFAULT = 60;
    private static final int CLIENTS_DEFAULT = 2;
    /** Events per second over all clients: modest, two cores also run seven JVMs and the databases. */
    private static final int RATE = Math.max(1, Integer.getInteger("lpz.chaos.rate", RATE_DEFAULT));
    private static final int CLIENTS = Math.max(1, Integer.getInteger("lpz.chaos.clients", CLIENTS_DEFAULT));
    private static final int BATCH = Math.max(1, Integer.getInteger("lpz.chaos.batch", 10));
    private static final int LOCATIONS_PER_CLIENT = 3;
    private static final int BEDS_PER_LOCATION = 40;
    private static final boolean FULL = Boolean.getBoolean("lpz.chaos.full");
    private static final int ROUNDS = Math.max(1, Integer.getInteger("lpz.chaos.rounds", 1));
    /**
     * Whether PostgreSQL is crashed too: on in CI ({@code CI=true}), where the cluster serves this build alone; off
     * elsewhere, where other test JVMs may share it. {@code -Dlpz.chaos.postgres=true|false} decides either way.
     */
    private static final boolean POSTGRES = Boolean.parseBoolean(System.getProperty("lpz.chaos.postgres",
            String.valueOf("true".equals(System.getenv("CI")))));
    /** Longer than the gateway's {@code lpz.gateway.backend-timeout} (10 s): calls to the paused one time out. */
    private static final Duration PAUSE = Duration.ofSeconds(Long.getLong("lpz.chaos.pause-seconds", 15));
    private static final Duration BROKER_DOWN = Duration.ofSeconds(Long.getLong("lpz.chaos.broker-down-seconds", 10));
    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(Long.getLong("lpz.chaos.postgres-down-seconds", 5));
    /** A generous bound for every recovery: two cores start a Spring Boot JVM while the others take the load. */
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    private static final Stops.Region REGION = new Stops.Region("VR21", "ROAZ-BR");
    private static final String KIND = "PCI";
    private static final int STOP_PROVIDERS = 4;
    private static final Duration STOP_EVERY = Duration.ofSeconds(20);
    private static final Duration END_AFTER = Duration.ofSeconds(10);

    private static String organisation;
    private static List<String> bedLocations;
    private static Load load;
    private static StopClient stops;
    private static Instant loadStart;
    private static final List<FaultResult> FAULTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheLoad() {
        Platform.get();
        organisation = Lpz.unique("CHAOS");
        List<List<String>> perClient = new ArrayList<>();
        bedLocations = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < LOCATIONS_PER_CLIENT; i++) {
                String id = Lpz.unique("CHAOS");
                Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + id, Lpz.locationBody(organisation,
                        "Chaos location " + id, REGION.roazRegionId(), REGION.safetyRegionId(), "SEH"));
                assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
                mine.add(id);
            }
            perClient.add(mine);
            bedLocations.addAll(mine);
        }
        // a new organisation starts hidden (schaduwdraaien): shared, so that the regional picture lists it
        ObjectNode visibility = Api.JSON.createObjectNode().put("shared", true).put("releaseHistory", true);
        Api.expect2xx(Api.put(Api.hospital(organisation), "/api/v1/organisations/" + organisation + "/visibility",
                visibility));
        List<Stops.Provider> providers = new ArrayList<>();
        if (Platform.has(Platform.STOP)) {
            for (int i = 0; i < STOP_PROVIDERS; i++) {
                providers.add(Stops.provider(organisation, REGION, KIND));
            }
        }
        loadStart = Instant.now();
        load = new Load(Api.epd(organisation), perClient);
        load.start();
        stops = new StopClient(providers);
        stops.start();
        await("the load is acknowledged").atMost(RECOVERY).pollInterval(Duration.ofMillis(200))
                .until(() -> load.accepted.size() >= CLIENTS * BATCH);
        System.out.printf("ChaosIT: load of %d events/s from %d clients (batches of %d) for %d locations of %s; "
                        + "%s; pause %s, broker down %s; %s%n", RATE, CLIENTS, BATCH, bedLocations.size(), organisation,
                FULL ? "full schedule" : "CI schedule", PAUSE, BROKER_DOWN, ROUNDS + " round(s)");
    }

    @AfterAll
    static void leaveThePlatformRunning() {
        // a fault test that failed half-way must not leave a process paused or the broker down for later classes
        for (String instance : allInstances()) {
            if (Platform.isAlive(instance)) {
                signal("CONT", Platform.pid(instance));
            }
        }
        if (TestInfra.kafkaRestartable()) {
            TestInfra.restartKafka();
        }
        if (load != null) {
            load.stop();
        }
        if (stops != null) {
            stops.stop();
        }
        printFigures();
    }

    // ---- the faults -----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void givenASustainedLoad_whenEachProcessIsKilled9AndRestartedOneAtATime_thenTheLoadIsAcknowledgedAgainAfterEach() {
        List<String> victims = new ArrayList<>();
        if (FULL) {
            victims.addAll(allInstances());
        } else {
            // one instance of each backend (the first of one, the last of the next) and the gateway
            victims.add(Platform.instancesOf(Platform.CAPACITY).get(0));
            victims.add(last(Platform.instancesOf(Platform.REPORTING)));
            if (Platform.has(Platform.STOP)) {
                victims.add(Platform.instancesOf(Platform.STOP).get(0));
            }
            victims.add(Platform.GATEWAY);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (String victim : victims) {
                killAndRestart(round, List.of(victim));
            }
        }
    }

    @Test
    @Order(2)
    void givenASustainedLoad_whenTwoProcessesAreKilled9TogetherAndRestarted_thenTheLoadIsAcknowledgedAgainAfterEachPair() {
        List<String> capacity = Platform.instancesOf(Platform.CAPACITY);
        List<String> reporting = Platform.instancesOf(Platform.REPORTING);
        List<String> stop = Platform.has(Platform.STOP) ? Platform.instancesOf(Platform.STOP) : List.of();
        List<List<String>> pairs = new ArrayList<>();
        pairs.add(List.of(last(capacity), reporting.get(0)));
        if (FULL) {
            if (!stop.isEmpty()) {
                pairs.add(List.of(capacity.get(0), last(stop)));
                pairs.add(List.of(last(reporting), stop.get(0)));
            }
            pairs.add(List.of(Platform.GATEWAY, capacity.get(0)));
            // a whole service at once: the gateway has no instance left to send to, the client must resend
            if (capacity.size() >= 2) {
                pairs.add(List.of(capacity.get(0), capacity.get(1)));
            }
            if (reporting.size() >= 2) {
                pairs.add(List.of(reporting.get(0), reporting.get(1)));
            }
        }
        assumeTrue(pairs.stream().allMatch(p -> p.stream().distinct().count() == 2),
                "pairs need two instances of a service or stop-service (-Dlpz.e2e.instances >= 2): " + pairs);
        for (int round = 1; round <= ROUNDS; round++) {
            for (List<String> pair : pairs) {
                killAndRestart(round, pair);
            }
        }
    }

    @Test
    @Order(3)
    void givenASustainedLoad_whenAnInstanceIsPausedPastTheGatewaysBackendTimeoutAndResumed_thenTheLoadIsAcknowledgedAgain() {
        List<String> victims = new ArrayList<>();
        // capacity first: requests the gateway gave up on are still applied when it resumes, after the client resent
        // them elsewhere, and its publisher segments are claimed by the other instance meanwhile
        victims.add(Platform.instancesOf(Platform.CAPACITY).get(0));
        if (FULL) {
            victims.add(Platform.instancesOf(Platform.REPORTING).get(0));
            if (Platform.has(Platform.STOP)) {
                victims.add(last(Platform.instancesOf(Platform.STOP)));
            }
            victims.add(Platform.GATEWAY);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (String victim : victims) {
                long pid = Platform.pid(victim);
                runFault("round " + round + ": SIGSTOP " + victim + " for " + PAUSE.toSeconds() + " s", () -> {
                    signal("STOP", pid);
                    try {
                        hold(PAUSE); // the fault itself: the process is frozen, its sockets stay open
                    } finally {
                        signal("CONT", pid);
                    }
                    awaitHealthy(victim);
                });
            }
        }
    }

    @Test
    @Order(4)
    void givenASustainedLoad_whenTheKafkaBrokerIsKilled9AndStartedAgain_thenPublishingAndProjectionResume() {
        assumeTrue(TestInfra.kafkaRestartable(), "the broker is not this JVM's (Testcontainers or "
                + "LPZ_KAFKA_BOOTSTRAP): it cannot be stopped and started on the same address from here");
        // the broker as its own process (-Dlpz.test.kafka-process=true, the e2e suite's setting) dies by SIGKILL; the
        // in-JVM broker (the property off) can only be shut down
        boolean kill9 = TestInfra.kafkaKillable();
        for (int round = 1; round <= ROUNDS; round++) {
            runFault("round " + round + ": Kafka broker " + (kill9 ? "killed with SIGKILL" : "shut down")
                    + ", down for " + BROKER_DOWN.toSeconds() + " s", () -> brokerDown(kill9, List.of()));
            if (FULL && kill9) {
                // the broker and a publisher together: the publisher's unacknowledged batch is sent again from its
                // token by the other instance, into a broker that recovered its log
                String capacity = last(Platform.instancesOf(Platform.CAPACITY));
                runFault("round " + round + ": kill -9 Kafka broker + " + capacity,
                        () -> brokerDown(true, List.of(capacity)));
            }
        }
    }

    private static void brokerDown(boolean kill9, List<String> alsoKilled) {
        if (kill9) {
            TestInfra.killKafka();
        } else {
            TestInfra.shutdownKafka();
        }
        alsoKilled.forEach(Platform::kill9);
        try {
            hold(BROKER_DOWN);
        } finally {
            TestInfra.restartKafka();
        }
        alsoKilled.forEach(Platform::start);
        awaitProjectedUpTo(load.accepted.size());
    }

    @Test
    @Order(5)
    void givenASustainedLoad_whenPostgresqlIsCrashedAndStartedAgain_thenTheLoadIsAcknowledgedAgain() {
        assumeTrue(POSTGRES, "-Dlpz.chaos.postgres=true crashes the PostgreSQL cluster, which other test JVMs on this "
                + "machine share: off unless asked for");
        Optional<String[]> cluster = localDebianCluster();
        assumeTrue(cluster.isPresent(), "the test server is not the local Debian cluster on port 5432 of this host "
                + "(LPZ_PG_URL, pg_lsclusters, pg_ctlcluster): it cannot be crashed from here");
        String version = cluster.get()[0];
        String name = cluster.get()[1];
        for (int round = 1; round <= ROUNDS; round++) {
            runFault("round " + round + ": PostgreSQL " + version + "/" + name + " crashed (stop -m immediate), down "
                    + POSTGRES_DOWN.toSeconds() + " s", () -> {
                run("pg_ctlcluster", version, name, "stop", "-m", "immediate");
                try {
                    hold(POSTGRES_DOWN);
                } finally {
                    run("pg_ctlcluster", version, name, "start");
                }
                awaitProjectedUpTo(load.accepted.size());
            });
        }
    }

    // ---- afterwards: exactly what was acknowledged -----------------------------------------------------------------

    @Test
    @Order(6)
    void givenTheFaultsAreOver_whenThePlatformIsHealthyAgain_thenEveryAcceptedEventIsStoredAndProjectedExactlyOnceAndNothingIsStuck() {
        load.stop();
        stops.stop();
        Set<String> accepted = Set.copyOf(load.accepted);
        System.out.printf("ChaosIT: load stopped: %d events accepted in %d batches, %d attempts failed and were "
                        + "resent %s, %d events came back as duplicates%n", accepted.size(), load.batches.get(),
                load.failures.get(), new TreeMap<>(load.failureKinds), load.duplicates.get());
        assertThat(load.violations).as("answers no chaos excuses (4xx, a batch that does not add up)").isEmpty();
        assertThat(accepted).as("accepted events").isNotEmpty();

        // the write side: the event store is the outbox, written in the request's transaction
        Map<String, Long> stored = storedBedEvents();
        assertThat(stored.keySet()).as("event ids of the test's locations in capacity-service's event store")
                .isEqualTo(accepted);
        assertThat(duplicated(stored)).as("event ids stored more than once").isEmpty();

        // the read side: projected exactly once, whatever was published twice
        Instant projecting = Instant.now();
        awaitProjectedUpTo(accepted.size());
        Map<String, Long> projected = projectedBedEvents();
        System.out.printf("ChaosIT: read model complete %d ms after the load stopped%n",
                Duration.between(projecting, Instant.now()).toMillis());
        assertThat(projected.keySet()).as("event ids of the test's locations in reporting-service's bed_history")
                .isEqualTo(accepted);
        assertThat(duplicated(projected)).as("event ids projected more than once").isEmpty();

        // nothing stuck: projections caught up, nothing parked, every publisher segment owned by a live instance
        for (String reporting : Platform.instancesOf(Platform.REPORTING)) {
            await(reporting + ": projection UP and caught up").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().untilAsserted(() -> {
                        JsonNode h = Api.JSON.readTree(internalGet(Platform.baseUrl(reporting)
                                + "/actuator/health/projection"));
                        assertThat(h.path("status").asText()).as("%s", h).isEqualTo("UP");
                        assertThat(h.path("details").path("lagRecords").asLong(-1)).as("%s", h).isZero();
                    });
        }
        for (String service : List.of(Platform.REPORTING, Platform.STOP)) {
            if (Platform.has(service)) {
                assertThat(query(service, "select consumer, reason, event_id, error from parked_record "
                        + "where parked_at >= ? and replayed_at is null", java.sql.Timestamp.from(loadStart)))
                        .as("records %s-service parked during the chaos", service).isEmpty();
            }
        }
        for (String service : List.of(Platform.CAPACITY, Platform.STOP)) {
            if (Platform.has(service)) {
                awaitPublisherSegmentsOwnedByLiveInstances(service);
            }
        }
        // a fresh location reaches stop-service's topology consumer, a fresh event the regional picture
        Stops.Provider fresh = Platform.has(Platform.STOP) ? Stops.provider(organisation, REGION, KIND) : null;
        String sentinelLocation = fresh != null ? fresh.locationId() : bedLocations.get(0);
        Bed sentinel = Bed.at(sentinelLocation, "SENTINEL", "s-1", "PAAZ").available()
                .at(Instant.now().minusSeconds(1));
        Lpz.pushAll(Api.epd(organisation), sentinel);
        Lpz.awaitLocation(Api.admin(), REGION.roazRegionId(), sentinelLocation,
                l -> assertThat(Lpz.element(l, "PAAZ")).as("the sentinel's element at %s", sentinelLocation).isNotNull());

        if (Platform.has(Platform.STOP)) {
            assertStopsEndedExactlyOnce();
        }
    }

    // ---- running a fault ------------------------------------------------------------------------------------------

    /** One fault's figures: how long until the processes were healthy, and what the client saw. */
    record FaultResult(String name, long recoveredMs, long clientBackMs, long longestAckGapMs, int clientFailures) {
    }

    private static void killAndRestart(int round, List<String> victims) {
        runFault("round " + round + ": kill -9 " + String.join(" + ", victims), () -> {
            victims.forEach(Platform::kill9);
            // restarted together: for a pair, both are down until both are up again
            List<CompletableFuture<Void>> starts = victims.stream()
                    .map(v -> CompletableFuture.runAsync(() -> Platform.start(v))).toList();
            starts.forEach(CompletableFuture::join);
        });
    }

    /**
     * Runs the fault (which returns once the faulty parts are healthy again), then waits until the client is
     * acknowledged again, and records the figures.
     */
    private static void runFault(String name, Runnable fault) {
        long t0 = System.nanoTime();
        int failuresBefore = load.failures.get();
        fault.run();
        long recovered = System.nanoTime();
        await(name + ": the load is acknowledged again").atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                .until(() -> load.lastAck.get() > recovered);
        long back = System.nanoTime();
        FaultResult r = new FaultResult(name, (recovered - t0) / 1_000_000, (back - t0) / 1_000_000,
                load.longestAckGapMs(t0, back), load.failures.get() - failuresBefore);
        FAULTS.add(r);
        System.out.printf("ChaosIT: %s: healthy after %d ms, client acknowledged again after %d ms, longest gap "
                + "between acknowledgements %d ms, %d failed attempts resent%n", r.name(), r.recoveredMs(),
                r.clientBackMs(), r.longestAckGapMs(), r.clientFailures());
        assertThat(load.violations).as("answers no chaos excuses, after %s", name).isEmpty();
    }

    private static void awaitHealthy(String instance) {
        await(instance + " healthy").atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> internalGet(Platform.baseUrl(instance) + "/actuator/health").contains("\"UP\""));
    }

    /** Waits until reporting-service holds at least {@code count} of the test's bed events. */
    private static void awaitProjectedUpTo(int count) {
        await("reporting-service projects " + count + " accepted events").atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> projectedBedEvents().size() >= count);
    }

    /** Holds a fault for its duration: the time is the fault, there is nothing to wait for. */
    private static void hold(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    private static void signal(String signal, long pid) {
        if (pid > 0) {
            run("kill", "-" + signal, Long.toString(pid));
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code [version, name]} of the Debian cluster the tests' server is, when it is one on this host's 5432. */
    private static Optional<String[]> localDebianCluster() {
        String url = Optional.ofNullable(System.getenv("LPZ_PG_URL")).orElse("");
        if (TestInfra.dockerAvailable() || !(url.contains("//127.0.0.1:5432/") || url.contains("//localhost:5432/"))
                || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 3 && f[2].equals("5432"))
                    .map(f -> new String[] {f[0], f[1]}).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // ---- the load: bed events -------------------------------------------------------------------------------------

    /**
     * EPD clients, one thread each with locations of its own (so one location's reports arrive in order), pushing a
     * batch every {@code BATCH × CLIENTS / RATE} seconds and resending a failed one with the same ids until it is
     * acknowledged.
     */
    static final class Load {
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final Map<String, Integer> failureKinds = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final AtomicLong lastAck = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
        private final Api.Identity epd;
        private final List<List<String>> locations;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(Api.Identity epd, List<List<String>> locations) {
            this.epd = epd;
            this.locations = locations;
        }

        void start() {
            String token = epd.token();
            for (int c = 0; c < locations.size(); c++) {
                List<String> mine = locations.get(c);
                Thread t = new Thread(() -> client(token, mine), "chaos-epd-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        /** Stops sending; a batch in flight is still resent until acknowledged. */
        void stop() {
            running = false;
            for (Thread t : threads) {
                try {
                    t.join(RECOVERY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    violations.add(t.getName() + " did not get its last batch acknowledged within " + RECOVERY);
                }
            }
        }

        long longestAckGapMs(long from, long to) {
            List<Long> in = acks.stream().filter(t -> t >= from && t <= to).sorted().toList();
            long prev = from;
            long longest = 0;
            for (long t : in) {
                longest = Math.max(longest, t - prev);
                prev = t;
            }
            return Math.max(longest, to - prev) / 1_000_000;
        }

        private void client(String token, List<String> mine) {
            long interval = TimeUnit.SECONDS.toNanos(1) * BATCH * CLIENTS / RATE;
            long next = System.nanoTime();
            Map<String, Instant> lastAt = new HashMap<>();
            int n = 0;
            while (running) {
                LockSupport.parkNanos(next - System.nanoTime()); // pacing: a steady rate, not a wait for an outcome
                String location = mine.get(n % mine.size());
                List<Bed> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    // strictly later than the location's previous report: no stale event, every one counts
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    Instant previous = lastAt.getOrDefault(location, Instant.EPOCH);
                    Instant at = now.isAfter(previous) ? now : previous.plusMillis(1);
                    lastAt.put(location, at);
                    int bed = (n * BATCH + i) % BEDS_PER_LOCATION;
                    Bed b = Bed.at(location, "CHAOS", "bed-" + bed, "KLINIEK_VOLWASSENEN").at(at);
                    batch.add((n + i) % 2 == 0 ? b.available() : b.occupied("NON_COVID"));
                }
                untilAcknowledged(token, batch);
                n++;
                // after an outage: go on at the rate, do not make up for the lost time in a burst
                next = Math.max(next + interval, System.nanoTime() - interval);
            }
        }

        private void untilAcknowledged(String token, List<Bed> batch) {
            String body = Api.text(Bed.batch(batch));
            long giveUp = System.nanoTime() + RECOVERY.multipliedBy(2).toNanos();
            while (System.nanoTime() < giveUp) {
                String failure;
                try {
                    HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(
                                    URI.create(Platform.gatewayUrl() + "/api/v1/bed-events"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (r.statusCode() == 202) {
                        JsonNode b = Api.JSON.readTree(r.body());
                        if (b.path("rejected").isEmpty()) {
                            int a = b.path("accepted").asInt();
                            int d = b.path("duplicates").asInt();
                            int s = b.path("stale").asInt();
                            if (a + d + s != batch.size() || s != 0) {
                                violations.add("a batch of " + batch.size() + " answered " + r.body());
                            }
                            batch.forEach(e -> accepted.add(e.eventId()));
                            duplicates.addAndGet(d);
                            batches.incrementAndGet();
                            long t = System.nanoTime();
                            acks.add(t);
                            lastAck.set(t);
                            return;
                        }
                        // e.g. a concurrent claim of the same ids by an attempt the client gave up on: resend
                        failure = "202 with rejections " + b.path("rejected").findValuesAsText("code");
                    } else if (List.of(409, 429, 500, 502, 503, 504).contains(r.statusCode())) {
                        failure = r.statusCode() + " " + codeOf(r.body());
                    } else {
                        violations.add("a batch answered " + r.statusCode() + ": " + r.body());
                        return;
                    }
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName(); // the connection broke: unknown outcome, resend
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                failures.incrementAndGet();
                failureKinds.merge(failure, 1, Integer::sum);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // a resend's back-off
            }
            violations.add("a batch was not acknowledged within " + RECOVERY.multipliedBy(2) + ": "
                    + batch.stream().map(Bed::eventId).toList());
        }

        private static String codeOf(String body) {
            try {
                return Api.JSON.readTree(body).path("code").asText("");
            } catch (IOException e) {
                return "";
            }
        }
    }

    // ---- the load: stops ------------------------------------------------------------------------------------------

    /**
     * Declares a one-minute stop for a free provider every {@link #STOP_EVERY} and ends every other one after
     * {@link #END_AFTER}; the others expire by stop-service's deadline. A declaration whose answer was lost (5xx, a
     * broken connection) may have been applied: its provider is left alone until such a stop would have expired, and
     * the store's invariant (one end per declared stop) covers it.
     */
    static final class StopClient {
        record Declared(String stopId, Stops.Provider provider, Instant expectedEnd, boolean endEarly) {
        }

        final List<Declared> declared = new CopyOnWriteArrayList<>();
        final Set<String> endedByClient = ConcurrentHashMap.newKeySet();
        final AtomicInteger uncertain = new AtomicInteger();
        final Map<String, Integer> uncertainKinds = new ConcurrentHashMap<>();
        private final List<Stops.Provider> providers;
        private final Map<String, Instant> busyUntil = new ConcurrentHashMap<>();
        private final Thread thread = new Thread(this::run, "chaos-stops");
        private volatile boolean running = true;

        StopClient(List<Stops.Provider> providers) {
            this.providers = providers;
            thread.setDaemon(true);
        }

        void start() {
            if (!providers.isEmpty()) {
                thread.start();
            }
        }

        void stop() {
            running = false;
            try {
                thread.join(RECOVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            Instant nextDeclaration = Instant.now();
            while (running) {
                Instant now = Instant.now();
                for (Declared d : declared) {
                    if (d.endEarly() && !endedByClient.contains(d.stopId())
                            && now.isAfter(d.expectedEnd().minus(Duration.ofMinutes(1)).plus(END_AFTER))
                            && now.isBefore(d.expectedEnd().minusSeconds(5))) {
                        end(d);
                    }
                }
                if (!now.isBefore(nextDeclaration)) {
                    Optional<Stops.Provider> free = providers.stream()
                            .filter(p -> busyUntil.getOrDefault(p.locationId(), Instant.EPOCH).isBefore(now))
                            .findFirst();
                    free.ifPresent(p -> declare(p, declared.size() % 2 == 0));
                    nextDeclaration = now.plus(STOP_EVERY);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250)); // the client's own clock tick
            }
            // what is still active and ends early is ended now, the rest expires within seconds or a minute
            for (Declared d : declared) {
                if (d.endEarly() && !endedByClient.contains(d.stopId())
                        && Instant.now().isBefore(d.expectedEnd().minusSeconds(5))) {
                    end(d);
                }
            }
        }

        private void declare(Stops.Provider p, boolean endEarly) {
            Api.Response r;
            try {
                r = Stops.declare(p, KIND, 1, "Chaos: cathlab storing");
            } catch (AssertionError e) {
                r = null; // the connection broke
            }
            Instant now = Instant.now();
            if (r != null && r.status() == 201) {
                JsonNode b = r.json();
                Instant end = Lpz.instant(b.get("expectedEnd"));
                declared.add(new Declared(b.get("stopId").asText(), p, end, endEarly));
                busyUntil.put(p.locationId(), end.plusSeconds(5));
            } else {
                // unknown outcome or 409 STOP_ALREADY_ACTIVE (an earlier lost answer was a declaration)
                uncertain.incrementAndGet();
                uncertainKinds.merge(r == null ? "connection broke" : r.status() + " " + Load.codeOf(r.body()), 1,
                        Integer::sum);
                busyUntil.put(p.locationId(), now.plus(Duration.ofSeconds(70)));
            }
        }

        private void end(Declared d) {
            try {
                Api.Response r = Stops.end(d.provider().hospital(), d.stopId());
                if (r.status() == 200) {
                    endedByClient.add(d.stopId());
                }
                // 5xx: tried again on the next tick while the stop runs; 409: it reached its end meanwhile
            } catch (AssertionError e) {
                // the connection broke: tried again on the next tick
            }
        }
    }

    /**
     * Every stop of the test's providers in stop-service's event store ended exactly once (ended by the client or
     * expired by its deadline, never both, never twice), was warned at most once, every stop the client was told of
     * is there, and reporting-service's stop read model holds the same ends.
     */
    private static void assertStopsEndedExactlyOnce() {
        List<String> locations = stops.providers.stream().map(Stops.Provider::locationId).toList();
        Instant lastEnd = stops.declared.stream().map(StopClient.Declared::expectedEnd).max(Instant::compareTo)
                .orElse(Instant.now());
        Map<String, Map<String, Long>> byStop = new TreeMap<>();
        // a declaration whose answer was lost expires at most a minute after the load stopped
        Duration within = Duration.between(Instant.now(), lastEnd).plus(Duration.ofSeconds(stops.uncertain.get() > 0
                ? 75 : 15)).plus(RECOVERY);
        await("every declared stop of the test's providers ended once").atMost(within)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    byStop.clear();
                    byStop.putAll(stopEvents(locations));
                    assertThat(byStop).allSatisfy((stopId, events) -> assertThat(
                            events.getOrDefault("StopEnded", 0L) + events.getOrDefault("StopExpired", 0L))
                            .as("ends of stop %s: %s", stopId, events).isEqualTo(1L));
                });
        assertThat(byStop.keySet()).as("stops in stop-service's event store")
                .containsAll(stops.declared.stream().map(StopClient.Declared::stopId).toList());
        assertThat(byStop).allSatisfy((stopId, events) -> {
            assertThat(events.getOrDefault("StopDeclared", 0L)).as("declarations of %s: %s", stopId, events)
                    .isEqualTo(1L);
            assertThat(events.getOrDefault("StopExpiryWarned", 0L)).as("warnings of %s: %s", stopId, events)
                    .isLessThanOrEqualTo(1L);
        });
        for (String ended : stops.endedByClient) {
            assertThat(byStop.get(ended)).as("events of %s, ended by the client", ended)
                    .containsEntry("StopEnded", 1L).doesNotContainKey("StopExpired");
        }
        Map<String, String> ends = new TreeMap<>();
        byStop.forEach((id, e) -> ends.put(id, e.containsKey("StopExpired") ? "EXPIRED" : "ENDED"));
        await("reporting-service's stop read model holds every end").atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, String> read = new TreeMap<>();
                    for (Map<String, Object> row : query(Platform.REPORTING,
                            "select stop_id, end_kind from stop where location_id = any(?)",
                            (Object) locations.toArray(String[]::new))) {
                        read.put((String) row.get("stop_id"), (String) row.get("end_kind"));
                    }
                    assertThat(read).as("end_kind by stop in reporting-service").isEqualTo(ends);
                });
        Map<String, Long> expiredRows = new TreeMap<>();
        for (Map<String, Object> row : query(Platform.REPORTING, "select stop_id, count(*) as n from stop_event "
                + "where location_id = any(?) and event_type = 'StopExpired' group by stop_id",
                (Object) locations.toArray(String[]::new))) {
            expiredRows.put((String) row.get("stop_id"), ((Number) row.get("n")).longValue());
        }
        Map<String, Long> expiredStored = new TreeMap<>();
        byStop.forEach((id, e) -> {
            if (e.containsKey("StopExpired")) {
                expiredStored.put(id, e.get("StopExpired"));
            }
        });
        assertThat(expiredRows).as("StopExpired events per stop in reporting-service's stop_event")
                .isEqualTo(expiredStored);
        System.out.printf("ChaosIT: stops: %d declared with a 201, %d declarations with a lost answer or refused %s, "
                        + "%d in the event store, %d ended by the client, %d expired by their deadline (each once)%n",
                stops.declared.size(), stops.uncertain.get(), new TreeMap<>(stops.uncertainKinds), byStop.size(),
                stops.endedByClient.size(),
                expiredStored.size());
    }

    // ---- what the databases hold ----------------------------------------------------------------------------------

    /** sourceEventId → copies among the BedStatusChanged events of the test's locations in the event store. */
    private static Map<String, Long> storedBedEvents() {
        Map<String, Long> copies = new HashMap<>();
        for (Map<String, Object> row : query(Platform.CAPACITY,
                "select convert_from(payload, 'UTF8')::json ->> 'sourceEventId' as id from domain_event_entry "
                        + "where aggregate_identifier = any(?) and payload_type like '%BedStatusChanged'",
                (Object) bedLocations.toArray(String[]::new))) {
            copies.merge((String) row.get("id"), 1L, Long::sum);
        }
        return copies;
    }

    /** source_event_id → rows in reporting-service's bed history of the test's locations (the sentinel's excepted). */
    private static Map<String, Long> projectedBedEvents() {
        Map<String, Long> copies = new HashMap<>();
        for (Map<String, Object> row : query(Platform.REPORTING, "select source_event_id::text as id, count(*) as n "
                        + "from bed_history where location_id = any(?) and department_id = 'CHAOS' "
                        + "group by source_event_id",
                (Object) bedLocations.toArray(String[]::new))) {
            copies.put((String) row.get("id"), ((Number) row.get("n")).longValue());
        }
        return copies;
    }

    /** stopId → event type → copies, for the stop events of these locations in stop-service's event store. */
    private static Map<String, Map<String, Long>> stopEvents(List<String> locations) {
        Map<String, Map<String, Long>> byStop = new TreeMap<>();
        for (Map<String, Object> row : query(Platform.STOP,
                "select e.payload_type as type, e.p ->> 'stopId' as stop from (select payload_type, "
                        + "convert_from(payload, 'UTF8')::json as p from domain_event_entry "
                        + "where payload_type like '%.Stop%') e where e.p ->> 'locationId' = any(?)",
                (Object) locations.toArray(String[]::new))) {
            String type = ((String) row.get("type")).replaceFirst(".*\\.", "");
            String stop = (String) row.get("stop");
            if (stop != null) {
                byStop.computeIfAbsent(stop, k -> new TreeMap<>()).merge(type, 1L, Long::sum);
            }
        }
        return byStop;
    }

    private static Map<String, Long> duplicated(Map<String, Long> copies) {
        return copies.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every {@code kafka-publisher} segment owned by a running instance (Axon's owner is {@code pid@host}). */
    private static void awaitPublisherSegmentsOwnedByLiveInstances(String service) {
        await(service + ": every kafka-publisher segment owned by a live instance").atMost(RECOVERY)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Set<String> live = Platform.instancesOf(service).stream().filter(Platform::isAlive)
                            .map(i -> Platform.pid(i) + "@").collect(Collectors.toSet());
                    List<Map<String, Object>> rows = query(service,
                            "select segment, owner from token_entry where processor_name = 'kafka-publisher'");
                    assertThat(rows).as("kafka-publisher segments of %s", service).isNotEmpty();
                    assertThat(rows).as("kafka-publisher segments of %s (live: %s)", service, live)
                            .allSatisfy(r -> assertThat(live).as("owner of %s", r)
                                    .anyMatch(p -> String.valueOf(r.get("owner")).startsWith(p)));
                });
    }

    private static List<Map<String, Object>> query(String service, String sql, Object... params) {
        return ServiceDatabases.query(service, sql, params);
    }

    private static String internalGet(String url) throws IOException, InterruptedException {
        return Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    // ---- names and figures ----------------------------------------------------------------------------------------

    private static List<String> allInstances() {
        List<String> all = new ArrayList<>();
        for (String service : List.of(Platform.CAPACITY, Platform.REPORTING, Platform.STOP)) {
            if (Platform.has(service)) {
                all.addAll(Platform.instancesOf(service));
            }
        }
        all.add(Platform.GATEWAY);
        return all;
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static void printFigures() {
        StringBuilder s = new StringBuilder("ChaosIT figures\n");
        s.append(String.format("  load: %d events/s, %d clients, batches of %d, %s schedule, %d round(s)%n", RATE,
                CLIENTS, BATCH, FULL ? "full" : "CI", ROUNDS));
        if (load != null) {
            s.append(String.format("  accepted: %d events in %d batches; %d failed attempts resent %s; "
                            + "%d events answered as duplicates on a resend%n", load.accepted.size(),
                    load.batches.get(), load.failures.get(), new TreeMap<>(load.failureKinds), load.duplicates.get()));
        }
        s.append("  faults:\n");
        FAULTS.forEach(f -> s.append(String.format("    %-70s healthy %6d ms, client back %6d ms, "
                + "longest gap %6d ms, %4d resends%n", f.name(), f.recoveredMs(), f.clientBackMs(), f.longestAckGapMs(),
                f.clientFailures())));
        System.out.print(s);
    }
}
