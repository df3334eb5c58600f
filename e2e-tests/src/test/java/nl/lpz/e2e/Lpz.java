package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.lpz.testsupport.identity.GatewayProofs;

/** The platform's vocabulary for tests: the reference topology, fresh locations, the regional capacity picture. */
final class Lpz {
    /** Visible in the regional read model within this time of a 202 (issue: "within a second"; generous here). */
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    static final String ROAZ_NHF = "ROAZ-NHF";
    static final String VR13 = "VR13";
    /** Academisch Medisch Centrum (Amsterdam), VR13, ROAZ-NHF: location 100101 of organisation 100101. */
    static final String AMC_ORG = "100101";
    static final String AMC_LOCATION = "100101";
    /** VU Medisch Centrum (Amsterdam), VR13, ROAZ-NHF: location 107901 of organisation 107901. */
    static final String VUMC_ORG = "107901";
    static final String VUMC_LOCATION = "107901";
    /** BovenIJ Ziekenhuis (Amsterdam), VR13, ROAZ-NHF. */
    static final String BOVENIJ_ORG = "100801";
    /** A ROAZ region other than ROAZ-NHF. */
    static final String OTHER_REGION = "ROAZ-ZW";

    private Lpz() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode locationBody(String organisationId, String name, String roazRegionId, String safetyRegionId,
                                   String... careOffered) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("organisationId", organisationId);
        body.put("name", name);
        body.put("roazRegionId", roazRegionId);
        body.put("safetyRegionId", safetyRegionId);
        var care = body.putArray("careOffered");
        for (String c : careOffered) {
            care.add(c);
        }
        return body;
    }

    /**
     * A location of its own for one test, registered by ADMIN in VR13 / ROAZ-NHF under an organisation of the
     * reference topology (shared, history released), so that the test's figures are not mixed with other tests'.
     */
    static String newLocation(String organisationId) {
        String id = unique("E2E");
        Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + id,
                locationBody(organisationId, "E2E location " + id, ROAZ_NHF, VR13, "SEH"));
        assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
        return id;
    }

    // ---- bed events ---------------------------------------------------------------------------------------------

    static Api.Response push(Api.Identity as, Bed... beds) {
        return Api.post(as, "/api/v1/bed-events", Bed.batch(beds));
    }

    static Api.Response push(Api.Identity as, ObjectNode body) {
        return Api.post(as, "/api/v1/bed-events", body);
    }

    static Api.Response push(Api.Identity as, List<Bed> beds) {
        return Api.post(as, "/api/v1/bed-events", Bed.batch(beds));
    }

    /** The 202 answer of a batch, checked for its four fields. */
    record BatchResult(int accepted, int duplicates, int stale, JsonNode rejected, Api.Response response) {
    }

    static BatchResult accepted(Api.Response r) {
        JsonNode body = expectStatus(r, 202);
        assertThat(body.path("accepted").isInt()).as("accepted in %s", r).isTrue();
        assertThat(body.path("duplicates").isInt()).as("duplicates in %s", r).isTrue();
        assertThat(body.path("stale").isInt()).as("stale in %s", r).isTrue();
        assertThat(body.path("rejected").isArray()).as("rejected in %s", r).isTrue();
        return new BatchResult(body.get("accepted").asInt(), body.get("duplicates").asInt(), body.get("stale").asInt(),
                body.get("rejected"), r);
    }

    /** Pushes and expects every event accepted: {@code 202 {"accepted":n,"duplicates":0,"stale":0,"rejected":[]}}. */
    static BatchResult pushAll(Api.Identity as, List<Bed> beds) {
        BatchResult b = accepted(push(as, beds));
        assertThat(b.accepted()).as("accepted of %s", b.response()).isEqualTo(beds.size());
        assertThat(b.duplicates()).as("duplicates of %s", b.response()).isZero();
        assertThat(b.stale()).as("stale of %s", b.response()).isZero();
        assertThat(b.rejected()).as("rejected of %s", b.response()).isEmpty();
        return b;
    }

    static BatchResult pushAll(Api.Identity as, Bed... beds) {
        return pushAll(as, List.of(beds));
    }

    // ---- the regional capacity picture --------------------------------------------------------------------------

    static JsonNode capacity(Api.Identity as, String roazRegionId) {
        return expectStatus(Api.get(as, "/api/v1/regions/" + roazRegionId + "/capacity"), 200);
    }

    static JsonNode capacity(Api.Identity as, String roazRegionId, Instant asOf) {
        return expectStatus(Api.get(as, "/api/v1/regions/" + roazRegionId + "/capacity?asOf=" + asOf), 200);
    }

    /** The location's entry in a regional picture, or null when it is not listed. */
    static JsonNode location(JsonNode picture, String locationId) {
        assertThat(picture.path("locations").isArray()).as("locations in %s", picture).isTrue();
        JsonNode found = null;
        for (JsonNode l : picture.get("locations")) {
            if (locationId.equals(l.path("locationId").asText())) {
                assertThat(found).as("location %s listed twice in %s", locationId, picture).isNull();
                found = l;
            }
        }
        return found;
    }

    /** The element's entry of a location, or null when it is not listed (or the location is null). */
    static JsonNode element(JsonNode location, String specialistisch) {
        if (location == null) {
            return null;
        }
        assertThat(location.path("elements").isArray()).as("elements in %s", location).isTrue();
        for (JsonNode e : location.get("elements")) {
            if (specialistisch.equals(e.path("specialistisch").asText())) {
                return e;
            }
        }
        return null;
    }

    static List<String> elementCodes(JsonNode location) {
        List<String> codes = new ArrayList<>();
        location.path("elements").forEach(e -> codes.add(e.path("specialistisch").asText()));
        return codes;
    }

    /** Waits (≤ {@link #VISIBLE_WITHIN}) until the location's entry, as {@code as} sees it now, passes the check. */
    static JsonNode awaitLocation(Api.Identity as, String roazRegionId, String locationId, Consumer<JsonNode> check) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO)
                .ignoreExceptions() // e.g. a null entry before the location is visible; the last one is reported
                .untilAsserted(() -> {
                    JsonNode l = location(capacity(as, roazRegionId), locationId);
                    last.set(l);
                    check.accept(l);
                });
        return last.get();
    }

    /** {@code {capacity, available, occupied}} of a figures object. */
    static void assertFigures(JsonNode figures, int capacity, int available, int occupied) {
        assertThat(figures).as("figures").isNotNull();
        assertThat(figures.path("capacity").isInt() && figures.path("available").isInt()
                && figures.path("occupied").isInt()).as("integer figures in %s", figures).isTrue();
        assertThat(List.of(figures.get("capacity").asInt(), figures.get("available").asInt(),
                figures.get("occupied").asInt()))
                .as("[capacity, available, occupied] of %s", figures)
                .containsExactly(capacity, available, occupied);
    }

    static Instant instant(JsonNode text) {
        assertThat(text != null && text.isTextual()).as("an ISO-8601 instant, got %s", text).isTrue();
        return OffsetDateTime.parse(text.asText()).toInstant();
    }

    /**
     * One bed event straight to a backend instance (e.g. {@code "capacity-2"}), bypassing the gateway, with the identity
     * headers the gateway would set for AMC's EPD and its proof, signed with the platform gateway's key.
     */
    static Api.Response pushDirect(String instance, Bed event) {
        return pushDirect(instance, event, Proof.VALID);
    }

    /** How {@link #pushDirect(String, Bed, Proof)} proves the caller to the service. */
    enum Proof { VALID, NONE, OTHER_PATH, EXPIRED, OTHER_KEY }

    static Api.Response pushDirect(String instance, Bed event, Proof proof) {
        String path = "/api/v1/bed-events";
        String url = Platform.baseUrl(instance) + path;
        String subject = "e2e-epd-" + AMC_ORG;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("X-Lpz-Subject", subject)
                .header("X-Lpz-Roles", "EPD_SYSTEM")
                .header("X-Lpz-Organisation", AMC_ORG)
                .POST(HttpRequest.BodyPublishers.ofString(Api.text(Bed.batch(event)),
                        StandardCharsets.UTF_8));
        GatewayProofs gateway = proof == Proof.OTHER_KEY ? GatewayProofs.randomKey()
                : GatewayProofs.fromPem(Platform.gatewayIdentityKey());
        switch (proof) {
            case NONE -> { }
            case OTHER_PATH -> builder.header("X-Lpz-Identity-Proof",
                    gateway.sign(subject, "EPD_SYSTEM", AMC_ORG, null, "POST", "/api/v1/locations/" + event.locationId()));
            case EXPIRED -> builder.header("X-Lpz-Identity-Proof", gateway.sign(subject, "EPD_SYSTEM", AMC_ORG, null,
                    "POST", path, Instant.now().minusSeconds(600)));
            case VALID, OTHER_KEY -> builder.header("X-Lpz-Identity-Proof",
                    gateway.sign(subject, "EPD_SYSTEM", AMC_ORG, null, "POST", path));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = Api.HTTP.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response("POST", url, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
