package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The acute-care map's benchmark (docs/benchmarks.md, issue 21): against a running platform ({@code ./lpz up}), times
 * through the gateway the national reachability, the national areas (the map's shading), the map's locations with
 * their live state, a national scenario closing an ED and one limiting another's hours (every PC4 area against every
 * emergency department, before and after), and the replays of both on 30 days of history (stops, hours, crowding), and
 * prints median, p95 and the slowest beside the targets (a national scenario under 1 s, a 30-day replay under 10 s).
 * {@code ./lpz bench --acute-care-map [--runs 30] [--gateway http://127.0.0.1:8080]}.
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
        List<String> eds = new ArrayList<>();
        for (JsonNode l : locations.path("locations")) {
            if (l.path("careOffered").toString().contains("\"SEH\"") && !l.path("latitude").isNull()) {
                eds.add(l.path("locationId").asText());
            }
        }
        if (eds.size() < 2) {
            throw new IllegalStateException("no two EDs with a position in ROAZ-NHF: is the reference topology loaded?");
        }
        String closed = eds.get(0);
        String limited = eds.get(1);
        System.out.printf("acute-care map: %d EDs, population %,d, within 45 min %,d (%.2f %%); %s%n",
                national.path("emergencyDepartments").asInt(), national.path("populationTotal").asLong(),
                national.path("populationWithin45").asLong(), 100.0 * national.path("populationWithin45").asLong()
                        / national.path("populationTotal").asLong(), national.path("model").asText());

        String period = "&from=" + java.time.LocalDate.now().minusDays(29) + "&to=" + java.time.LocalDate.now();
        Map<String, Object> close = Map.of("name", "bench: close " + closed, "closeSeh", List.of(closed));
        Map<String, Object> limit = Map.of("name", "bench: limit " + limited, "limitHours",
                List.of(Map.of("locationId", limited, "opens", "08:00", "closes", "22:00")));
        Map<String, List<Double>> timings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < runs + 3; i++) {
            boolean counted = i >= 3; // the first three warm the JVMs
            time(timings, counted, "national reachability (GET)", () -> gateway.send("GET",
                    "/api/v1/acute-care-map/reachability", null, null), 200);
            time(timings, counted, "national areas with their minutes, the map's shading (GET)", () -> gateway.send(
                    "GET", "/api/v1/acute-care-map/areas", null, null), 200);
            time(timings, counted, "national map locations with live state (GET, reporting-service)", () ->
                    gateway.send("GET", "/api/v1/acute-care-map/locations", null, null), 200);
            time(timings, counted, "national scenario, close " + closed + " (POST, event-sourced)", () ->
                    gateway.send("POST", "/api/v1/acute-care-map/scenarios", close, null), 201);
            time(timings, counted, "national scenario, limit " + limited + " to 08-22 (POST)", () ->
                    gateway.send("POST", "/api/v1/acute-care-map/scenarios", limit, null), 201);
            time(timings, counted, "replay of the closure on 30 days (GET, reporting-service)", () -> gateway.send(
                    "GET", "/api/v1/acute-care-map/replay?closeSeh=" + closed + "&receiving=" + limited + period,
                    null, null), 200);
            time(timings, counted, "replay of the limit on 30 days, with crowding (GET)", () -> gateway.send("GET",
                    "/api/v1/acute-care-map/replay?limitHours=" + limited + "@08:00-22:00&receiving=" + closed
                            + period, null, null), 200);
        }
        timings.forEach((what, ms) -> print(what, ms, what.contains("scenario") ? Double.valueOf(1000.0)
                : what.startsWith("replay") ? Double.valueOf(10_000.0) : null));
    }

    private interface Call {
        GatewayClient.Response send() throws Exception;
    }

    private static void time(Map<String, List<Double>> timings, boolean counted, String what, Call call, int status)
            throws Exception {
        long t0 = System.nanoTime();
        GatewayClient.Response r = call.send();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.status() != status) {
            throw new IllegalStateException(what + ": " + r.status() + " " + GatewayClient.abbreviate(r.body()));
        }
        if (counted) {
            timings.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
        }
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
