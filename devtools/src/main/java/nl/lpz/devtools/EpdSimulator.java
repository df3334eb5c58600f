package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the EPD systems of every academic and general hospital location: first a full snapshot per location, then
 * a steady stream of bed changes ({@link EpdSimulation}), batched per organisation and pushed through the gateway as
 * that organisation's EPD_SYSTEM. Survives gateway and service restarts: a batch is retried until it is answered,
 * with a fresh token after a 401. Bed counts are generated (see {@link BedPlan}), not real hospital figures.
 *
 * <p>Next to the beds, occasional realistic stops of the regional procedure ({@link StopSimulation}, sent by
 * {@link StopSimulator} as a HOSPITAL user of the location's organisation): on average {@code --stops-per-hour}
 * declarations nationally (more by day), some ended early, some extended once; refusals such as
 * {@code 409 LAST_IN_REGION} are logged and skipped.
 *
 * <pre>--gateway http://127.0.0.1:8080  --rate 20 (events/s nationally, day average)  --scale 1.0 (share of beds)
 * --seed 2020  --tick-ms 1000  --no-snapshot  --max-events N (stop after N events; default: run until killed)
 * --stops-per-hour 6 (stop declarations nationally, day average; 0 = no stops)
 * --module-interval-seconds 60 (a round of module figures, {@link ModuleSimulation}; 0 = none)
 * --refusals-per-hour 6 (birth-care refusals by simulated midwives, {@link CareSettingsSimulation}; 0 = none)</pre>
 *
 * <p>And every module of the catalogue that hospital locations deliver (Spoed, Geboortezorg, ...): each round, each
 * expected location's units with generated figures, through {@code POST /api/v1/modules/{id}/reports}.
 */
public final class EpdSimulator {
    /** One stop declaration per ~10 minutes nationally. */
    static final double DEFAULT_STOPS_PER_HOUR = 6;
    static final double DEFAULT_REFUSALS_PER_HOUR = 6;
    private final GatewayClient gateway;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private EpdSimulator(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        GatewayClient gateway = new GatewayClient(args.get("gateway", "http://127.0.0.1:8080"), "epd-simulator");
        double rate = args.getDouble("rate", 20);
        double scale = args.getDouble("scale", 1.0);
        long tickMs = args.getInt("tick-ms", 1000);
        long maxEvents = Long.parseLong(args.get("max-events", String.valueOf(Long.MAX_VALUE)));
        double stopsPerHour = args.getDouble("stops-per-hour", DEFAULT_STOPS_PER_HOUR);
        new EpdSimulator(gateway).run(rate, scale, args.getInt("seed", 2020), tickMs, !args.flag("no-snapshot"),
                maxEvents, stopsPerHour, args.getInt("module-interval-seconds", 60),
                args.getDouble("refusals-per-hour", DEFAULT_REFUSALS_PER_HOUR));
    }

    private void run(double rate, double scale, long seed, long tickMs, boolean snapshot, long maxEvents,
                     double stopsPerHour, long moduleIntervalSeconds, double refusalsPerHour)
            throws InterruptedException {
        List<SimLocation> locations = awaitTopology();
        EpdSimulation sim = new EpdSimulation(locations, scale, seed);
        long orgs = locations.stream().map(SimLocation::organisationId).distinct().count();
        long academic = locations.stream().filter(SimLocation::academic).count();
        long icu = sim.beds().stream().filter(b -> b.spec.specialistisch().startsWith("IC_")).count();
        log("%d hospital locations (%d academic, %d general) of %d organisations; %d beds, %d of them adult ICU"
                .formatted(locations.size(), academic, locations.size() - academic, orgs, sim.beds().size(), icu));
        log("NOTE: bed counts and bed changes are GENERATED (deterministic, plausible by location type), "
                + "not real hospital figures");
        StopSimulator stops = stopsPerHour > 0 ? new StopSimulator(new StopSimulation(locations, stopsPerHour, seed + 1),
                gateway::sendAsHospital, m -> log("stops: " + m), Duration.ofSeconds(5)) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> log("stopping; " + totals()
                + (stops == null ? "" : "; " + stops.totals())), "simulator-stop"));

        if (snapshot) {
            Instant now = Instant.now();
            for (SimLocation l : locations) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("asOf", OffsetDateTime.ofInstant(now, EpdSimulation.ZONE));
                body.put("beds", sim.snapshot(l, now));
                deliver("PUT", "/api/v1/locations/" + l.locationId() + "/beds", body, l.organisationId(),
                        "snapshot of " + l.locationId());
            }
            log("full snapshot sent for %d locations; now pushing changes at ~%.0f events/s (day average; "
                    .formatted(locations.size(), rate) + "more by day, fewer at night)");
        }

        if (stops != null) {
            Thread t = new Thread(stops, "stop-simulator");
            t.setDaemon(true);
            t.start();
            log("stops: ~%.1f declarations per hour nationally (day average), as HOSPITAL users; GENERATED, not real"
                    .formatted(stopsPerHour));
        }

        if (moduleIntervalSeconds > 0) {
            ModuleSimulation modules = new ModuleSimulation(ModuleSimulation.shippedDefinitions(), locations, seed + 2);
            Thread t = new Thread(() -> runModules(modules, moduleIntervalSeconds), "module-simulator");
            t.setDaemon(true);
            t.start();
            log("modules %s: a round of figures every %d s for every expected location; GENERATED, not real"
                    .formatted(modules.modules().stream().map(m -> m.id() + " v" + m.version()).toList(),
                            moduleIntervalSeconds));
        }

        CareSettingsSimulation care = new CareSettingsSimulation(locations, seed + 3);
        Map<String, String> orgOf = new LinkedHashMap<>();
        locations.forEach(l -> orgOf.put(l.locationId(), l.organisationId()));
        Map<String, List<Map<String, String>>> hours = care.openingHours();
        for (Map.Entry<String, List<Map<String, String>>> ed : hours.entrySet()) {
            String path = "/api/v1/locations/" + ed.getKey() + "/opening-hours/SEH";
            deliver(() -> gateway.sendAsHospital("PUT", path, Map.of("periods", ed.getValue()),
                    orgOf.get(ed.getKey())), "PUT", path, "opening hours of " + ed.getKey());
        }
        log("opening hours: %d EDs open weekdays 08:00-23:00 and weekends 09:00-21:00 (Spoed shows them CLOSED "
                .formatted(hours.size()) + "outside); GENERATED, not real");
        if (refusalsPerHour > 0) {
            Thread t = new Thread(() -> runRefusals(care, refusalsPerHour), "refusal-simulator");
            t.setDaemon(true);
            t.start();
            log("birth-care refusals: ~%.1f per hour nationally, one midwife practice per ROAZ region; GENERATED, "
                    .formatted(refusalsPerHour) + "not real");
        }

        Map<String, String> orgOfLocation = new LinkedHashMap<>();
        locations.forEach(l -> orgOfLocation.put(l.locationId(), l.organisationId()));
        long nextReport = System.currentTimeMillis() + 60_000;
        long next = System.currentTimeMillis();
        while (sent.get() < maxEvents) {
            next += tickMs;
            List<BedEvent> events = sim.tick(Instant.now(), tickMs / 1000.0, rate);
            Map<String, List<BedEvent>> byOrg = new LinkedHashMap<>();
            for (BedEvent e : events) {
                byOrg.computeIfAbsent(orgOfLocation.get(e.locationId()), k -> new java.util.ArrayList<>()).add(e);
            }
            for (Map.Entry<String, List<BedEvent>> batch : byOrg.entrySet()) {
                for (int from = 0; from < batch.getValue().size(); from += 1000) {
                    List<BedEvent> part = batch.getValue().subList(from, Math.min(from + 1000, batch.getValue().size()));
                    sent.addAndGet(part.size());
                    JsonNode answer = deliver("POST", "/api/v1/bed-events", Map.of("events", part), batch.getKey(),
                            part.size() + " events of organisation " + batch.getKey());
                    count(answer);
                }
            }
            if (System.currentTimeMillis() >= nextReport) {
                nextReport += 60_000;
                log(totals() + (stops == null ? "" : "; " + stops.totals()));
            }
            long sleep = next - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            } else {
                next = System.currentTimeMillis(); // fell behind (gateway was down): do not burst to catch up
            }
        }
        log("done: " + totals());
    }

    private void runRefusals(CareSettingsSimulation care, double perHour) {
        long recorded = 0;
        try {
            while (true) {
                Thread.sleep((long) (3_600_000 / perHour));
                var refusal = care.nextRefusal(Instant.now());
                if (refusal.isEmpty()) {
                    log("birth-care refusals: no ROAZ region with two obstetric units; none recorded");
                    return;
                }
                var r = refusal.get();
                JsonNode answer = deliver(() -> gateway.sendAsMidwife("POST", "/api/v1/birth-care/refusals",
                        Map.of("refusals", List.of(r.body())), r.practiceId(), r.roazRegionId()),
                        "POST", "/api/v1/birth-care/refusals", "a refusal of practice " + r.practiceId());
                if (answer != null && answer.path("accepted").asLong() == 1 && recorded++ % 10 == 0) {
                    log("birth-care refusals: %d recorded".formatted(recorded));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runModules(ModuleSimulation modules, long intervalSeconds) {
        long rounds = 0;
        try {
            while (true) {
                long reports = 0;
                for (nl.lpz.modules.ModuleDefinition module : modules.modules()) {
                    for (Map.Entry<String, List<ModuleSimulation.Report>> batch
                            : modules.round(module, Instant.now()).entrySet()) {
                        reports += batch.getValue().size();
                        JsonNode answer = deliver("POST", "/api/v1/modules/" + module.id() + "/reports",
                                Map.of("reports", batch.getValue()), batch.getKey(), batch.getValue().size()
                                        + " " + module.id() + " reports of organisation " + batch.getKey());
                        JsonNode rej = answer == null ? null : answer.path("rejected");
                        if (rej != null && rej.isArray() && !rej.isEmpty()) {
                            log("module reports rejected: " + GatewayClient.abbreviate(rej.toString()));
                        }
                    }
                    for (Map.Entry<String, List<ModuleSimulation.Passage>> batch
                            : modules.passages(module, Instant.now()).entrySet()) {
                        JsonNode answer = deliver("POST", "/api/v1/modules/" + module.id() + "/passages",
                                Map.of("passages", batch.getValue()), batch.getKey(), batch.getValue().size()
                                        + " " + module.id() + " passages of organisation " + batch.getKey());
                        JsonNode rej = answer == null ? null : answer.path("rejected");
                        if (rej != null && rej.isArray() && !rej.isEmpty()) {
                            log("module passages rejected: " + GatewayClient.abbreviate(rej.toString()));
                        }
                    }
                }
                if (rounds++ % 10 == 0) {
                    log("modules: round %d, %d unit reports".formatted(rounds, reports));
                }
                Thread.sleep(intervalSeconds * 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the gateway answers and capacity-service has registered the topology. */
    private List<SimLocation> awaitTopology() throws InterruptedException {
        String last = "";
        for (int attempt = 0; ; attempt++) {
            try {
                List<SimLocation> withBeds = gateway.locations().stream().filter(SimLocation::hasBeds).toList();
                if (!withBeds.isEmpty()) {
                    return withBeds;
                }
                last = "the topology lists no academic or general hospital yet";
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (attempt % 6 == 0) {
                log("waiting for the topology through the gateway: " + last);
            }
            Thread.sleep(5000);
        }
    }

    /**
     * Sends until the gateway answers: retries (with backoff) while it or a service is down, so that the EPD's
     * picture and the platform's stay the same. A 4xx other than 401 is logged and the batch dropped.
     */
    private JsonNode deliver(String method, String path, Object body, String organisation, String what)
            throws InterruptedException {
        return deliver(() -> gateway.send(method, path, body, organisation), method, path, what);
    }

    /** One call to the gateway, as whichever user makes it. */
    @FunctionalInterface
    private interface Call {
        GatewayClient.Response send() throws IOException, InterruptedException;
    }

    private JsonNode deliver(Call call, String method, String path, String what) throws InterruptedException {
        long backoff = 500;
        boolean reported = false;
        while (true) {
            String problem;
            try {
                GatewayClient.Response r = call.send();
                if (r.ok()) {
                    if (reported) {
                        log("gateway answers again");
                    }
                    return r.body() == null || r.body().isBlank() ? null : r.json();
                }
                if (r.status() / 100 == 4 && r.status() != 401 && r.status() != 408 && r.status() != 429) {
                    dropped.incrementAndGet();
                    log("%s %s: %d %s (dropped: %s)".formatted(method, path, r.status(),
                            GatewayClient.abbreviate(r.body()), what));
                    return null;
                }
                problem = r.status() + " " + GatewayClient.abbreviate(r.body());
            } catch (IOException e) {
                problem = e.toString();
            }
            if (!reported) {
                log("gateway unavailable (%s); retrying %s".formatted(problem, what));
                reported = true;
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private void count(JsonNode answer) {
        if (answer == null) {
            return;
        }
        accepted.addAndGet(answer.path("accepted").asLong());
        duplicates.addAndGet(answer.path("duplicates").asLong());
        stale.addAndGet(answer.path("stale").asLong());
        JsonNode rej = answer.path("rejected");
        if (rej.isArray() && !rej.isEmpty()) {
            rejected.addAndGet(rej.size());
            log("rejected: " + GatewayClient.abbreviate(rej.toString()));
        }
    }

    private String totals() {
        return "sent %d events: accepted %d, duplicates %d, stale %d, rejected %d; batches dropped %d".formatted(
                sent.get(), accepted.get(), duplicates.get(), stale.get(), rejected.get(), dropped.get());
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " EpdSimulator: " + message);
    }
}
