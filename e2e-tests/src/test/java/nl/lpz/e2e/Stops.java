package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The stop procedure's vocabulary for tests: providers of a kind registered for one test, declarations, the stop view
 * of a veiligheidsregio, the stop statistics and the {@code stop} events of a regional stream.
 */
final class Stops {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** A stop and its end, extension or warning reach the view and the stream within this time. */
    static final Duration VISIBLE_WITHIN = Lpz.VISIBLE_WITHIN;
    /** A registration reaches stop-service (topic {@code lpz.capacity.topology.v1}) within this time. */
    static final Duration KNOWN_WITHIN = Duration.ofSeconds(30);

    private Stops() {
    }

    /** A veiligheidsregio and the ROAZ region it belongs to (reference-data/roaz_regions_by_safety_region.csv). */
    record Region(String safetyRegionId, String roazRegionId) {
        String stream() {
            return "/api/v1/regions/" + roazRegionId + "/stream";
        }

        String stops() {
            return "/api/v1/safety-regions/" + safetyRegionId + "/stops";
        }
    }

    /** A location registered for one test, offering the given kinds. */
    record Provider(String locationId, String organisationId, Region region) {
        Api.Identity hospital() {
            return Api.hospital(organisationId);
        }
    }

    /**
     * Registers a fresh location of {@code organisationId} in the region (ADMIN, {@code PUT /api/v1/locations/{id}})
     * and waits until stop-service and reporting-service both know it.
     */
    static Provider provider(String organisationId, Region region, String... careOffered) {
        String id = Lpz.unique("E2E");
        Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + id, Lpz.locationBody(organisationId,
                "E2E stop provider " + id, region.roazRegionId(), region.safetyRegionId(), careOffered));
        assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
        Provider p = new Provider(id, organisationId, region);
        awaitKnownToStopService(p.locationId(), organisationId, careOffered.length == 0 ? "SEH" : careOffered[0]);
        Lpz.awaitLocation(Api.admin(), region.roazRegionId(), id, l -> assertThat(l).as("location %s", id).isNotNull());
        return p;
    }

    /**
     * Waits until stop-service has applied the location's {@code LocationRegistered}: a declaration by a hospital of
     * another organisation is {@code 404} while the location is unknown there and {@code 403 FORBIDDEN_ORGANISATION}
     * once it is known. Such a request is refused before any command is sent, so it leaves nothing behind.
     */
    static void awaitKnownToStopService(String locationId, String ownerOrganisation, String kind) {
        Api.Identity stranger = Api.hospital(Lpz.AMC_ORG.equals(ownerOrganisation) ? Lpz.VUMC_ORG : Lpz.AMC_ORG);
        AtomicReference<Api.Response> last = new AtomicReference<>();
        try {
            await().atMost(KNOWN_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Api.Response r = Api.post(stranger, "/api/v1/stops",
                                declaration(locationId, kind, 30, "probe: is the location known?"));
                        last.set(r);
                        return r.status() == 403;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("stop-service did not learn location " + locationId + " within " + KNOWN_WITHIN
                    + "; last answer: " + last.get(), e);
        }
        Api.expectProblem(last.get(), 403, "FORBIDDEN_ORGANISATION");
    }

    /**
     * An instant of a read model equals the instant stop-service answered, to the microsecond: reporting-service keeps
     * times in PostgreSQL {@code timestamptz} (microseconds, rounded), stop-service answers with the clock's
     * nanoseconds. Anything further apart than that rounding is a different instant.
     */
    static void assertStoredInstant(JsonNode actual, Instant expected) {
        Instant a = Lpz.instant(actual);
        assertThat(Duration.between(expected, a).abs()).as("%s vs %s (to the microsecond)", a, expected)
                .isLessThan(Duration.ofNanos(1000));
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    static ObjectNode declaration(String locationId, String kind, int minutes, String reason) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("locationId", locationId);
        body.put("kind", kind);
        body.put("type", "UNPLANNED");
        body.put("expectedDurationMinutes", minutes);
        body.put("reason", reason);
        body.put("mkaContacted", false);
        return body;
    }

    static Api.Response declare(Api.Identity as, String locationId, String kind, int minutes, String reason) {
        return Api.post(as, "/api/v1/stops", declaration(locationId, kind, minutes, reason));
    }

    static Api.Response declare(Provider p, String kind, int minutes, String reason) {
        return declare(p.hospital(), p.locationId(), kind, minutes, reason);
    }

    /** A declaration that must succeed: the 201 body. */
    static JsonNode declared(Provider p, String kind, int minutes, String reason) {
        return expectStatus(declare(p, kind, minutes, reason), 201);
    }

    static ObjectNode extension(int minutes, boolean mkaContacted) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("expectedDurationMinutes", minutes);
        body.put("mkaContacted", mkaContacted);
        return body;
    }

    static Api.Response extend(Api.Identity as, String stopId, int minutes, boolean mkaContacted) {
        return Api.post(as, "/api/v1/stops/" + stopId + "/extend", extension(minutes, mkaContacted));
    }

    static Api.Response end(Api.Identity as, String stopId) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("reason", "e2e: weer open");
        return Api.post(as, "/api/v1/stops/" + stopId + "/end", body);
    }

    static Api.Response lapse(Api.Identity as, String safetyRegionId, String kind) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("kind", kind);
        return Api.post(as, "/api/v1/safety-regions/" + safetyRegionId + "/stops/lapse", body);
    }

    // ---- the stop view of a veiligheidsregio --------------------------------------------------------------------

    static JsonNode view(Api.Identity as, Region region) {
        JsonNode v = expectStatus(Api.get(as, region.stops()), 200);
        assertThat(v.path("safetyRegionId").asText()).as("safetyRegionId of %s", v).isEqualTo(region.safetyRegionId());
        assertThat(v.path("stops").isArray()).as("stops in %s", v).isTrue();
        assertThat(v.path("announcements").isArray()).as("announcements in %s", v).isTrue();
        return v;
    }

    /** The entry with {@code field == id} in the view's {@code list}, or null; fails when it is listed twice. */
    static JsonNode entry(JsonNode view, String list, String field, String id) {
        JsonNode found = null;
        for (JsonNode s : view.path(list)) {
            if (id.equals(s.path(field).asText(null))) {
                assertThat(found).as("%s %s listed twice in %s", field, id, view).isNull();
                found = s;
            }
        }
        return found;
    }

    static JsonNode stopIn(JsonNode view, String stopId) {
        return entry(view, "stops", "stopId", stopId);
    }

    static List<JsonNode> stopsOf(JsonNode view, String locationId) {
        List<JsonNode> out = new ArrayList<>();
        view.path("stops").forEach(s -> {
            if (locationId.equals(s.path("locationId").asText(null))) {
                out.add(s);
            }
        });
        return out;
    }

    /** Waits (≤ {@link #VISIBLE_WITHIN}) until the view, as {@code as} sees it, passes the check; returns it. */
    static JsonNode awaitView(Api.Identity as, Region region, java.util.function.Consumer<JsonNode> check) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(VISIBLE_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode v = view(as, region);
                    last.set(v);
                    check.accept(v);
                });
        return last.get();
    }

    // ---- statistics ---------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/stop-statistics} from yesterday to tomorrow (Europe/Amsterdam): everything of this run. */
    static JsonNode statistics(Api.Identity as) {
        LocalDate today = LocalDate.now(AMSTERDAM);
        return expectStatus(Api.get(as, "/api/v1/stop-statistics?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1)), 200);
    }

    /** The row of a veiligheidsregio and kind, or null. */
    static JsonNode statisticsRow(JsonNode statistics, String safetyRegionId, String kind) {
        assertThat(statistics.path("statistics").isArray()).as("statistics in %s", statistics).isTrue();
        JsonNode found = null;
        for (JsonNode row : statistics.get("statistics")) {
            if (safetyRegionId.equals(row.path("safetyRegionId").asText()) && kind.equals(row.path("kind").asText())) {
                assertThat(found).as("row %s/%s twice in %s", safetyRegionId, kind, statistics).isNull();
                found = row;
            }
        }
        return found;
    }

    /** Waits (≤ {@link #VISIBLE_WITHIN}) until the row of the region and kind passes the check; returns it. */
    static JsonNode awaitStatistics(String safetyRegionId, String kind, java.util.function.Consumer<JsonNode> check) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(VISIBLE_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode row = statisticsRow(statistics(Api.admin()), safetyRegionId, kind);
                    last.set(row);
                    assertThat(row).as("statistics row %s/%s", safetyRegionId, kind).isNotNull();
                    check.accept(row);
                });
        return last.get();
    }

    // ---- stop events of a regional stream -----------------------------------------------------------------------

    /** One {@code stop} event of a stream with the moment this test saw it. */
    record StopEvent(String id, JsonNode data, Instant seenAt) {
        String change() {
            return data.path("change").asText(null);
        }

        String stopId() {
            return data.path("stopId").isTextual() ? data.get("stopId").asText() : null;
        }

        String locationId() {
            return data.path("locationId").asText(null);
        }

        @Override
        public String toString() {
            return id + " " + data;
        }
    }

    /**
     * Collects the {@code stop} events of a stream as they arrive, noting when each was seen (so a test can say how
     * late an expiry reached the region).
     */
    static final class StopStream implements AutoCloseable {
        private final SseClient sse;
        private final List<StopEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread reader;
        private volatile boolean open = true;

        StopStream(Api.Identity as, Region region) {
            this.sse = SseClient.open(as, region.stream(), null);
            assertThat(sse.status).as("GET %s", region.stream()).isEqualTo(200);
            assertThat(sse.contentType).startsWith("text/event-stream");
            this.reader = new Thread(this::drain, "stop-events");
            reader.setDaemon(true);
            reader.start();
        }

        private void drain() {
            while (open) {
                try {
                    SseClient.Event e = sse.next(Duration.ofMillis(50));
                    if (e != null && "stop".equals(e.name())) {
                        events.add(new StopEvent(e.id(), Api.JSON.readTree(e.data()), Instant.now()));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    events.add(new StopEvent(e.toString(), Api.JSON.nullNode(), Instant.now()));
                }
            }
        }

        List<StopEvent> events(Predicate<StopEvent> which) {
            return events.stream().filter(which).toList();
        }

        List<StopEvent> of(String stopId, String change) {
            return events(e -> Objects.equals(stopId, e.stopId()) && change.equals(e.change()));
        }

        List<String> changesOf(String stopId) {
            return events(e -> Objects.equals(stopId, e.stopId())).stream().map(StopEvent::change).toList();
        }

        List<String> changesAt(String locationId) {
            return events(e -> locationId.equals(e.locationId())).stream().map(StopEvent::change).toList();
        }

        /** The first event passing the filter, waiting up to {@code within}. */
        StopEvent await(String what, Duration within, Predicate<StopEvent> which) {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                List<StopEvent> found = events(which);
                if (!found.isEmpty()) {
                    return found.get(0);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no stop event " + what + " within " + within + "; stop events received: "
                            + events);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        StopEvent await(String stopId, String change) {
            return await(change + " of " + stopId, VISIBLE_WITHIN,
                    e -> Objects.equals(stopId, e.stopId()) && change.equals(e.change()));
        }

        List<StopEvent> all() {
            return List.copyOf(events);
        }

        @Override
        public void close() {
            open = false;
            reader.interrupt();
            sse.close();
        }
    }
}
