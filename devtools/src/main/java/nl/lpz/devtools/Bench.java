package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end-to-end benchmark (docs/benchmarks.md). Against a platform started with {@code ./lpz up --no-simulator}, it
 * pushes bed events through the gateway at fixed rates and flat out, and measures when each event became visible in
 * the reporting read model ({@code bed_history.projected_at} of the row whose {@code source_event_id} is the pushed
 * eventId, minus the instant the client sent it; one machine, one clock). Then it measures the raw ceilings on the
 * same machine: Kafka producer {@code acks=all} records/s and PostgreSQL single-row autocommit commits/s.
 * Every target is on the loopback interface; every phase is bounded in time and in events.
 *
 * <pre>--shape spread|one-org|snapshot (docs/benchmarks.md, "Load shapes")
 * --phases 150,1000,max  --duration 30 (s per phase)  --batch 100  --clients 8
 * --beds-per-location 100  --max-events 300000 (per phase)  --drain 90 (s to wait for visibility)  --raw-seconds 10
 * --no-raw  --only-raw  --gateway http://127.0.0.1:8080  --kafka 127.0.0.1:19092
 * --pg-url jdbc:postgresql://127.0.0.1:5432 --pg-user lpz --pg-password lpz  --reporting-db lpz_reporting
 * --module geboortezorg (the generic module path instead of beds, below)</pre>
 *
 * <p>With {@code --module <id>} the same phases push reports of that module of the catalogue instead of bed events:
 * {@code --beds-per-location} units (ids {@code BENCH-001}..) of its first unit kind per location, with figures that
 * keep the definition ({@link ModuleSimulation}), through {@code POST /api/v1/modules/{id}/reports}; visibility is
 * read from {@code module_history}. The clean-up sends each location an empty snapshot of the module, which removes
 * its units of that module (the bench platform has no others).
 */
public final class Bench {
    private static final String DEPARTMENT = "BENCH";

    /** One organisation's bench beds; an organisation is only ever pushed by one client at a time. */
    private static final class Org {
        final String id;
        final List<String[]> beds = new ArrayList<>(); // {locationId, bedId}
        final Map<String, Integer> state = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        long lastOccurredMicros;
        int next;

        Org(String id) {
            this.id = id;
        }
    }

    /** What one phase measured. */
    record Result(String name, double target, int clients, long accepted, long failed, double pushSeconds,
                  long visible, double e2eSeconds, double[] latenciesMs, String note) {
        double pushedPerSecond() {
            return accepted / pushSeconds;
        }

        double e2ePerSecond() {
            return e2eSeconds > 0 ? visible / e2eSeconds : 0;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, i))];
        }
    }

    private final Args args;
    private final GatewayClient gateway;
    private final List<Org> orgs = new ArrayList<>();
    private final int batch;
    private final long maxEvents;
    /** {@code --shape}: how the load is cut into requests (docs/benchmarks.md, "Load shapes"). */
    private final String shape;
    private String loadBefore = "";
    /** The module of {@code --module}, or null for beds. */
    private nl.lpz.modules.ModuleDefinition module;
    private nl.lpz.modules.UnitDefinition moduleUnit;
    private ModuleSimulation moduleFigures;

    private Bench(Args args) {
        this.args = args;
        this.gateway = new GatewayClient(args.get("gateway", "http://127.0.0.1:8080"), "bench");
        this.shape = args.get("shape", "spread");
        if (!List.of("spread", "one-org", "snapshot").contains(shape)) {
            throw new IllegalArgumentException("--shape is spread, one-org or snapshot, not " + shape);
        }
        // a snapshot request carries every bench bed of its location: the phases' rates count those
        this.batch = shape.equals("snapshot") ? args.getInt("beds-per-location", 300)
                : Math.min(1000, args.getInt("batch", shape.equals("one-org") ? 500 : 100));
        this.maxEvents = Long.parseLong(args.get("max-events", "300000"));
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Args.requireLoopback(args.get("kafka", "127.0.0.1:19092"));
        Args.requireLoopback(args.get("pg-url", "jdbc:postgresql://127.0.0.1:5432"));
        new Bench(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        loadBefore = loadAverage();
        if (args.flag("only-raw")) {
            int seconds = args.getInt("raw-seconds", 10);
            printSummary(List.of(), new RawCeilings(args).kafka(seconds), new RawCeilings(args).postgres(seconds));
            return;
        }
        int duration = args.getInt("duration", 30);
        if (args.get("module", null) != null) {
            String id = args.get("module", null);
            List<nl.lpz.modules.ModuleDefinition> shipped = ModuleSimulation.shippedDefinitions();
            module = shipped.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no module " + id + " in " + shipped.stream()
                            .map(nl.lpz.modules.ModuleDefinition::id).toList()));
            moduleUnit = module.units().get(0);
            moduleFigures = new ModuleSimulation(shipped, List.of(), 2020);
            log("module path: %s v%d, unit kind %s".formatted(module.id(), module.version(), moduleUnit.kind()));
        }
        int clients = args.getInt("clients", shape.equals("one-org") ? 4 : 8);
        List<SimLocation> locations = shape.equals("one-org") ? benchOrganisation()
                : gateway.locations().stream().filter(SimLocation::hasBeds).toList();
        int perLocation = Math.max(shape.equals("snapshot") ? 1 : batch,
                args.getInt("beds-per-location", shape.equals("snapshot") ? 300 : 100));
        if (shape.equals("one-org")) {
            // one organisation, pushed by every client at once: client c owns bed c, c + clients, ... of every
            // location, and its beds are ordered bed by bed across the locations, so that each batch spans them all
            for (int c = 0; c < clients; c++) {
                Org part = new Org(locations.get(0).organisationId());
                for (int i = 1 + c; i <= perLocation; i += clients) {
                    for (SimLocation l : locations) {
                        part.beds.add(new String[] {l.locationId(), "%s-%03d".formatted(DEPARTMENT, i)});
                    }
                }
                orgs.add(part);
            }
        } else {
            Map<String, Org> byId = new LinkedHashMap<>();
            for (SimLocation l : locations) {
                Org org = byId.computeIfAbsent(l.organisationId(), Org::new);
                for (int i = 1; i <= perLocation; i++) {
                    org.beds.add(new String[] {l.locationId(), "%s-%03d".formatted(DEPARTMENT, i)});
                }
            }
            orgs.addAll(byId.values());
        }
        log("shape %s: %d locations, %d pushing parts of %d organisations, %d bench beds (department %s, left BLOCKED "
                .formatted(shape, locations.size(), orgs.size(), orgs.stream().map(o -> o.id).distinct().count(),
                        orgs.stream().mapToInt(o -> o.beds.size()).sum(), DEPARTMENT)
                + "afterwards: they count nowhere); " + (shape.equals("snapshot")
                ? "full snapshots of " + perLocation + " beds (PUT .../beds)" : "batches of " + batch));
        for (Org org : orgs) {
            for (String[] bed : org.beds) {
                org.state.put(bed[0] + "/" + bed[1], 3); // pretend BLOCKED: the warm-up sets every bed BLOCKED
            }
        }

        List<Result> results = new ArrayList<>();
        Result warm = phase(module == null ? "warm-up (every bench bed to BLOCKED)"
                : "warm-up (one report per bench unit)", 0, clients, 120, true);
        log(describe(warm));
        for (String p : args.get("phases", "150,5000,max").split(",")) {
            boolean max = p.equalsIgnoreCase("max");
            double rate = max ? 0 : Double.parseDouble(p);
            String name = max ? "flat out (%d clients)".formatted(clients) : "%s events/s".formatted(p);
            Result r = phase(name, rate, clients, duration, false);
            log(describe(r));
            results.add(r);
        }
        if (module == null) {
            Result cleanup = phase("clean-up (every bench bed to BLOCKED)", 0, clients, 120, true);
            log("clean-up: %d events accepted".formatted(cleanup.accepted()));
        } else {
            removeModuleUnits(locations);
        }

        String kafka = "not measured";
        String pg = "not measured";
        if (!args.flag("no-raw")) {
            RawCeilings ceilings = new RawCeilings(args);
            kafka = ceilings.kafka(args.getInt("raw-seconds", 10));
            pg = ceilings.postgres(args.getInt("raw-seconds", 10));
        }
        printSummary(results, kafka, pg);
    }

    // --- the pushed phases -------------------------------------------------------------------------------------

    /**
     * Pushes for {@code seconds} at {@code rate} events/s (0: flat out) from {@code clients} threads, each owning a
     * disjoint set of organisations (so the events of one bed are sent in order), then waits for visibility.
     * {@code toBlocked}: one event per bed, each to BLOCKED (warm-up and clean-up).
     */
    private Result phase(String name, double rate, int clients, int seconds, boolean toBlocked) throws Exception {
        log("phase " + name + " ...");
        if (toBlocked) {
            orgs.forEach(o -> o.next = 0);
        }
        Map<String, Long> sentMicros = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long limit = toBlocked ? Long.MAX_VALUE / 2 : maxEvents;
        AtomicLong budget = new AtomicLong(limit);
        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
        Instant phaseStart = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Org> mine = new ArrayList<>();
            for (int i = c; i < orgs.size(); i += clients) {
                mine.add(orgs.get(i));
            }
            double clientRate = rate / clients;
            long offsetNanos = rate > 0 ? (long) (1e9 * batch / rate * c) : 0;
            futures.add(pool.submit(() -> {
                long n = 0;
                int orgIndex = 0;
                while (System.nanoTime() < endNanos && !mine.isEmpty()) {
                    if (rate > 0) {
                        long due = startNanos + offsetNanos + (long) (1e9 * batch * n / clientRate);
                        long wait = due - System.nanoTime();
                        if (due >= endNanos) {
                            break;
                        }
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    Org org = mine.get(orgIndex++ % mine.size());
                    int size = (int) Math.min(batch, budget.getAndAdd(-batch));
                    if (size <= 0) {
                        break;
                    }
                    if (toBlocked) {
                        size = Math.min(size, org.beds.size() - org.next);
                        if (size <= 0) {
                            if (mine.stream().allMatch(o -> o.next >= o.beds.size())) {
                                break;
                            }
                            continue;
                        }
                    }
                    if (shape.equals("snapshot") && !toBlocked) {
                        n += snapshot(org, sentMicros, accepted, failed, firstError) ? 1 : 0;
                        continue;
                    }
                    push(org, size, toBlocked, sentMicros, accepted, failed, firstError);
                    n++;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double pushSeconds = (System.nanoTime() - startNanos) / 1e9;
        if (toBlocked) {
            orgs.forEach(o -> o.next = 0);
        }
        if (firstError.get() != null) {
            log("  errors: %d events not accepted; first: %s".formatted(failed.get(), firstError.get()));
        }
        return visibility(name, rate, clients, accepted.get(), failed.get(), pushSeconds, phaseStart, sentMicros,
                shape.equals("snapshot") && !toBlocked);
    }

    /** Module clean-up: an empty snapshot of the module per location removes its bench units. */
    private void removeModuleUnits(List<SimLocation> locations) throws InterruptedException {
        int removed = 0;
        for (SimLocation l : locations) {
            try {
                GatewayClient.Response r = gateway.send("PUT", "/api/v1/modules/" + module.id() + "/providers/"
                        + l.locationId() + "/units", Map.of("asOf", OffsetDateTime.now(ZoneOffset.UTC),
                        "units", List.of()), l.organisationId());
                removed += r.status() == 202 ? r.json().path("removed").asInt() : 0;
            } catch (java.io.IOException e) {
                log("clean-up of " + l.locationId() + ": " + e);
            }
        }
        log("clean-up: %d bench units of %s removed".formatted(removed, module.id()));
    }

    private void push(Org org, int size, boolean toBlocked, Map<String, Long> sentMicros, AtomicLong accepted,
                      AtomicLong failed, AtomicReference<String> firstError) throws InterruptedException {
        Instant now = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        // strictly later than this organisation's previous batch, so no event of a bed is ever stale
        micros = Math.max(micros, org.lastOccurredMicros + 1000);
        org.lastOccurredMicros = micros;
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                ZoneOffset.UTC);
        List<Object> events = new ArrayList<>(size);
        List<UUID> ids = new ArrayList<>(size);
        for (int i = 0; module != null && i < size; i++) {
            String[] unit = org.beds.get(org.next++ % org.beds.size());
            String key = unit[0] + "/" + unit[1];
            Map<String, Object> figures = moduleFigures.figures(module, moduleUnit, org.figures.get(key));
            org.figures.put(key, figures);
            UUID id = UUID.randomUUID();
            ids.add(id);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("eventId", id);
            report.put("providerId", unit[0]);
            report.put("unitKind", moduleUnit.kind());
            report.put("unitId", unit[1]);
            report.put("figures", figures);
            report.put("occurredAt", occurredAt);
            events.add(report);
        }
        for (int i = 0; module == null && i < size; i++) {
            String[] bed = org.beds.get(org.next++ % org.beds.size());
            String key = bed[0] + "/" + bed[1];
            int previous = org.state.get(key);
            int status = toBlocked ? 3 : previous == 0 ? 1 : 0; // AVAILABLE <-> OCCUPIED, from BLOCKED to AVAILABLE
            org.state.put(key, status);
            String s = switch (status) {
                case 0 -> "AVAILABLE";
                case 1 -> "OCCUPIED";
                default -> "BLOCKED";
            };
            UUID id = UUID.randomUUID();
            ids.add(id);
            events.add(new BedEvent(id, bed[0], DEPARTMENT, bed[1], s,
                    new BedEvent.Labels("KLINIEK_VOLWASSENEN", "INTERNE_GENEESKUNDE", "BESCHOUWEND", false),
                    status == 1 ? "NON_COVID" : null, occurredAt));
        }
        if (!toBlocked) {
            org.next %= org.beds.size();
        }
        try {
            long sendMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            GatewayClient.Response r = module == null
                    ? gateway.send("POST", "/api/v1/bed-events", Map.of("events", events), org.id)
                    : gateway.send("POST", "/api/v1/modules/" + module.id() + "/reports", Map.of("reports", events),
                    org.id);
            if (r.status() == 202 || r.status() == 200) {
                JsonNode answer = r.json();
                long ok = answer.path("accepted").asLong();
                accepted.addAndGet(ok);
                if (answer.path("rejected").size() > 0) {
                    failed.addAndGet(answer.path("rejected").size());
                    firstError.compareAndSet(null, "rejected " + GatewayClient.abbreviate(answer.path("rejected").toString()));
                }
                ids.forEach(id -> sentMicros.put(id.toString(), sendMicros));
            } else {
                failed.addAndGet(size);
                firstError.compareAndSet(null, r.status() + " " + GatewayClient.abbreviate(r.body()));
            }
        } catch (java.io.IOException e) {
            failed.addAndGet(size);
            firstError.compareAndSet(null, e.toString());
        }
    }

    /**
     * The snapshot shape: a full snapshot of the organisation's next location ({@code PUT .../beds}), every bench bed
     * in it, each flipped (AVAILABLE ↔ OCCUPIED). Counted as accepted: the beds the answer says it changed.
     */
    private boolean snapshot(Org org, Map<String, Long> sentMicros, AtomicLong accepted, AtomicLong failed,
                             AtomicReference<String> firstError) throws InterruptedException {
        List<String> locationIds = org.beds.stream().map(b -> b[0]).distinct().toList();
        String locationId = locationIds.get(org.next++ % locationIds.size());
        long micros = Math.max(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()), org.lastOccurredMicros + 1000);
        org.lastOccurredMicros = micros;
        OffsetDateTime asOf = OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
        List<Object> beds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String[] bed : org.beds) {
            if (!bed[0].equals(locationId)) {
                continue;
            }
            String key = bed[0] + "/" + bed[1];
            int status = org.state.get(key) == 0 ? 1 : 0;
            org.state.put(key, status);
            beds.add(new BedEvent(UUID.randomUUID(), bed[0], DEPARTMENT, bed[1], status == 0 ? "AVAILABLE" : "OCCUPIED",
                    new BedEvent.Labels("KLINIEK_VOLWASSENEN", "INTERNE_GENEESKUNDE", "BESCHOUWEND", false),
                    status == 1 ? "NON_COVID" : null, asOf));
            keys.add(snapshotKey(bed[0], bed[1], micros));
        }
        try {
            long sendMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            GatewayClient.Response r = gateway.send("PUT", "/api/v1/locations/" + locationId + "/beds",
                    Map.of("asOf", asOf, "beds", beds), org.id);
            if (r.status() == 202) {
                long changed = r.json().path("changed").asLong();
                accepted.addAndGet(changed);
                if (changed == keys.size()) {
                    // every bed changed, so every bed has a row to wait for; after a failed snapshot the bench's
                    // idea of some beds is off, and which ones the answer does not say: those are not matched
                    keys.forEach(k -> sentMicros.put(k, sendMicros));
                } else {
                    unmatched.addAndGet(changed);
                }
                return true;
            }
            failed.addAndGet(beds.size());
            firstError.compareAndSet(null, r.status() + " " + GatewayClient.abbreviate(r.body()));
        } catch (java.io.IOException e) {
            failed.addAndGet(beds.size());
            firstError.compareAndSet(null, e.toString());
        }
        return false;
    }

    /** Snapshot changes accepted but not matched to rows (see {@link #snapshot}). */
    private final AtomicLong unmatched = new AtomicLong();

    private static String snapshotKey(String locationId, String bedId, long occurredMicros) {
        return locationId + "|" + bedId + "|" + occurredMicros;
    }

    /**
     * The one-org shape's organisation: {@code --locations} (50) locations {@code BENCH-L01}.. of organisation
     * {@code BENCH-ORG} in VR13 Amsterdam-Amstelland (ROAZ-NHF), registered by ADMIN (idempotent). Their type "bench" keeps the EPD
     * simulator and the spread shape away from them; their beds are left BLOCKED, so they count nowhere.
     */
    private List<SimLocation> benchOrganisation() throws Exception {
        String organisation = args.get("bench-org", "BENCH-ORG");
        int count = args.getInt("locations", 50);
        List<SimLocation> locations = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = "BENCH-L%02d".formatted(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("organisationId", organisation);
            body.put("name", "Bench location " + i);
            body.put("safetyRegionId", "VR13");
            body.put("roazRegionId", "ROAZ-NHF");
            body.put("careOffered", List.of());
            body.put("locationType", "bench");
            GatewayClient.Response r = gateway.send("PUT", "/api/v1/locations/" + id, body, null);
            if (r.status() != 200 && r.status() != 201) {
                throw new IllegalStateException("registering " + id + ": " + r.status() + " " + r.body());
            }
            locations.add(new SimLocation(id, organisation, "Bench location " + i, "ROAZ-NHF", "bench", List.of()));
        }
        log("one-org shape: organisation %s with %d locations registered".formatted(organisation, count));
        return locations;
    }

    /** Waits until the pushed events are in the read model (or stop arriving), then measures latency. */
    private Result visibility(String name, double rate, int clients, long accepted, long failed, double pushSeconds,
                              Instant phaseStart, Map<String, Long> sentMicros, boolean snapshots)
            throws InterruptedException {
        String table = args.get("history-table", module == null ? "bed_history" : "module_history");
        String idColumn = args.get("event-id-column", "source_event_id");
        String atColumn = args.get("projected-at-column", "projected_at");
        int drain = args.getInt("drain", 90);
        // a snapshot's changes carry no pushed event id: they are known by location, bed and the snapshot's asOf
        boolean byBed = snapshots && module == null;
        long notMatched = unmatched.getAndSet(0);
        try (Connection c = reportingConnection();
             PreparedStatement q = c.prepareStatement("select " + idColumn + ", " + atColumn
                     + (byBed ? ", location_id, bed_id, occurred_at" : "") + " from " + table + " where " + atColumn
                     + " >= ?")) {
            q.setFetchSize(10_000);
            // Rows are read incrementally: from the newest projected_at seen minus a margin (a projection
            // transaction commits after its rows got their clock_timestamp()), deduplicated by event id.
            Map<String, Long> visibleMicros = new java.util.HashMap<>();
            long since = ChronoUnit.MICROS.between(Instant.EPOCH, phaseStart) - 1_000_000;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
            long lastProgress = System.nanoTime();
            while (true) {
                q.setTimestamp(1, Timestamp.from(Instant.EPOCH.plus(since, ChronoUnit.MICROS)));
                long newest = since;
                int before = visibleMicros.size();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long atMicros = ChronoUnit.MICROS.between(Instant.EPOCH,
                                rs.getObject(2, OffsetDateTime.class).toInstant());
                        newest = Math.max(newest, atMicros);
                        String id = byBed ? snapshotKey(rs.getString(3), rs.getString(4), ChronoUnit.MICROS.between(
                                Instant.EPOCH, rs.getObject(5, OffsetDateTime.class).toInstant()))
                                : rs.getString(1);
                        if (id != null && sentMicros.containsKey(id)) {
                            visibleMicros.putIfAbsent(id, atMicros);
                        }
                    }
                }
                since = Math.max(since, newest - 10_000_000);
                if (visibleMicros.size() > before) {
                    lastProgress = System.nanoTime();
                }
                if (visibleMicros.size() >= sentMicros.size() || System.nanoTime() > deadline
                        || System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(15)) {
                    break;
                }
                Thread.sleep(500);
            }
            List<Double> latencies = new ArrayList<>();
            long firstSend = sentMicros.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long lastVisible = firstSend;
            for (Map.Entry<String, Long> v : visibleMicros.entrySet()) {
                latencies.add((v.getValue() - sentMicros.get(v.getKey())) / 1000.0);
                lastVisible = Math.max(lastVisible, v.getValue());
            }
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double e2eSeconds = (lastVisible - firstSend) / 1e6;
            String note = sorted.length < sentMicros.size()
                    ? "%d accepted events not visible when the bench stopped waiting (no new ones for 15 s, or --drain %d s)"
                    .formatted(sentMicros.size() - sorted.length, drain) : "";
            if (notMatched > 0) {
                note = (note.isEmpty() ? "" : note + "; ") + notMatched + " changes of snapshots that did not change "
                        + "every bed (after a failed one) accepted but not matched";
            }
            return new Result(name, rate, clients, accepted, failed, pushSeconds, sorted.length, e2eSeconds, sorted,
                    note);
        } catch (SQLException e) {
            return new Result(name, rate, clients, accepted, failed, pushSeconds, 0, 0, new double[0],
                    "visibility not measured: " + e.getMessage());
        }
    }

    private Connection reportingConnection() throws SQLException {
        return DriverManager.getConnection(pgUrl(args.get("reporting-db", "lpz_reporting")),
                args.get("pg-user", "lpz"), args.get("pg-password", "lpz"));
    }

    private String pgUrl(String database) {
        return args.get("pg-url", "jdbc:postgresql://127.0.0.1:5432").replaceAll("/+$", "") + "/" + database;
    }

    // --- output ------------------------------------------------------------------------------------------------

    private static String describe(Result r) {
        return "%s: pushed %,d events in %.1f s = %,.0f/s (%d not accepted); visible %,d, e2e %,.0f/s; "
                .formatted(r.name(), r.accepted(), r.pushSeconds(), r.pushedPerSecond(), r.failed(), r.visible(),
                        r.e2ePerSecond())
                + "push->visible p50 %s p99 %s max %s%s".formatted(ms(r.percentile(50)), ms(r.percentile(99)),
                ms(r.percentile(100)), r.note().isEmpty() ? "" : "; " + r.note());
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 1000 ? "%.2f s".formatted(v / 1000) : "%.0f ms".formatted(v);
    }

    private void printSummary(List<Result> results, String kafka, String pg) {
        System.out.println();
        System.out.println("LPZ benchmark, " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        String header = "%-22s %10s %12s %10s %14s %9s %9s %9s".formatted("phase", "pushed/s", "e2e/s",
                "accepted", "visible", "p50", "p99", "max");
        System.out.println("load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAverage()
                + "  (more than ~1 before means something else ran: the figures are not representative)");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (Result r : results) {
            System.out.println("%-22s %10.0f %12.0f %10d %14s %9s %9s %9s".formatted(r.name(), r.pushedPerSecond(),
                    r.e2ePerSecond(), r.accepted(), r.visible() + "/" + r.accepted(), ms(r.percentile(50)),
                    ms(r.percentile(99)), ms(r.percentile(100))));
        }
        results.stream().filter(r -> !r.note().isEmpty()).forEach(r -> System.out.println("  " + r.name() + ": " + r.note()));
        System.out.println();
        System.out.println("raw ceilings on this machine, same run:");
        System.out.println("  Kafka producer acks=all:            " + kafka);
        System.out.println("  PostgreSQL single-row autocommit:   " + pg);
        System.out.println();
        System.out.println("targets (2 cores; issue 16, shape " + shape + "):");
        double bestE2e = results.stream().mapToDouble(Result::e2ePerSecond).max().orElse(0);
        System.out.println("  sustained e2e >= 10,000 events/s:   " + verdict(bestE2e, 10_000, true, "%,.0f/s"));
        for (Result r : results) {
            if (r.target() == 150) {
                System.out.println("  p99 <= 250 ms at 150 events/s:      " + verdict(r.percentile(99), 250, false, "%.0f ms"));
            } else if (r.target() == 1000) {
                System.out.println("  p99 at 1,000 events/s (no target):  " + ms(r.percentile(99)));
            } else if (r.target() == 5000) {
                System.out.println("  p99 <= 1 s at 5,000 events/s:       " + verdict(r.percentile(99), 1000, false, "%.0f ms"));
            }
        }
    }

    private static String verdict(double value, double target, boolean atLeast, String format) {
        if (Double.isNaN(value) || value == 0 && atLeast) {
            return "not measured";
        }
        boolean met = atLeast ? value >= target : value <= target;
        String v = format.formatted(value);
        if (met) {
            return v + "  MET";
        }
        double by = atLeast ? (target - value) / target * 100 : (value - target) / target * 100;
        return v + "  MISSED by %.0f %%".formatted(by);
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " Bench: " + message);
    }
}
