package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.lpz.testsupport.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several instances of every backend, still correct (issue 6): with {@link Platform#INSTANCES} instances of
 * capacity-, stop- and reporting-service on one database per service and one broker, the work is shared (Axon
 * {@code kafka-publisher} segments, Kafka partitions), a load through the gateway loses and duplicates nothing,
 * concurrent commands for one location on different instances are all accepted or cleanly refused, and a capacity
 * instance killed during load hands its segments to the survivor without losing an event.
 * Runs after the other suites (it kills an instance) and before {@link CrashRecoveryIT}.
 */
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    private static final String PUBLISHER = "kafka-publisher";
    private static final String BEDS_TOPIC = "lpz.capacity.beds.v1";
    private static final String REPORTING_GROUP = "reporting-regional-capacity";
    private static final Duration BALANCED_WITHIN = Duration.ofSeconds(120);
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(120);

    // ---- (a) the work is shared ------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void givenTwoInstancesOfEachBackend_whenRunning_thenPublisherSegmentsAndConsumerPartitionsAreSplitBetweenThem() {
        assumeTrue(Platform.INSTANCES >= 2, "needs -Dlpz.e2e.instances >= 2");
        Platform.get();

        Map<String, List<Integer>> capacity = awaitSegmentsShared(Platform.CAPACITY);
        System.out.printf("ScaleOutIT: capacity-service %s segments by instance: %s%n", PUBLISHER, capacity);
        if (Platform.has(Platform.STOP)) {
            Map<String, List<Integer>> stop = awaitSegmentsShared(Platform.STOP);
            System.out.printf("ScaleOutIT: stop-service %s segments by instance: %s%n", PUBLISHER, stop);
        }

        Map<String, List<TopicPartition>> reporting = new TreeMap<>();
        await("both reporting instances own partitions of " + BEDS_TOPIC + " in group " + REPORTING_GROUP)
                .atMost(BALANCED_WITHIN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> {
                    Map<String, List<TopicPartition>> byInstance = consumerGroupAssignment();
                    reporting.clear();
                    reporting.putAll(byInstance);
                    for (String instance : Platform.instancesOf(Platform.REPORTING)) {
                        assertThat(byInstance.getOrDefault(instance, List.of()))
                                .as("partitions of %s assigned to %s (group: %s)", BEDS_TOPIC, instance, byInstance)
                                .anyMatch(tp -> tp.topic().equals(BEDS_TOPIC));
                    }
                    List<TopicPartition> all = byInstance.values().stream().flatMap(List::stream).toList();
                    assertThat(all).as("no partition assigned twice").doesNotHaveDuplicates();
                });
        System.out.printf("ScaleOutIT: group %s partitions by reporting instance: %s%n", REPORTING_GROUP, reporting);
    }

    // ---- (b) a load through the gateway loses and duplicates nothing ------------------------------------------------

    @Test
    @Order(2)
    void givenThousandsOfBedEventsFromSeveralThreadsSomeSentTwice_whenLoadBalanced_thenEveryEventIsInTheReadModelExactlyOnce()
            throws Exception {
        int locations = 24;
        int bedsPerLocation = 100;
        int threads = 4;
        int batchSize = 100;
        List<String> locationIds = new ArrayList<>();
        for (int i = 0; i < locations; i++) {
            locationIds.add(Lpz.newLocation(AMC_ORG));
        }
        Instant t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        List<Bed> events = new ArrayList<>();
        for (String loc : locationIds) {
            for (int b = 0; b < bedsPerLocation; b++) {
                Bed bed = Bed.at(loc, "K" + (b % 5), "bed-" + b, "KLINIEK_VOLWASSENEN").at(t0.plusMillis(10L * b));
                events.add(bed.available());
                // the second report is the later one: every third bed ends available, the others occupied
                Bed second = b % 3 == 0 ? bed.available() : bed.occupied(b % 4 == 0 ? "COVID" : "NON_COVID");
                events.add(second.at(t0.plusMillis(10L * b + 1)));
            }
        }
        Collections.shuffle(events, new Random(6)); // reports of one bed may arrive out of order: stale, still counted once
        List<List<Bed>> batches = chunk(events, batchSize);
        Set<Integer> resent = new HashSet<>();
        for (int i = 0; i < batches.size(); i += 10) {
            resent.add(i); // every tenth batch is sent again once its first send was acknowledged
        }

        LoadResult load = sendThroughGateway(batches, resent, threads);
        Set<String> sent = events.stream().map(Bed::eventId).collect(Collectors.toSet());
        System.out.printf("ScaleOutIT: load of %d bed events (%d locations, %d batches of %d, %d batches resent on purpose) "
                        + "from %d threads in %d ms: %d answers 202, %d refused and resent (%s); "
                        + "in the 202 answers %d accepted, %d duplicates, %d stale%n",
                events.size(), locations, batches.size(), batchSize, resent.size(), threads, load.millis(),
                load.answers202(), load.refusals(), load.refusalStatuses(), load.accepted(), load.duplicates(), load.stale());

        assertThat(load.rejected()).as("events rejected").isZero();
        assertThat(load.resentAnswers()).as("answers to the batches resent on purpose: [accepted, duplicates]")
                .allSatisfy(a -> assertThat(a).containsExactly(0, batchSize));
        // a refused first send may have applied some locations of its batch (one command per location): those come
        // back as duplicates on its resend, so accepted + refused-then-duplicate covers every event
        assertThat(load.accepted()).as("accepted over all 202 answers").isLessThanOrEqualTo(events.size());
        assertThat(load.accepted() + load.stale() + load.duplicates() - resent.size() * batchSize)
                .as("accepted + stale + duplicates, without the deliberate resends").isEqualTo(events.size());

        // the reporting read model: each event id once
        await("every event in reporting-service's bed history").atMost(PROJECTED_WITHIN)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(bedHistoryCounts(locationIds)).as("[rows, distinct event ids]")
                                .containsExactly((long) events.size(), (long) events.size()));
        assertThat(bedHistoryEventIds(locationIds)).as("the event ids in the bed history").isEqualTo(sent);

        // the public API: each location's figures as the latest report of each bed implies
        JsonNode picture = Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF);
        int expectedAvailable = (int) java.util.stream.IntStream.range(0, bedsPerLocation).filter(b -> b % 3 == 0).count();
        int expectedCovid = (int) java.util.stream.IntStream.range(0, bedsPerLocation)
                .filter(b -> b % 3 != 0 && b % 4 == 0).count();
        for (String loc : locationIds) {
            JsonNode l = location(picture, loc);
            assertThat(l).as("location %s", loc).isNotNull();
            assertFigures(element(l, "KLINIEK_VOLWASSENEN"), bedsPerLocation, expectedAvailable,
                    bedsPerLocation - expectedAvailable);
            assertThat(l.path("patients").path("covid").asInt(-1)).as("covid patients of %s", loc).isEqualTo(expectedCovid);
        }

        // the write side: every event once in the event store, sequence numbers without gaps per location
        Map<String, Long> stored = storedBedEvents(locationIds);
        assertThat(stored.keySet()).as("event ids in capacity-service's event store").isEqualTo(sent);
        assertThat(stored.values()).as("copies per event id in the event store").containsOnly(1L);
        assertContiguousSequences(locationIds);

        // the topic: every event id (at-least-once: duplicates allowed, and counted)
        Map<String, Integer> onTopic = topicSourceEventIds(sent);
        int topicDuplicates = onTopic.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("ScaleOutIT: %s carries %d of %d event ids, %d records more than once%n",
                BEDS_TOPIC, onTopic.size(), sent.size(), topicDuplicates);
        assertThat(onTopic.keySet()).as("event ids on %s", BEDS_TOPIC).isEqualTo(sent);
    }

    // ---- (c) concurrent commands for one location on different instances ------------------------------------------

    @Test
    @Order(3)
    void givenCommandsForOneLocationSentToBothCapacityInstancesAtOnce_whenTheyRace_thenEachIsAcceptedOnceOrCleanlyRefusedAndNoneIsLost()
            throws Exception {
        assumeTrue(Platform.INSTANCES >= 2, "needs -Dlpz.e2e.instances >= 2");
        List<String> instances = Platform.instancesOf(Platform.CAPACITY);
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        int beds = 80;
        int twice = 20;
        List<Bed> events = new ArrayList<>();
        for (int b = 0; b < beds; b++) {
            events.add(Bed.at(loc, "IC", "ic-" + b, "IC_BEADEMD").at(t0.plusMillis(b)).available());
        }
        // one request per event, each to an instance in turn; the first `twice` events go to every instance at once
        List<Map.Entry<Bed, String>> requests = new ArrayList<>();
        for (int b = 0; b < beds; b++) {
            if (b < twice) {
                for (String instance : instances) {
                    requests.add(Map.entry(events.get(b), instance));
                }
            } else {
                requests.add(Map.entry(events.get(b), instances.get(b % instances.size())));
            }
        }
        Collections.shuffle(requests, new Random(7));

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, List<String>> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Map.Entry<Bed, String> r = requests.get(i);
                    outcomes.computeIfAbsent(r.getKey().eventId(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(outcomeOf(Lpz.pushDirect(r.getValue(), r.getKey())));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Map<String, Long> tally = outcomes.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        System.out.printf("ScaleOutIT: %d concurrent single-event commands for location %s on %s (%d events sent to "
                + "every instance at once): outcomes %s%n", requests.size(), loc, instances, twice, tally);
        assertThat(tally.keySet()).as("outcomes: accepted, duplicate or a clean 409 CONFLICT / 503 refusal")
                .isSubsetOf("accepted", "duplicate", "refused 409 CONFLICT", "refused 503 SERVICE_UNAVAILABLE");

        Map<String, Long> stored = storedBedEvents(List.of(loc));
        for (Bed e : events) {
            List<String> o = outcomes.get(e.eventId());
            long accepted = o.stream().filter("accepted"::equals).count();
            long duplicates = o.stream().filter("duplicate"::equals).count();
            assertThat(accepted).as("acceptances of %s: %s", e.eventId(), o).isLessThanOrEqualTo(1);
            if (duplicates > 0) {
                assertThat(accepted).as("a duplicate of %s implies one acceptance: %s", e.eventId(), o).isEqualTo(1);
            }
            assertThat(stored.getOrDefault(e.eventId(), 0L)).as("copies of %s in the event store (outcomes %s)",
                    e.eventId(), o).isEqualTo(accepted);
        }
        assertContiguousSequences(List.of(loc));

        // a refused event was not written: sent again, it is accepted now, and nothing is lost in the end
        List<Bed> refused = events.stream()
                .filter(e -> outcomes.get(e.eventId()).stream().noneMatch(o -> o.equals("accepted"))).toList();
        for (Bed e : refused) {
            assertThat(outcomeOf(Lpz.pushDirect(instances.get(0), e))).as("resend of refused %s", e.eventId()).isEqualTo("accepted");
        }
        assertThat(storedBedEvents(List.of(loc))).as("event store after resending the %d refused", refused.size())
                .hasSize(beds).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1L));
        assertContiguousSequences(List.of(loc));
        Lpz.awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "IC_BEADEMD"), beds, beds, 0));
    }

    // ---- (d) an instance killed during load --------------------------------------------------------------------------

    @Test
    @Order(4)
    void givenLoadOnBothCapacityInstances_whenOneIsKilled9_thenTheOtherTakesOverItsSegmentsAndNoEventIsLost()
            throws Exception {
        assumeTrue(Platform.INSTANCES >= 2, "needs -Dlpz.e2e.instances >= 2");
        List<String> instances = Platform.instancesOf(Platform.CAPACITY);
        String victim = instances.get(instances.size() - 1);
        awaitSegmentsShared(Platform.CAPACITY);

        int locations = 8;
        int bedsPerLocation = 60;
        List<String> locationIds = new ArrayList<>();
        for (int i = 0; i < locations; i++) {
            locationIds.add(Lpz.newLocation(AMC_ORG));
        }
        Instant t0 = Instant.now().minusSeconds(1200).truncatedTo(ChronoUnit.MILLIS);
        List<Bed> events = new ArrayList<>();
        for (String loc : locationIds) {
            for (int b = 0; b < bedsPerLocation; b++) {
                events.add(Bed.at(loc, "SEH", "bed-" + b, "MC").at(t0.plusMillis(b)).occupied("NON_COVID"));
            }
        }
        Collections.shuffle(events, new Random(9));
        List<List<Bed>> batches = chunk(events, 20);
        int killAfter = batches.size() / 3;

        ExecutorService killer = Executors.newSingleThreadExecutor();
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        Future<?> kill = killer.submit(() -> {
            third.await();
            Platform.kill9(victim);
            return null;
        });
        LoadResult load = sendThroughGateway(batches, Set.of(), 3, () -> {
            if (acknowledged.incrementAndGet() == killAfter) {
                third.countDown();
            }
        });
        kill.get(1, TimeUnit.MINUTES);
        killer.shutdown();
        assertThat(Platform.isAlive(victim)).as("%s killed during the load", victim).isFalse();
        System.out.printf("ScaleOutIT: %d events in %d batches, %s killed with SIGKILL after %d acknowledged batches: "
                        + "%d refused and resent (%s), %d accepted + %d duplicates in 202 answers%n", events.size(),
                batches.size(), victim, killAfter, load.refusals(), load.refusalStatuses(), load.accepted(), load.duplicates());
        assertThat(load.accepted() + load.stale() + load.duplicates()).as("accepted + stale + duplicates")
                .isEqualTo(events.size());
        assertThat(load.rejected()).isZero();

        String survivor = instances.get(0);
        long survivorPid = Platform.pid(survivor);
        int segments = segmentCount(Platform.CAPACITY);
        long t = System.nanoTime();
        await(survivor + " holds every " + PUBLISHER + " segment").atMost(BALANCED_WITHIN)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(segmentsByOwnerPid(Platform.CAPACITY).getOrDefault(survivorPid, List.of()))
                                .as("segments of %s (pid %d): %s", survivor, survivorPid, segmentOwners(Platform.CAPACITY))
                                .hasSize(segments));
        System.out.printf("ScaleOutIT: %s held all %d segments %d ms after the load ended%n", survivor, segments,
                (System.nanoTime() - t) / 1_000_000);

        Set<String> sent = events.stream().map(Bed::eventId).collect(Collectors.toSet());
        await("every event in reporting-service's bed history").atMost(PROJECTED_WITHIN)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(bedHistoryCounts(locationIds)).as("[rows, distinct event ids]")
                                .containsExactly((long) events.size(), (long) events.size()));
        assertThat(bedHistoryEventIds(locationIds)).isEqualTo(sent);
        assertThat(storedBedEvents(locationIds).values()).as("copies per event in the event store")
                .hasSize(events.size()).containsOnly(1L);
        assertContiguousSequences(locationIds);

        // back to full strength for the suites after this one
        Platform.start(victim);
        Map<String, List<Integer>> rebalanced = awaitSegmentsShared(Platform.CAPACITY);
        System.out.printf("ScaleOutIT: after restarting %s, segments by instance: %s%n", victim, rebalanced);
    }

    // ---- load through the gateway -----------------------------------------------------------------------------------

    record LoadResult(long millis, int answers202, int accepted, int duplicates, int stale, int rejected, int refusals,
                      Map<Integer, Integer> refusalStatuses, List<List<Integer>> resentAnswers) {
    }

    private static LoadResult sendThroughGateway(List<List<Bed>> batches, Set<Integer> resent, int threads)
            throws Exception {
        return sendThroughGateway(batches, resent, threads, () -> { });
    }

    /**
     * Sends every batch as {@code EPD_SYSTEM} of AMC from {@code threads} threads. A batch is sent until it is
     * answered 202 (as an EPD does: a 409/503 or a broken connection means "send it again with the same event ids");
     * the batches in {@code resent} are then sent once more on purpose.
     */
    private static LoadResult sendThroughGateway(List<List<Bed>> batches, Set<Integer> resent, int threads,
                                                 Runnable onAcknowledged) throws Exception {
        Api.Identity epd = Api.epd(AMC_ORG);
        epd.token();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        Map<Integer, Integer> refusalStatuses = new ConcurrentHashMap<>();
        List<List<Integer>> resentAnswers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    JsonNode body = untilAcknowledged(epd, batches.get(i), refusals, refusalStatuses);
                    answers.incrementAndGet();
                    accepted.addAndGet(body.path("accepted").asInt());
                    duplicates.addAndGet(body.path("duplicates").asInt());
                    stale.addAndGet(body.path("stale").asInt());
                    rejected.addAndGet(body.path("rejected").size());
                    onAcknowledged.run();
                    if (resent.contains(i)) {
                        JsonNode again = untilAcknowledged(epd, batches.get(i), refusals, refusalStatuses);
                        answers.incrementAndGet();
                        accepted.addAndGet(again.path("accepted").asInt());
                        duplicates.addAndGet(again.path("duplicates").asInt());
                        resentAnswers.add(List.of(again.path("accepted").asInt(), again.path("duplicates").asInt()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new LoadResult((System.nanoTime() - start) / 1_000_000, answers.get(), accepted.get(), duplicates.get(),
                stale.get(), rejected.get(), refusals.get(), new TreeMap<>(refusalStatuses), List.copyOf(resentAnswers));
    }

    private static JsonNode untilAcknowledged(Api.Identity epd, List<Bed> batch, AtomicInteger refusals,
                                              Map<Integer, Integer> refusalStatuses) {
        String body = Api.text(Bed.batch(batch));
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            int status;
            try {
                Api.Response r = Api.sendWithHeaders("POST", "/api/v1/bed-events", "Bearer " + epd.token(), body,
                        "application/json");
                if (r.status() == 202) {
                    return r.json();
                }
                assertThat(r.status()).as("a refusal the EPD may resend: %s", r).isIn(409, 502, 503, 504);
                status = r.status();
                failures.add(r.toString());
            } catch (AssertionError e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                status = -1; // the connection broke: unknown outcome, resend
                failures.add(e.getMessage());
            }
            refusals.incrementAndGet();
            refusalStatuses.merge(status, 1, Integer::sum);
        }
        throw new AssertionError("a batch was not acknowledged in 30 attempts: " + failures);
    }

    // ---- directly to one capacity instance ----------------------------------------------------------------------

    /** {@code accepted}, {@code duplicate}, {@code refused <status> <code>}; anything else fails. */
    private static String outcomeOf(Api.Response r) {
        if (r.status() == 202) {
            JsonNode b = r.json();
            assertThat(b.path("rejected").size()).as("rejected in %s", r).isZero();
            if (b.path("accepted").asInt() == 1) {
                return "accepted";
            }
            assertThat(b.path("duplicates").asInt()).as("a single event neither accepted nor duplicate: %s", r).isEqualTo(1);
            return "duplicate";
        }
        JsonNode problem = Api.expectProblem(r, r.status(), "CONFLICT", "SERVICE_UNAVAILABLE");
        return "refused " + r.status() + " " + problem.path("code").asText();
    }

    // ---- what the databases and the broker hold -------------------------------------------------------------------

    /** Waits until every instance of the service holds at least one {@code kafka-publisher} segment. */
    private static Map<String, List<Integer>> awaitSegmentsShared(String service) {
        Map<String, List<Integer>> last = new TreeMap<>();
        await(service + ": every instance holds " + PUBLISHER + " segments").atMost(BALANCED_WITHIN)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<String, List<Integer>> byInstance = segmentOwners(service);
                    last.clear();
                    last.putAll(byInstance);
                    assertThat(byInstance.get("(unowned)")).as("unowned segments of %s: %s", service, byInstance)
                            .isNull();
                    for (String instance : Platform.instancesOf(service)) {
                        assertThat(byInstance.getOrDefault(instance, List.of()))
                                .as("%s segments of %s (all: %s)", PUBLISHER, instance, byInstance).isNotEmpty();
                    }
                });
        return last;
    }

    /** Segments by instance name ("(unowned)", or "(other) owner" for an owner that is no running instance). */
    private static Map<String, List<Integer>> segmentOwners(String service) {
        Map<Long, String> byPid = new HashMap<>();
        for (String instance : Platform.instancesOf(service)) {
            if (Platform.isAlive(instance)) {
                byPid.put(Platform.pid(instance), instance);
            }
        }
        Map<String, List<Integer>> owners = new TreeMap<>();
        for (Map<String, Object> row : query(service,
                "select segment, owner from token_entry where processor_name = ? order by segment", PUBLISHER)) {
            String owner = (String) row.get("owner");
            Long pid = pidOf(owner);
            String name = owner == null ? "(unowned)"
                    : pid != null && byPid.containsKey(pid) ? byPid.get(pid) : "(other) " + owner;
            owners.computeIfAbsent(name, k -> new ArrayList<>()).add(((Number) row.get("segment")).intValue());
        }
        return owners;
    }

    private static Map<Long, List<Integer>> segmentsByOwnerPid(String service) {
        Map<Long, List<Integer>> byPid = new HashMap<>();
        for (Map<String, Object> row : query(service,
                "select segment, owner from token_entry where processor_name = ?", PUBLISHER)) {
            Long pid = pidOf((String) row.get("owner"));
            if (pid != null) {
                byPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(((Number) row.get("segment")).intValue());
            }
        }
        return byPid;
    }

    private static int segmentCount(String service) {
        return ((Number) query(service, "select count(*) as n from token_entry where processor_name = ?", PUBLISHER)
                .get(0).get("n")).intValue();
    }

    /** Axon's default claim owner is the JVM's {@code pid@host}. */
    private static Long pidOf(String owner) {
        if (owner == null || !owner.contains("@")) {
            return null;
        }
        try {
            return Long.parseLong(owner.substring(0, owner.indexOf('@')));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Members of the reporting consumer group by instance (client ids start with the instance name). */
    private static Map<String, List<TopicPartition>> consumerGroupAssignment() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(REPORTING_GROUP)).all()
                    .get(30, TimeUnit.SECONDS).get(REPORTING_GROUP);
            Map<String, List<TopicPartition>> byInstance = new TreeMap<>();
            for (MemberDescription m : group.members()) {
                String instance = Platform.instancesOf(Platform.REPORTING).stream()
                        .filter(i -> m.clientId().startsWith(i + "-") || m.clientId().equals(i))
                        .findFirst().orElse("(other) " + m.clientId());
                byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).addAll(m.assignment().topicPartitions());
            }
            byInstance.values().forEach(l -> l.sort(java.util.Comparator.comparing(TopicPartition::toString)));
            return byInstance;
        }
    }

    private static List<Long> bedHistoryCounts(List<String> locationIds) {
        Map<String, Object> row = query(Platform.REPORTING,
                "select count(*) as n, count(distinct source_event_id) as d from bed_history where location_id = any(?)",
                (Object) locationIds.toArray(String[]::new)).get(0);
        return List.of(((Number) row.get("n")).longValue(), ((Number) row.get("d")).longValue());
    }

    private static Set<String> bedHistoryEventIds(List<String> locationIds) {
        return query(Platform.REPORTING, "select source_event_id::text as id from bed_history where location_id = any(?)",
                (Object) locationIds.toArray(String[]::new)).stream()
                .map(r -> (String) r.get("id")).collect(Collectors.toSet());
    }

    /** sourceEventId → copies among the BedStatusChanged events of these locations in capacity's event store. */
    private static Map<String, Long> storedBedEvents(List<String> locationIds) {
        Map<String, Long> copies = new HashMap<>();
        for (Map<String, Object> row : query(Platform.CAPACITY,
                "select convert_from(payload, 'UTF8')::json ->> 'sourceEventId' as id from domain_event_entry "
                        + "where aggregate_identifier = any(?) and payload_type like '%BedStatusChanged'",
                (Object) locationIds.toArray(String[]::new))) {
            copies.merge((String) row.get("id"), 1L, Long::sum);
        }
        return copies;
    }

    /** Per location aggregate: sequence numbers 0..n-1, none missing, none twice (the table's key forbids twice). */
    private static void assertContiguousSequences(List<String> locationIds) {
        for (Map<String, Object> row : query(Platform.CAPACITY,
                "select aggregate_identifier as id, count(*) as n, min(sequence_number) as lo, max(sequence_number) as hi "
                        + "from domain_event_entry where aggregate_identifier = any(?) group by aggregate_identifier",
                (Object) locationIds.toArray(String[]::new))) {
            long n = ((Number) row.get("n")).longValue();
            assertThat(List.of(((Number) row.get("lo")).longValue(), ((Number) row.get("hi")).longValue()))
                    .as("[first, last] sequence number of %s with %d events", row.get("id"), n)
                    .containsExactly(0L, n - 1);
        }
    }

    /** Every record on the beds topic whose sourceEventId is one of {@code ids}: id → records. */
    private static Map<String, Integer> topicSourceEventIds(Set<String> ids) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(BEDS_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("read %s to its end within 2 minutes", BEDS_TOPIC).isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value;
                    try {
                        value = Api.JSON.readTree(record.value());
                    } catch (IOException e) {
                        continue;
                    }
                    String id = value.path("sourceEventId").asText(null);
                    if (id != null && ids.contains(id)) {
                        seen.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
    }

    private static List<Map<String, Object>> query(String service, String sql, Object... params) {
        return ServiceDatabases.query(service, sql, params);
    }

    private static <T> List<List<T>> chunk(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(List.copyOf(all.subList(i, Math.min(all.size(), i + size))));
        }
        return chunks;
    }
}
