package nl.lpz.devtools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's abuse limits under a flood (docs/benchmarks.md, issue 14; ADR 0016). Against a running platform, a
 * steady client (its own organisation) sends {@code GET --path} at a fixed rate, first alone, then while a flooding
 * client of another organisation sends the same request flat out from several threads. Prints the steady client's
 * p50/p99/max in both phases and what the flood got (answers per status, the 429 share).
 *
 * <pre>./lpz bench --rate-limit [--seconds 15] [--steady-rate 20] [--flood-threads 8]
 *     [--path /api/v1/code-lists/labels] [--gateway http://127.0.0.1:8080]</pre>
 */
public final class RateLimitBench {
    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String steadyToken;
    private final String floodToken;

    private RateLimitBench(Args args) throws Exception {
        String gateway = args.get("gateway", "http://127.0.0.1:8080");
        GatewayClient tokens = new GatewayClient(gateway, "bench-rl");
        this.target = URI.create(gateway.replaceAll("/+$", "") + args.get("path", "/api/v1/code-lists/labels"));
        this.steadyToken = tokens.token("RL-STEADY");
        this.floodToken = tokens.token("RL-FLOOD");
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int seconds = args.getInt("seconds", 15);
        double rate = args.getDouble("steady-rate", 20);
        int threads = args.getInt("flood-threads", 8);
        RateLimitBench bench = new RateLimitBench(args);
        bench.warmUp();
        System.out.printf("rate-limit bench: GET %s; steady client %.0f requests/s for %d s, alone and then beside a "
                + "flood from %d threads (another client and organisation)%n", bench.target, rate, seconds, threads);
        Phase alone = bench.phase(seconds, rate, 0);
        Phase flooded = bench.phase(seconds, rate, threads);
        alone.print("steady client alone");
        flooded.print("steady client during the flood");
        long floodTotal = flooded.flood.values().stream().mapToLong(Integer::longValue).sum();
        int refused = flooded.flood.getOrDefault(429, 0);
        System.out.printf("flood: %,d requests in %d s (%,.0f/s), answers %s, 429 share %.1f %%, served %,.0f/s%n",
                floodTotal, seconds, floodTotal / (double) seconds, flooded.flood, 100.0 * refused / floodTotal,
                flooded.flood.getOrDefault(200, 0) / (double) seconds);
        System.exit(0);
    }

    record Phase(List<Double> steadyMs, Map<Integer, Integer> steadyStatuses, Map<Integer, Integer> flood) {
        void print(String what) {
            List<Double> sorted = new ArrayList<>(steadyMs);
            sorted.sort(null);
            System.out.printf("%-32s requests %4d  answers %s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                    sorted.size(), steadyStatuses, at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
        }

        private static double at(List<Double> sorted, double p) {
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
        }
    }

    private void warmUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            send(steadyToken);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private Phase phase(int seconds, double rate, int floodThreads) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(floodThreads + 1);
        Map<Integer, Integer> flood = new ConcurrentHashMap<>();
        List<Future<?>> floods = new ArrayList<>();
        for (int t = 0; t < floodThreads; t++) {
            floods.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    flood.merge(send(floodToken), 1, Integer::sum);
                }
                return null;
            }));
        }
        List<Double> latencies = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger n = new AtomicInteger();
        long start = System.nanoTime();
        Future<?> steady = pool.submit(() -> {
            // open loop: a slow answer delays only the next request, which is then sent at once
            while (true) {
                long due = start + (long) (1e9 * n.getAndIncrement() / rate);
                if (due >= end) {
                    return null;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long t0 = System.nanoTime();
                int status = send(steadyToken);
                latencies.add((System.nanoTime() - t0) / 1e6);
                statuses.merge(status, 1, Integer::sum);
            }
        });
        steady.get();
        for (Future<?> f : floods) {
            f.get();
        }
        pool.shutdown();
        return new Phase(latencies, new TreeMap<>(statuses), new TreeMap<>(flood));
    }

    private int send(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
