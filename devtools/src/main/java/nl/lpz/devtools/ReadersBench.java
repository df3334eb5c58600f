package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Issue 16's readers: SSE subscribers of the regional streams ({@code GET /api/v1/regions/{roaz}/stream}) and readers
 * of the regional picture ({@code GET .../capacity}), while EPDs push bed events at a steady rate, all through the
 * gateway. Every subscriber and reader is a client of its own (an RCPS coordinator's screen), spread over the ten ROAZ
 * regions. A change counts as received by a subscriber when an event of its location tells a {@code lastEventAt} at
 * or after the change (a later change may carry it: the stream tells a location's newest state); latency runs from
 * sending the push to that event. Readers are open loop ({@code --reader-rate} per reader), their latency from when
 * the read was due, so a slow answer is not hidden by the next read waiting for it.
 *
 * <pre>./lpz bench --readers [--subscribers 1000] [--readers 200] [--reader-rate 1] [--rate 1000] [--batch 100]
 *     [--seconds 30] [--warmup 5]</pre>
 */
public final class ReadersBench {
    private static final String DEPARTMENT = "BENCH-RD";
    private static final int BEDS_PER_LOCATION = 10;
    private static final int MAX_MS = 120_000;

    /** What one push changed at one location: the bed report time the stream will tell, and when it was sent. */
    private record Push(long occurredMicros, long sentNanos, boolean measured) {
    }

    /** A location's pushes, in the order of their report time (an organisation's pushes are serialised). */
    private static final class PushLog {
        final List<Push> pushes = new ArrayList<>();

        synchronized void add(Push p) {
            pushes.add(p);
        }

        synchronized int size() {
            return pushes.size();
        }

        synchronized Push get(int i) {
            return pushes.get(i);
        }
    }

    private static final class Org {
        final String id;
        final List<SimLocation> locations = new ArrayList<>();
        long lastOccurredMicros;
        int next;
        final Map<String, Boolean> occupied = new HashMap<>();

        Org(String id) {
            this.id = id;
        }
    }

    /** Milliseconds, counted in 1-ms buckets up to two minutes. */
    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(MAX_MS + 1);
        final AtomicLong n = new AtomicLong();

        void add(double ms) {
            counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, Math.round(ms))));
            n.incrementAndGet();
        }

        double at(double p) {
            long total = n.get();
            if (total == 0) {
                return Double.NaN;
            }
            long rank = Math.max(1, (long) Math.ceil(p * total));
            long seen = 0;
            for (int i = 0; i <= MAX_MS; i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return i;
                }
            }
            return MAX_MS;
        }

        String describe() {
            return "p50 %,.0f ms  p99 %,.0f ms  max %,.0f ms".formatted(at(0.50), at(0.99), at(1.0));
        }
    }

    private final GatewayClient gateway;
    private final String base;
    private final Args args;
    private final Map<String, PushLog> logs = new ConcurrentHashMap<>();
    private final Histogram delivery = new Histogram();
    private final Histogram reads = new Histogram();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failedEvents = new AtomicLong();
    private final AtomicInteger streamsOpen = new AtomicInteger();
    private final Map<Integer, Integer> streamStatuses = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> readStatuses = new ConcurrentHashMap<>();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    private final List<Listener> listeners = new ArrayList<>();

    private ReadersBench(Args args) {
        this.args = args;
        this.base = args.get("gateway", "http://127.0.0.1:8080").replaceAll("/+$", "");
        this.gateway = new GatewayClient(base, "bench-rd");
    }

    public static void main(String[] argv) throws Exception {
        new ReadersBench(new Args(argv)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int subscribers = args.getInt("subscribers", 1000);
        int readers = args.getInt("readers", 200);
        double readerRate = args.getDouble("reader-rate", 1);
        double rate = args.getDouble("rate", 1000);
        int batch = args.getInt("batch", 100);
        int seconds = args.getInt("seconds", 30);
        int warmup = args.getInt("warmup", 5);
        List<String> regions = GatewayClient.ROAZ_REGIONS;

        List<Org> orgs = organisations();
        int locations = orgs.stream().mapToInt(o -> o.locations.size()).sum();
        System.out.printf("readers bench: %,d SSE subscribers and %,d readers of the regional picture (%.1f/s each) "
                        + "over %d ROAZ regions; ingest %,.0f bed events/s in %d-event batches over %d locations of %d "
                        + "organisations; %d s measured after %d s warm-up%n", subscribers, readers, readerRate,
                regions.size(), rate, batch, locations, orgs.size(), seconds, warmup);

        System.out.printf("tokens: %,d clients...%n", subscribers + readers);
        List<String[]> subscriberClients = clients("s", subscribers, regions);
        List<String[]> readerClients = clients("r", readers, regions);

        HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        for (String[] c : subscriberClients) {
            subscribe(streams, c[0], c[1]);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streamsOpen.get() + failedStreams() < subscribers && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        System.out.printf("streams: %,d of %,d open (answers %s)%n", streamsOpen.get(), subscribers,
                new TreeMap<>(streamStatuses));

        long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ThreadPoolExecutor pushers = (ThreadPoolExecutor) Executors.newFixedThreadPool(8);
        ScheduledExecutorService ingest = Executors.newSingleThreadScheduledExecutor();
        AtomicLong tick = new AtomicLong();
        AtomicLong behind = new AtomicLong();
        double perTick = rate / 10;
        ingest.scheduleAtFixedRate(() -> {
            // 10 ticks a second; each sends its share as whole batches, the remainder carried to the next tick
            long t = tick.incrementAndGet();
            long due = (long) Math.floor(perTick * t) - (long) Math.floor(perTick * (t - 1));
            for (long sent = 0; sent < due; sent += batch) {
                Org org = orgs.get((int) Math.floorMod(t * 7919 + sent / batch, (long) orgs.size()));
                int size = (int) Math.min(batch, due - sent);
                if (pushers.getQueue().size() > 100) {
                    behind.addAndGet(size);
                    continue;
                }
                pushers.execute(() -> push(org, size));
            }
        }, 0, 100, TimeUnit.MILLISECONDS);

        HttpClient readClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService readerPool = Executors.newFixedThreadPool(Math.max(1, readers));
        CountDownLatch readersDone = new CountDownLatch(readers);
        for (int i = 0; i < readers; i++) {
            String[] c = readerClients.get(i);
            long offset = (long) (1e9 / readerRate * i / readers); // spread over the first period
            readerPool.execute(() -> {
                try {
                    read(readClient, c[0], c[1], readerRate, start + offset);
                } finally {
                    readersDone.countDown();
                }
            });
        }

        long end = measureUntil;
        while (System.nanoTime() < end) {
            TimeUnit.SECONDS.sleep(1);
        }
        ingest.shutdownNow();
        pushers.shutdown();
        pushers.awaitTermination(60, TimeUnit.SECONDS);
        readersDone.await(60, TimeUnit.SECONDS);
        // the last pushes of the window still travel: give them the 10 s the contract allows a change to show
        TimeUnit.SECONDS.sleep(10);

        long expected = expectedDeliveries(subscriberClients);
        System.out.printf("ingest: %,d events accepted (%,.0f/s), %,d failed, %,d not sent (pushers behind)%n",
                accepted.get(), accepted.get() / (double) (seconds + warmup), failedEvents.get(), behind.get());
        System.out.printf("SSE: %,d of %,d changes received by their subscribers (%.2f %%), push -> received %s   "
                        + "target p99 <= 1 s: %s%n", delivered.get(), expected,
                expected == 0 ? 0 : 100.0 * delivered.get() / expected, delivery.describe(),
                delivery.at(0.99) <= 1000 ? "met" : "NOT met");
        System.out.printf("regional picture: %,d reads, answers %s, %s   target p99 <= 200 ms: %s%n", reads.n.get(),
                new TreeMap<>(readStatuses), reads.describe(), reads.at(0.99) <= 200 ? "met" : "NOT met");
        System.out.printf("load average: %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                .trim());
    }

    /** The topology's organisations with locations that have beds, each location's region noted. */
    private List<Org> organisations() throws Exception {
        Map<String, Org> byId = new TreeMap<>();
        for (SimLocation l : gateway.locations()) {
            if (!l.hasBeds() || l.roazRegionId() == null) {
                continue;
            }
            byId.computeIfAbsent(l.organisationId(), Org::new).locations.add(l);
            logs.put(l.locationId(), new PushLog());
        }
        return new ArrayList<>(byId.values());
    }

    /** {token, region} per client, the clients spread evenly over the regions. */
    private List<String[]> clients(String kind, int n, List<String> regions) throws Exception {
        List<String[]> clients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String region = regions.get(i % regions.size());
            clients.add(new String[] {gateway.rcpsToken("%s%04d".formatted(kind, i), region), region});
        }
        return clients;
    }

    private int failedStreams() {
        return streamStatuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum();
    }

    private void push(Org org, int size) {
        synchronized (org) {
            long micros = Math.max(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()),
                    org.lastOccurredMicros + 1000);
            org.lastOccurredMicros = micros;
            OffsetDateTime occurredAt = OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                    ZoneOffset.UTC);
            List<Object> events = new ArrayList<>(size);
            Set<String> touched = new HashSet<>();
            for (int i = 0; i < size; i++) {
                int k = org.next++;
                SimLocation l = org.locations.get(k % org.locations.size());
                String bed = "RD-%02d".formatted(k / org.locations.size() % BEDS_PER_LOCATION);
                String key = l.locationId() + "/" + bed;
                boolean occupied = !org.occupied.getOrDefault(key, false);
                org.occupied.put(key, occupied);
                events.add(new BedEvent(UUID.randomUUID(), l.locationId(), DEPARTMENT, bed,
                        occupied ? "OCCUPIED" : "AVAILABLE",
                        new BedEvent.Labels("KLINIEK_VOLWASSENEN", "INTERNE_GENEESKUNDE", "BESCHOUWEND", false),
                        occupied ? "NON_COVID" : null, occurredAt));
                touched.add(l.locationId());
            }
            long sent = System.nanoTime();
            boolean measured = sent >= measureFrom && sent < measureUntil;
            // logged before sending: a subscriber may hear of the change before the push's answer arrives
            touched.forEach(loc -> logs.get(loc).add(new Push(micros, sent, measured)));
            try {
                GatewayClient.Response r = gateway.send("POST", "/api/v1/bed-events", Map.of("events", events),
                        org.id);
                if (r.ok()) {
                    JsonNode answer = r.json();
                    accepted.addAndGet(answer.path("accepted").asLong());
                    failedEvents.addAndGet(answer.path("rejected").size());
                } else {
                    failedEvents.addAndGet(size);
                }
            } catch (Exception e) {
                failedEvents.addAndGet(size);
            }
        }
    }

    private void subscribe(HttpClient http, String token, String region) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/" + region + "/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        Listener listener = new Listener(region);
        http.sendAsync(request, info -> {
            streamStatuses.merge(info.statusCode(), 1, Integer::sum);
            if (info.statusCode() == 200) {
                streamsOpen.incrementAndGet();
                return HttpResponse.BodySubscribers.fromLineSubscriber(listener);
            }
            return HttpResponse.BodySubscribers.discarding();
        });
        listeners.add(listener);
    }

    /** One subscriber's stream: per location, how far through its pushes the subscriber has heard. */
    private final class Listener implements Flow.Subscriber<String> {
        final String region;
        final Map<String, Integer> heard = new ConcurrentHashMap<>();

        Listener(String region) {
            this.region = region;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            long now = System.nanoTime();
            try {
                JsonNode data = GatewayClient.JSON.readTree(line.substring(5));
                String loc = data.path("locationId").asText(null);
                if (loc == null || !data.path("lastEventAt").isTextual() || !logs.containsKey(loc)) {
                    return;
                }
                long told = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(data.get("lastEventAt").asText()));
                PushLog log = logs.get(loc);
                int i = heard.getOrDefault(loc, 0);
                for (; i < log.size(); i++) {
                    Push p = log.get(i);
                    if (p.occurredMicros() > told) {
                        break;
                    }
                    if (p.measured()) {
                        delivery.add((now - p.sentNanos()) / 1e6);
                        delivered.incrementAndGet();
                    }
                }
                heard.put(loc, i);
            } catch (Exception ignored) {
                // another kind of change (a stop) or a line cut short: not a bed change
            }
        }

        @Override
        public void onError(Throwable throwable) {
            streamStatuses.merge(-1, 1, Integer::sum);
        }

        @Override
        public void onComplete() {
        }
    }

    /**
     * The measured pushes each subscriber should have heard: those of its region's locations it heard of at all
     * (a hidden organisation's changes do not reach other organisations' coordinators).
     */
    private long expectedDeliveries(List<String[]> subscriberClients) {
        Map<String, Long> measuredPerLocation = new HashMap<>();
        logs.forEach((loc, log) -> {
            long n = 0;
            for (int i = 0; i < log.size(); i++) {
                n += log.get(i).measured() ? 1 : 0;
            }
            measuredPerLocation.put(loc, n);
        });
        long expected = 0;
        for (Listener l : listeners) {
            for (String loc : l.heard.keySet()) {
                expected += measuredPerLocation.getOrDefault(loc, 0L);
            }
        }
        return expected;
    }

    private void read(HttpClient http, String token, String region, double perSecond, long first) {
        URI uri = URI.create(base + "/api/v1/regions/" + region + "/capacity");
        long period = (long) (1e9 / perSecond);
        for (long due = first; due < measureUntil; due += period) {
            long wait = due - System.nanoTime();
            try {
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (due >= measureFrom) {
                    reads.add((System.nanoTime() - due) / 1e6);
                    readStatuses.merge(status, 1, Integer::sum);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                readStatuses.merge(-1, 1, Integer::sum);
            }
        }
    }
}
