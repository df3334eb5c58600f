package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The acute-care map's benchmark (docs/benchmarks.md, issue 21): against a running platform ({@code ./lpz up}), times
 * through the gateway the national reachability and a national scenario (every PC4 area against every emergency
 * department, before and after), and prints median, p95 and the slowest beside the target (a national scenario under
 * 1 s). {@code ./lpz bench --acute-care-map [--runs 30] [--gateway http://127.0.0.1:8080]}.
 */
public final class AcuteCareMapBench {
    private AcuteCareMapBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int runs = Integer.parseInt(args.get("runs", "30"));
        GatewayClient gateway = new GatewayClient(args.get("gateway", "http://127.0.0.1:8080"), "bench-map");

        JsonNode national = gateway.send("GET", "/api/v1/acute-care-map/reachability", null, null).json();
        JsonNode locations = gateway.send("GET", "/api/v1/regions/ROAZ-NHF/locations", null, null).json();
        String closed = null;
        for (JsonNode l : locations.path("locations")) {
            if (l.path("careOffered").toString().contains("\"SEH\"") && !l.path("latitude").isNull()) {
                closed = l.path("locationId").asText();
                break;
            }
        }
        if (closed == null) {
            throw new IllegalStateException("no ED with a position in ROAZ-NHF: is the reference topology loaded?");
        }
        System.out.printf("acute-care map: %d EDs, population %,d, within 45 min %,d (%.2f %%); %s%n",
                national.path("emergencyDepartments").asInt(), national.path("populationTotal").asLong(),
                national.path("populationWithin45").asLong(), 100.0 * national.path("populationWithin45").asLong()
                        / national.path("populationTotal").asLong(), national.path("model").asText());

        List<Double> reach = new ArrayList<>();
        List<Double> scenario = new ArrayList<>();
        List<Double> replay = new ArrayList<>();
        Map<String, Object> body = Map.of("name", "bench: close " + closed, "closeSeh", List.of(closed));
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            GatewayClient.Response r = gateway.send("GET", "/api/v1/acute-care-map/reachability", null, null);
            long t1 = System.nanoTime();
            GatewayClient.Response s = gateway.send("POST", "/api/v1/acute-care-map/scenarios", body, null);
            long t2 = System.nanoTime();
            GatewayClient.Response p = gateway.send("GET", "/api/v1/acute-care-map/replay?closeSeh=" + closed
                    + "&from=" + java.time.LocalDate.now().minusDays(29) + "&to=" + java.time.LocalDate.now(), null,
                    null);
            long t3 = System.nanoTime();
            if (p.status() != 200) {
                throw new IllegalStateException("replay " + p.status() + ": " + GatewayClient.abbreviate(p.body()));
            }
            if (r.status() != 200 || s.status() != 201) {
                throw new IllegalStateException("reachability " + r.status() + ", scenario " + s.status() + ": "
                        + GatewayClient.abbreviate(s.body()));
            }
            if (i >= 3) { // the first three warm the JVMs
                reach.add((t1 - t0) / 1e6);
                scenario.add((t2 - t1) / 1e6);
                replay.add((t3 - t2) / 1e6);
            }
        }
        print("national reachability (GET)", reach, null);
        print("national scenario, close " + closed + " (POST, event-sourced, result in the answer)", scenario, 1000.0);
        print("replay of that closure on 30 days of stop history (GET, reporting-service)", replay, 10_000.0);
    }

    private static void print(String what, List<Double> ms, Double targetMs) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        double max = sorted.get(sorted.size() - 1);
        System.out.printf("%-90s runs %d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%s%n", what, ms.size(), p50, p95,
                max, targetMs == null ? "" : "   target < %.0f ms: %s".formatted(targetMs,
                        max < targetMs ? "MET" : "NOT MET"));
    }
}
