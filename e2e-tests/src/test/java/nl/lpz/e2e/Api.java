package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP through the gateway: tokens from {@code /dev/tokens}, JSON in and out, answers kept whole for assertions. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** An HTTP answer. */
    record Response(String method, String uri, int status, String contentType, String body,
                    java.net.http.HttpHeaders headers) {
        Response(String method, String uri, int status, String contentType, String body) {
            this(method, uri, status, contentType, body, java.net.http.HttpHeaders.of(Map.of(), (k, v) -> true));
        }

        /** The first value of an answer's header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            String shown = body.length() > 4000 ? body.substring(0, 4000) + "…(" + body.length() + " chars)" : body;
            return method + " " + uri + " → " + status + " [" + contentType + "] " + shown;
        }
    }

    // ---- identities -------------------------------------------------------------------------------------------

    /** A token's claims; {@code organisation} and {@code region} may be null. */
    record Identity(String sub, List<String> roles, String organisation, String region) {
        String token() {
            return TOKENS.computeIfAbsent(sub + "|" + roles + "|" + organisation + "|" + region, k -> issue(this));
        }
    }

    static Identity admin() {
        return new Identity("e2e-admin", List.of("ADMIN"), null, null);
    }

    static Identity epd(String organisation) {
        return new Identity("e2e-epd-" + organisation, List.of("EPD_SYSTEM"), organisation, null);
    }

    static Identity hospital(String organisation) {
        return new Identity("e2e-hospital-" + organisation, List.of("HOSPITAL"), organisation, null);
    }

    static Identity rcps(String roazRegion) {
        return new Identity("e2e-rcps-" + roazRegion, List.of("RCPS"), null, roazRegion);
    }

    /** A first-line midwife: the practice as organisation, its ROAZ region as region. */
    static Identity midwife(String practice, String roazRegion) {
        return new Identity("e2e-midwife-" + practice, List.of("MIDWIFE"), practice, roazRegion);
    }

    static Identity mka(String safetyRegion) {
        return new Identity("e2e-mka-" + safetyRegion, List.of("MKA"), null, safetyRegion);
    }

    static Identity mma(String safetyRegion) {
        return new Identity("e2e-mma-" + safetyRegion, List.of("MMA"), null, safetyRegion);
    }

    private static String issue(Identity id) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", id.sub());
        ArrayNode roles = claims.putArray("roles");
        id.roles().forEach(roles::add);
        if (id.organisation() != null) {
            claims.put("organisation", id.organisation());
        }
        if (id.region() != null) {
            claims.put("region", id.region());
        }
        Response r = send("POST", "/dev/tokens", null, claims.toString(), "application/json");
        assertThat(r.status()).as("token for %s: %s", id, r).isEqualTo(200);
        String token = r.json().path("token").asText("");
        assertThat(token).as("token in %s", r).isNotBlank();
        return token;
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    static Response get(Identity as, String path) {
        return send("GET", path, as, null, null);
    }

    static Response post(Identity as, String path, Object body) {
        return send("POST", path, as, text(body), "application/json");
    }

    static Response put(Identity as, String path, Object body) {
        return send("PUT", path, as, text(body), "application/json");
    }

    static Response send(String method, String path, Identity as, String body, String contentType) {
        return sendWithHeaders(method, path, as == null ? null : "Bearer " + as.token(), body, contentType);
    }

    /** Any request through the gateway; {@code extraHeaders} as name, value, name, value… */
    static Response sendWithHeaders(String method, String path, String authorization, String body, String contentType,
                                    String... extraHeaders) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return exchange(method, path, authorization, publisher, contentType, extraHeaders);
    }

    static Response exchange(String method, String path, String authorization, HttpRequest.BodyPublisher body,
                             String contentType, String... extraHeaders) {
        URI uri = URI.create(Platform.gatewayUrl() + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, body);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", "application/json, application/problem+json");
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, path, r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + method + " " + path, e);
        }
    }

    static String text(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- assertions on answers --------------------------------------------------------------------------------

    static JsonNode expectStatus(Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body().isBlank() ? JSON.nullNode() : r.json();
    }

    static void expect2xx(Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 299);
    }

    /**
     * An RFC 9457 problem: the status, {@code application/problem+json}, {@code type}, {@code title}, {@code status},
     * {@code detail} and a {@code code} that is one of {@code codes}.
     */
    static JsonNode expectProblem(Response r, int status, String... codes) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").isTextual()).as("type in %s", r).isTrue();
        assertThat(p.path("title").isTextual()).as("title in %s", r).isTrue();
        assertThat(p.path("status").asInt()).as("status field in %s", r).isEqualTo(status);
        assertThat(p.path("detail").isTextual()).as("detail in %s", r).isTrue();
        assertThat(p.path("code").asText("")).as("code in %s", r).isIn(Arrays.asList(codes));
        return p;
    }
}
