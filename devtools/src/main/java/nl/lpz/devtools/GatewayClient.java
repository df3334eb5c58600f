package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP to the gateway with the local profile's dev tokens: one EPD_SYSTEM token per organisation (an EPD may only
 * write its own organisation's beds), one HOSPITAL token per organisation for the stop procedure and settings, one
 * MIDWIFE token per simulated practice, and an ADMIN token for topology reads. A 401 fetches a fresh token once.
 */
final class GatewayClient {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The ROAZ regions of the reference topology (reference-data/roaz_regions_by_safety_region.csv). */
    static final List<String> ROAZ_REGIONS = List.of("ROAZ-BR", "ROAZ-EU", "ROAZ-LI", "ROAZ-MN", "ROAZ-NHF",
            "ROAZ-NN", "ROAZ-OO", "ROAZ-WE", "ROAZ-ZW", "ROAZ-ZWN");
    private static final String ADMIN = "\0admin";
    private static final String HOSPITAL = "\0hospital:";
    private static final String MIDWIFE = "\0midwife:";
    private static final String RCPS = "\0rcps:";

    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final URI base;
    private final String subjectPrefix;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    GatewayClient(String baseUrl, String subjectPrefix) {
        this.base = URI.create(Args.requireLoopback(baseUrl).replaceAll("/+$", ""));
        this.subjectPrefix = subjectPrefix;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code method path} with a JSON body as EPD_SYSTEM of {@code organisation} (null: as ADMIN). */
    Response send(String method, String path, Object body, String organisation)
            throws IOException, InterruptedException {
        return sendWithKey(method, path, body, organisation == null ? ADMIN : organisation);
    }

    /** {@code method path} with a JSON body as a HOSPITAL user of {@code organisation} (the stop procedure). */
    Response sendAsHospital(String method, String path, Object body, String organisation)
            throws IOException, InterruptedException {
        return sendWithKey(method, path, body, HOSPITAL + organisation);
    }

    /** {@code method path} with a JSON body as a MIDWIFE of {@code practice} in ROAZ region {@code roazRegionId}. */
    Response sendAsMidwife(String method, String path, Object body, String practice, String roazRegionId)
            throws IOException, InterruptedException {
        return sendWithKey(method, path, body, MIDWIFE + practice + "\0" + roazRegionId);
    }

    private Response sendWithKey(String method, String path, Object body, String key)
            throws IOException, InterruptedException {
        Response r = sendOnce(method, path, body, token(key));
        if (r.status() == 401) {
            tokens.remove(key);
            r = sendOnce(method, path, body, token(key));
        }
        return r;
    }

    private Response sendOnce(String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(resp.statusCode(), resp.body());
    }

    /** A dev token of an RCPS coordinator of {@code roazRegionId}, one client ({@code sub}) per {@code name}. */
    String rcpsToken(String name, String roazRegionId) throws IOException, InterruptedException {
        return token(RCPS + name + "\0" + roazRegionId);
    }

    /** A (cached) dev token from {@code POST /dev/tokens}. */
    String token(String key) throws IOException, InterruptedException {
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        if (ADMIN.equals(key)) {
            claims.put("sub", subjectPrefix + "-admin");
            claims.put("roles", List.of("ADMIN"));
        } else if (key.startsWith(MIDWIFE)) {
            String[] practiceAndRegion = key.substring(MIDWIFE.length()).split("\0", 2);
            claims.put("sub", subjectPrefix + "-midwife-" + practiceAndRegion[0]);
            claims.put("roles", List.of("MIDWIFE"));
            claims.put("organisation", practiceAndRegion[0]);
            claims.put("region", practiceAndRegion[1]);
        } else if (key.startsWith(RCPS)) {
            String[] subjectAndRegion = key.substring(RCPS.length()).split("\0", 2);
            claims.put("sub", subjectPrefix + "-rcps-" + subjectAndRegion[0]);
            claims.put("roles", List.of("RCPS"));
            claims.put("region", subjectAndRegion[1]);
        } else if (key.startsWith(HOSPITAL)) {
            String organisation = key.substring(HOSPITAL.length());
            claims.put("sub", subjectPrefix + "-hospital-" + organisation);
            claims.put("roles", List.of("HOSPITAL"));
            claims.put("organisation", organisation);
        } else {
            claims.put("sub", subjectPrefix + "-" + key);
            claims.put("roles", List.of("EPD_SYSTEM"));
            claims.put("organisation", key);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/dev/tokens")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(claims))).build();
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) {
            throw new IOException("POST /dev/tokens answered " + resp.statusCode() + ": " + resp.body());
        }
        String token = JSON.readTree(resp.body()).path("token").asText();
        tokens.put(key, token);
        return token;
    }

    /** All locations of the topology, listed per ROAZ region (falling back to the 25 safety regions). */
    List<SimLocation> locations() throws IOException, InterruptedException {
        Map<String, SimLocation> byId = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        ROAZ_REGIONS.forEach(r -> paths.add("/api/v1/regions/" + r + "/locations"));
        String failure = collect(paths, byId);
        if (byId.isEmpty()) {
            paths.clear();
            for (int vr = 1; vr <= 25; vr++) {
                paths.add("/api/v1/safety-regions/VR%02d/locations".formatted(vr));
            }
            failure = collect(paths, byId);
        }
        if (byId.isEmpty()) {
            throw new IOException("no locations listed by the gateway" + (failure == null ? "" : ": " + failure));
        }
        return List.copyOf(byId.values());
    }

    private String collect(List<String> paths, Map<String, SimLocation> byId) throws IOException, InterruptedException {
        String failure = null;
        for (String path : paths) {
            Response r = send("GET", path, null, null);
            if (!r.ok()) {
                failure = "GET " + path + " -> " + r.status() + " " + abbreviate(r.body());
                continue;
            }
            JsonNode root = r.json();
            JsonNode list = root.isArray() ? root : root.path("locations");
            for (JsonNode n : list) {
                List<String> care = new ArrayList<>();
                n.path("careOffered").forEach(c -> care.add(c.asText()));
                SimLocation l = new SimLocation(n.path("locationId").asText(), n.path("organisationId").asText(),
                        n.path("name").asText(null), n.path("roazRegionId").asText(null),
                        n.hasNonNull("locationType") ? n.get("locationType").asText() : null, care);
                byId.putIfAbsent(l.locationId(), l);
            }
        }
        return failure;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
