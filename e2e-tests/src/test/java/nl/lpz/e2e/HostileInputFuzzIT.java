package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lpz.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "Input hardening": every endpoint under {@code /api/v1} answers malformed input with a 4xx
 * {@code application/problem+json} that carries a stable {@code code}, whatever the content type, charset, id shape,
 * query or header, and never appends anything. A seeded generator of our own drives each endpoint (the 58 of
 * {@link #endpoints()}, taken from the services' controllers and the contract) through the gateway with
 * {@code -Dlpz.hostile.requests} (default 10,000) hostile requests: odd and missing Content-Types and charsets
 * (multipart, XML, {@code charset=latin1}, garbage), bodies that are not JSON, of the wrong type, nested 100,000 deep,
 * with huge numbers, NUL and control characters, lone surrogates or invalid UTF-8 bytes; ids with NUL, %-encoded
 * garbage, unicode, 65+ characters, {@code ..} and encoded slashes; malformed query strings (bad % escapes, repeated,
 * huge and unknown parameters, bad dates); odd headers (Accept, Last-Event-ID, If-None-Match, huge values, broken
 * Content-Length and chunking); wrong methods. What java.net.http refuses to send (bad escapes, raw bytes in the
 * request line, control characters in headers, restricted headers) goes over a raw socket, byte for byte.
 * <p>
 * Invariants, each collected as a violation and reported together (request number, method, target, headers, body
 * excerpt, answer):
 * <ul>
 *   <li>an answer within 10 s, and never a 5xx;</li>
 *   <li>every 4xx is {@code application/problem+json} whose {@code code} is a non-empty upper-case string;</li>
 *   <li>a request that is invalid by the contract (every generated write is: its body always carries a defect,
 *       so that no write the generator makes could be a valid one) is refused: a 2xx to it is a violation, except
 *       a batch answer that accepted nothing and rejected every item (the contract's per-event refusal);</li>
 *   <li>nothing was appended: no new row in capacity-service's or stop-service's Axon {@code domain_event_entry}
 *       (stop-service's own deadline events aside: stops of earlier classes may expire meanwhile), and no change in
 *       the acute-care scenarios, validation submissions and differences, or compliance activations.</li>
 * </ul>
 * Requests the contract leaves open (an unknown query parameter, an odd Accept, {@code ..} in a path, an asOf far
 * outside the platform's years) only need a non-5xx answer, and a problem when it is a 4xx.
 * <p>
 * Isolation: an organisation of its own with one location offering no care (so no stop rule, map or figure of
 * another class changes), registered in a veiligheidsregio no other class uses; writes never carry a valid body.
 * <p>
 * Seed: printed at the start; repeat a run with {@code -Dlpz.hostile.seed=<seed>}, and single requests of it with
 * {@code -Dlpz.hostile.only=<n>,<n>…} (the whole sequence is generated first, so the numbers stay the same).
 * {@code -Dlpz.hostile.threads} (default 4) requests are in flight at once.
 */
@Order(Integer.MAX_VALUE - 4)
class HostileInputFuzzIT {
    static final long SEED = Long.getLong("lpz.hostile.seed", new Random().nextLong());
    static final int REQUESTS = Integer.getInteger("lpz.hostile.requests", 10_000);
    static final int THREADS = Integer.getInteger("lpz.hostile.threads", 4);
    static final Set<Integer> ONLY = Arrays.stream(System.getProperty("lpz.hostile.only", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Stop-service's deadline events: appended by the boards' own schedules, never by a request. */
    static final String STOP_DEADLINE_EVENTS = "%(StopExpiryWarned|StopExpired|PlannedStopReminder|StopAnnouncementLapsed)";

    static String org;
    static String loc;
    static String vr;
    static String roaz;
    static String practice;
    static String stopId;
    static String gatewayHost;
    static int gatewayPort;
    static Connection capacityDb;
    static Connection stopDb;
    static Connection reportingDb;

    // ---- the endpoints ----------------------------------------------------------------------------------------------

    /** What a query parameter holds, for the values that are certainly wrong for it. */
    enum Param { INSTANT, DATE, MONTH, QUARTER, CURSOR, INT, ID, EVENT_ID, FREE }

    /**
     * One endpoint: method, path template ({@code {loc}}, {@code {org}}, … filled from the fixture), a caller that
     * may use it, its query parameters with a valid value each (null: not sent unless mutated), a body template for
     * writes ({@code bodyOptional}: the endpoint also takes no body, which the generator therefore never sends).
     */
    record Endpoint(String method, String template, Supplier<Api.Identity> caller,
                    Map<String, Object[]> params, String body, boolean bodyOptional, boolean batch, boolean stream) {
        boolean write() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + template;
        }

        Api.Identity as() {
            return caller.get();
        }
    }

    static List<Endpoint> endpoints() {
        String now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        String later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String later2 = Instant.now().plus(1, ChronoUnit.DAYS).plusSeconds(7200).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String yesterday = LocalDate.now().minusDays(1).toString();
        String labels = "{\"specialistisch\":\"IC_BEADEMD\",\"specialisme\":null,\"snijdendBeschouwend\":null,"
                + "\"covid\":false}";
        String bed = "\"locationId\":\"{loc}\",\"departmentId\":\"IC\",\"bedId\":\"bed-1\",\"status\":\"AVAILABLE\","
                + "\"labels\":" + labels + ",\"patientCovidStatus\":null,\"occurredAt\":\"" + now + "\"";
        Supplier<Api.Identity> hospital = () -> Api.hospital(org);
        Supplier<Api.Identity> epd = () -> Api.epd(org);
        Supplier<Api.Identity> admin = () -> Api.admin();
        Supplier<Api.Identity> rcps = () -> Api.rcps(roaz);
        Supplier<Api.Identity> lcps = () -> new Api.Identity("e2e-hostile-lcps", List.of("LCPS"), null, null);
        Supplier<Api.Identity> midwife = () -> Api.midwife(practice, roaz);
        List<Endpoint> e = new ArrayList<>();
        // capacity-service
        e.add(write("PUT", "/api/v1/locations/{loc}/opening-hours/SEH", hospital,
                "{\"periods\":[{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"23:00\"}]}"));
        e.add(write("PUT", "/api/v1/locations/{loc}/care-profile", hospital,
                "{\"traumaLevel\":2,\"strokeIat\":true,\"nicuLevel\":1,\"picu\":false,\"obstetricsLevel\":1}"));
        e.add(write("PUT", "/api/v1/locations/{loc}/thresholds", hospital,
                "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1}]}"));
        e.add(write("PUT", "/api/v1/organisations/{org}/visibility", hospital,
                "{\"shared\":false,\"releaseHistory\":false}"));
        e.add(write("PUT", "/api/v1/locations/{loc}/contacts", hospital,
                "{\"regiehouderSeh\":[{\"name\":\"J. de Vries\",\"phone\":\"+31205669111\"}],"
                        + "\"beddencoordinator\":[{\"name\":\"A. Jansen\",\"phone\":\"+31205660000\"}]}"));
        e.add(read("/api/v1/modules", admin));
        e.add(read("/api/v1/modules/spoed", admin, "version", Param.INT, null));
        e.add(batch("POST", "/api/v1/modules/spoed/reports", epd,
                "{\"reports\":[{\"eventId\":\"{uuid}\",\"providerId\":\"{loc}\",\"unitKind\":\"SEH\",\"unitId\":\"u1\","
                        + "\"figures\":{\"patients\":3},\"occurredAt\":\"" + now + "\"}]}"));
        e.add(write("PUT", "/api/v1/modules/spoed/providers/{loc}/units", epd,
                "{\"asOf\":\"" + now + "\",\"units\":[{\"unitKind\":\"SEH\",\"unitId\":\"u1\",\"figures\":"
                        + "{\"patients\":3},\"occurredAt\":\"" + now + "\"}]}"));
        e.add(batch("POST", "/api/v1/modules/spoed/passages", epd,
                "{\"passages\":[{\"eventId\":\"{uuid}\",\"providerId\":\"{loc}\",\"unitKind\":\"SEH\",\"unitId\":\"u1\","
                        + "\"moments\":{\"arrival\":\"" + now + "\"}}]}"));
        e.add(write("PUT", "/api/v1/locations/{loc}", admin,
                "{\"organisationId\":\"{org}\",\"name\":\"HX {loc}\",\"roazRegionId\":\"{roaz}\","
                        + "\"safetyRegionId\":\"{vr}\",\"careOffered\":[]}"));
        e.add(read("/api/v1/locations/{loc}", admin));
        e.add(read("/api/v1/safety-regions/{vr}/locations", admin));
        e.add(read("/api/v1/regions/{roaz}/locations", admin));
        e.add(batch("POST", "/api/v1/birth-care/refusals", midwife,
                "{\"refusals\":[{\"eventId\":\"{uuid}\",\"refusedLocationId\":\"{loc}\",\"occurredAt\":\"" + now
                        + "\",\"reason\":\"CAPACITY\",\"takenByLocationId\":null}]}"));
        e.add(write("POST", "/api/v1/acute-care-map/scenarios", rcps,
                "{\"name\":\"HX\",\"careKind\":\"SEH\",\"closeSeh\":[\"{loc}\"],\"limitHours\":[{\"locationId\":"
                        + "\"{loc}\",\"opens\":\"08:00\",\"closes\":\"20:00\"}],\"openSeh\":[{\"name\":\"HX\","
                        + "\"latitude\":52.1,\"longitude\":4.9}],\"region\":\"{vr}\"}"));
        e.add(read("/api/v1/acute-care-map/scenarios/HX-unknown-scenario", rcps));
        e.add(read("/api/v1/acute-care-map/scenarios", rcps));
        e.add(read("/api/v1/acute-care-map/reachability", admin, "region", Param.ID, "{vr}", "care", Param.ID, "SEH",
                "unavailable", Param.ID, null));
        e.add(read("/api/v1/acute-care-map/areas", admin, "region", Param.ID, "{vr}", "care", Param.ID, "SEH",
                "unavailable", Param.ID, null));
        e.add(read("/api/v1/code-lists/labels", admin));
        e.add(read("/api/v1/safety-regions", admin));
        e.add(batch("POST", "/api/v1/bed-events", epd, "{\"events\":[{\"eventId\":\"{uuid}\"," + bed + "}]}"));
        e.add(write("PUT", "/api/v1/locations/{loc}/beds", epd, "{\"asOf\":\"" + now + "\",\"beds\":[{" + bed + "}]}"));
        // stop-service
        e.add(write("POST", "/api/v1/stops", hospital,
                "{\"locationId\":\"{loc}\",\"kind\":\"SEH\",\"type\":\"UNPLANNED\",\"expectedDurationMinutes\":60,"
                        + "\"reason\":\"HX\",\"mkaContacted\":false}"));
        e.add(read("/api/v1/regions/{roaz}/norm-times", admin));
        e.add(write("POST", "/api/v1/stops/{stop}/extend", hospital,
                "{\"expectedDurationMinutes\":120,\"mkaContacted\":false,\"reason\":\"HX\"}"));
        e.add(optional("POST", "/api/v1/stops/{stop}/end", hospital, "{\"reason\":\"HX\"}"));
        e.add(write("POST", "/api/v1/safety-regions/{vr}/stops/lapse", () -> Api.mma(vr),
                "{\"kind\":\"SEH\",\"reason\":\"HX\"}"));
        e.add(write("POST", "/api/v1/stop-announcements", hospital,
                "{\"locationId\":\"{loc}\",\"kind\":\"SEH\",\"plannedStart\":\"" + later + "\",\"plannedEnd\":\""
                        + later2 + "\",\"reason\":\"HX\"}"));
        // reporting-service
        e.add(read("/api/v1/regions/{roaz}/modules/spoed/lead-times", rcps, "from", Param.DATE, yesterday, "to",
                Param.DATE, yesterday));
        e.add(read("/api/v1/regions/{roaz}/modules/spoed", rcps, "asOf", Param.INSTANT, null));
        e.add(read("/api/v1/regions/{roaz}/modules/spoed/period-report", rcps, "day", Param.DATE, yesterday,
                "quarter", Param.QUARTER, null, "from", Param.DATE, null, "to", Param.DATE, null));
        e.add(read("/api/v1/compliance/modules", admin, "moduleId", Param.ID, null, "roazRegionId", Param.ID, null,
                "asOf", Param.INSTANT, null));
        e.add(read("/api/v1/rcps/{roaz}/daily", rcps, "date", Param.DATE, yesterday));
        e.add(read("/api/v1/compliance", admin, "module", Param.ID, "COVID", "roazRegionId", Param.ID, null, "asOf",
                Param.INSTANT, null));
        e.add(optional("POST", "/api/v1/compliance/modules/COVID/activation", admin,
                "{\"deadline\":\"2030-01-01T00:00:00Z\"}"));
        e.add(read("/api/v1/compliance/modules/COVID/activation", admin));
        e.add(new Endpoint("DELETE", "/api/v1/compliance/modules/COVID/activation", admin, Map.of(), null, false,
                false, false));
        e.add(read("/api/v1/locations/{loc}/profile", hospital));
        e.add(read("/api/v1/public/capacity", lcps));
        e.add(read("/api/v1/locations/{loc}/refusals", hospital, "from", Param.DATE, null, "to", Param.DATE, null));
        e.add(read("/api/v1/regions/{roaz}/refusals/monthly", rcps, "from", Param.MONTH, null, "to", Param.MONTH,
                null));
        e.add(read("/api/v1/birth-care/refusals/mine", midwife, "from", Param.DATE, null, "to", Param.DATE, null));
        e.add(write("POST", "/api/v1/validation/{org}/submissions", hospital,
                "{\"date\":\"" + yesterday + "\",\"locations\":[{\"locationId\":\"{loc}\",\"elements\":[{"
                        + "\"specialistisch\":\"IC_BEADEMD\",\"covid\":{\"capacity\":1,\"occupied\":0},"
                        + "\"nonCovid\":{\"capacity\":2,\"occupied\":1}}]}]}"));
        e.add(read("/api/v1/validation/{org}/submissions", hospital));
        e.add(read("/api/v1/validation/{org}/submissions/HX-unknown-submission", hospital));
        e.add(write("PUT", "/api/v1/validation/{org}/differences/HX-unknown-difference", hospital,
                "{\"classification\":\"TECHNICAL\",\"note\":\"HX\"}"));
        e.add(read("/api/v1/validation/{org}/visibility-history", hospital));
        e.add(read("/api/v1/validation/report", admin, "from", Param.DATE, yesterday, "to", Param.DATE, yesterday));
        e.add(read("/api/v1/lcps/children-icu", lcps, "asOf", Param.INSTANT, null));
        e.add(read("/api/v1/lcps/feed", lcps, "since", Param.CURSOR, null, "date", Param.DATE, null));
        e.add(read("/api/v1/acute-care-map/locations", admin, "region", Param.ID, "{vr}"));
        e.add(read("/api/v1/acute-care-map/replay", admin, "care", Param.ID, "SEH", "closeSeh", Param.ID, "100101",
                "limitHours", Param.FREE, null, "receiving", Param.ID, null, "from", Param.DATE, yesterday, "to",
                Param.DATE, yesterday));
        Endpoint stream = read("/api/v1/regions/{roaz}/stream", rcps, "lastEventId", Param.EVENT_ID, null);
        e.add(new Endpoint(stream.method(), stream.template(), stream.caller(), stream.params(), null, false, false,
                true));
        e.add(read("/api/v1/regions/{roaz}/capacity", rcps, "asOf", Param.INSTANT, null));
        e.add(read("/api/v1/safety-regions/{vr}/stops", () -> Api.mka(vr), "asOf", Param.INSTANT, null));
        e.add(read("/api/v1/stop-statistics", admin, "from", Param.DATE, yesterday, "to", Param.DATE, yesterday));
        return e;
    }

    private static Endpoint write(String method, String template, Supplier<Api.Identity> caller, String body) {
        return new Endpoint(method, template, caller, Map.of(), body, false, false, false);
    }

    private static Endpoint batch(String method, String template, Supplier<Api.Identity> caller, String body) {
        return new Endpoint(method, template, caller, Map.of(), body, false, true, false);
    }

    private static Endpoint optional(String method, String template, Supplier<Api.Identity> caller,
                                     String body) {
        return new Endpoint(method, template, caller, Map.of(), body, true, false, false);
    }

    /** A GET; {@code params} as name, kind, valid value (null: not sent by default), name, kind, value… */
    private static Endpoint read(String template, Supplier<Api.Identity> caller, Object... params) {
        Map<String, Object[]> p = new LinkedHashMap<>();
        for (int i = 0; i + 2 < params.length; i += 3) {
            p.put((String) params[i], new Object[] {params[i + 1], params[i + 2]});
        }
        return new Endpoint("GET", template, caller, p, null, false, false, false);
    }

    // ---- set-up -------------------------------------------------------------------------------------------------------

    @BeforeAll
    static void anOrganisationAndALocationOfItsOwn() throws SQLException {
        System.out.println("HostileInputFuzzIT seed=" + SEED + " requests=" + REQUESTS + " threads=" + THREADS
                + " (repeat with -Dlpz.hostile.seed=" + SEED + ")");
        assertThat(Platform.has(Platform.STOP)).as("stop-service runs in the platform (build its jar first)").isTrue();
        URI gateway = URI.create(Platform.gatewayUrl());
        gatewayHost = gateway.getHost();
        gatewayPort = gateway.getPort();
        chooseARegionNobodyUses();
        org = Lpz.unique("HX");
        practice = Lpz.unique("VP-HX");
        loc = Lpz.unique("HX");
        // no care offered: no stop rule, acute-care map or regional figure of any other class sees this location
        Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + loc,
                Lpz.locationBody(org, "HX " + loc, roaz, vr));
        assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
        stopId = vr + ".SEH.0123456789abcdef0123456789abcdef";
        capacityDb = connect(Platform.CAPACITY);
        stopDb = connect(Platform.STOP);
        reportingDb = connect(Platform.REPORTING);
        System.out.println("HostileInputFuzzIT: organisation " + org + ", location " + loc + " in " + vr + "/" + roaz);
    }

    @AfterAll
    static void closeTheDatabases() throws SQLException {
        for (Connection c : new Connection[] {capacityDb, stopDb, reportingDb}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** A veiligheidsregio that no other class names (they use VR01, 05, 06, 10, 13, 19, 23), and its ROAZ region. */
    private static void chooseARegionNobodyUses() {
        Set<String> taken = Set.of("VR01", "VR05", "VR06", "VR10", "VR13", "VR19", "VR21", "VR23");
        for (int i = 24; i >= 2; i--) {
            String candidate = String.format("VR%02d", i);
            if (!taken.contains(candidate)) {
                JsonNode listing = Api.expectStatus(Api.get(Api.admin(),
                        "/api/v1/safety-regions/" + candidate + "/locations"), 200);
                if (listing.path("roazRegionId").isTextual()) {
                    vr = candidate;
                    roaz = listing.get("roazRegionId").asText();
                    return;
                }
            }
        }
        throw new IllegalStateException("no veiligheidsregio of its own");
    }

    // ---- the tests ------------------------------------------------------------------------------------------------------

    /**
     * The fuzz test asserts what answers to hostile input look like; that only means something if its callers get
     * past the gateway and the services' role and organisation checks. So each endpoint's valid read answers 2xx (or
     * 404 for the ids made up for it), and each write, sent a truncated body, is refused as malformed, not as
     * unauthorised.
     */
    @Test
    void givenTheFuzzersCallers_whenEachEndpointIsAskedProperly_thenNoneRefusesThemAuthorisation() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String path = fill(e.template(), new Random(1));
            if (!e.write()) {
                StringBuilder query = new StringBuilder();
                e.params().forEach((name, spec) -> {
                    if (spec[1] != null) {
                        query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                                .append(fill((String) spec[1], new Random(1)));
                    }
                });
                Hostile h = new Hostile(0, e, "baseline", "GET", path + query, headers(e), null, false, Expect.ANY,
                        List.of());
                Answer a = send(h);
                if (a.error() != null || !(a.status() >= 200 && a.status() < 300 || a.status() == 404)) {
                    wrong.add(e.name() + " → " + a);
                }
            } else if (e.body() != null) {
                String body = fill(e.body(), new Random(1));
                Hostile h = new Hostile(0, e, "baseline", e.method(), path, headers(e, "Content-Type",
                        "application/json"), body.substring(0, body.length() / 2).getBytes(StandardCharsets.UTF_8),
                        false, Expect.REFUSED, List.of());
                Answer a = send(h);
                if (a.error() != null || a.status() != 400 || !a.contentType().startsWith("application/problem+json")) {
                    wrong.add(e.name() + " (truncated body) → " + a);
                }
            }
        }
        assertThat(wrong).as("endpoints that refuse the fuzzer's callers or misbehave on a valid read").isEmpty();
    }

    @Test
    void givenSeededHostileRequests_whenSentToEveryEndpoint_thenEachIsAnsweredInTimeWithoutA5xxEvery4xxIsAProblemAndNothingIsAppended()
            throws Exception {
        List<Endpoint> endpoints = endpoints();
        Random random = new Random(SEED);
        List<Hostile> requests = new ArrayList<>(REQUESTS);
        List<Endpoint> order = new ArrayList<>(endpoints);
        for (int n = 1; n <= REQUESTS; n++) {
            // each endpoint in turn, in a shuffled order per round, so the requests are spread evenly over them
            if ((n - 1) % endpoints.size() == 0) {
                Collections.shuffle(order, random);
            }
            requests.add(new Generator(random, n, endpoints).generate(order.get((n - 1) % order.size())));
        }
        List<Hostile> toSend = ONLY.isEmpty() ? requests
                : requests.stream().filter(h -> ONLY.contains(h.number())).toList();

        Store before = Store.now();
        long start = System.nanoTime();
        Map<String, Map<Integer, Integer>> tally = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Hostile h : toSend) {
                futures.add(pool.submit(() -> {
                    Answer a = send(h);
                    sent.incrementAndGet();
                    tally.computeIfAbsent(h.family(), k -> new ConcurrentHashMap<>())
                            .merge(a.error() != null ? 0 : a.status(), 1, Integer::sum);
                    String why = check(h, a);
                    if (why != null) {
                        violations.add(why + "\n  " + h + "\n  → " + a);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        List<String> appended = before.changesSince();
        List<String> dead = new ArrayList<>();
        for (String service : List.of(Platform.CAPACITY, Platform.STOP, Platform.REPORTING, Platform.GATEWAY)) {
            for (String instance : service.equals(Platform.GATEWAY) ? List.of(Platform.GATEWAY)
                    : Platform.instancesOf(service)) {
                if (!Platform.isAlive(instance)) {
                    dead.add(instance);
                }
            }
        }
        System.out.println("HostileInputFuzzIT seed=" + SEED + ": " + sent.get() + " requests to " + endpoints.size()
                + " endpoints in " + seconds + " s; answers by family and status (0 = none): " + new TreeMap<>(tally));

        // one report of everything, so that a run shows every kind of defect it found at once
        List<String> report = new ArrayList<>();
        dead.forEach(d -> report.add("service instance " + d + " died during the run"));
        appended.forEach(a -> report.add("appended by requests that were all invalid: " + a));
        assertThat(report.isEmpty() && violations.isEmpty())
                .as("%d violations of %d requests (seed %d, -Dlpz.hostile.seed=%d to repeat, -Dlpz.hostile.only=<n> "
                                + "for single ones):%n%s%n%s", violations.size(), sent.get(), SEED, SEED,
                        String.join("\n", report), summarise(violations))
                .isTrue();
    }

    /** All violations grouped by their reason, at most 5 examples each, so a systematic defect does not drown the rest. */
    private static String summarise(List<String> violations) {
        Map<String, List<String>> byReason = new TreeMap<>();
        for (String v : violations) {
            String reason = v.substring(0, v.indexOf('\n'));
            byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(v);
        }
        StringBuilder out = new StringBuilder();
        byReason.forEach((reason, list) -> {
            out.append("\n== ").append(list.size()).append("× ").append(reason).append('\n');
            list.stream().limit(5).forEach(v -> out.append(v).append("\n\n"));
        });
        return out.toString();
    }

    /** Null when the answer is one this request may get, else why not. */
    static String check(Hostile h, Answer a) {
        String where = h.endpoint().name() + " / " + h.family();
        if (a.error() != null) {
            return (a.error().startsWith("timeout") ? "no answer within " + ANSWER_WITHIN.toSeconds() + " s"
                    : "no answer") + ": " + where;
        }
        if (a.status() >= 500) {
            return "a " + a.status() + ": " + where;
        }
        if (a.status() >= 400) {
            if (!a.contentType().toLowerCase().startsWith("application/problem+json")) {
                return "a " + a.status() + " that is not application/problem+json: " + where;
            }
            JsonNode p;
            try {
                p = Api.JSON.readTree(a.body());
            } catch (Exception e) {
                return "a " + a.status() + " problem that is not JSON: " + where;
            }
            if (p == null || !p.path("code").isTextual() || !CODE.matcher(p.path("code").asText()).matches()) {
                return "a " + a.status() + " problem without a code: " + where;
            }
            if (p.path("status").asInt() != a.status()) {
                return "a " + a.status() + " problem whose status field says otherwise: " + where;
            }
            return null;
        }
        if (h.expect() == Expect.REFUSED) {
            if (h.endpoint().batch() && a.status() >= 200 && a.status() < 300 && refusedEveryItem(a.body())) {
                return null;
            }
            return "a " + a.status() + " to a request the contract refuses: " + where;
        }
        return null;
    }

    /** A batch answer that accepted nothing and rejected something: the contract's per-item refusal. */
    private static boolean refusedEveryItem(String body) {
        try {
            JsonNode b = Api.JSON.readTree(body);
            return b.path("accepted").asLong(-1) == 0 && b.path("rejected").isArray() && !b.path("rejected").isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    // ---- requests ---------------------------------------------------------------------------------------------------

    /** Whether the contract requires a refusal (4xx) or only leaves the answer open (any but 5xx). */
    enum Expect { REFUSED, ANY }

    /**
     * One request: {@code target} is path and query as sent on the request line; {@code headers} are header lines
     * ("Name: value", or a malformed line when {@code raw}); {@code raw} sends it over a socket byte for byte (each
     * char of target and headers is one byte, ISO-8859-1). Content-Length is added for a body unless a header line
     * sets it or Transfer-Encoding.
     */
    record Hostile(int number, Endpoint endpoint, String family, String method, String target, List<String> headers,
                   byte[] body, boolean raw, Expect expect, List<String> defects) {
        @Override
        public String toString() {
            List<String> shown = headers.stream()
                    .map(l -> l.regionMatches(true, 0, "Authorization: Bearer ", 0, 22) && l.length() < 2000
                            ? "Authorization: Bearer …" : escape(l, 160))
                    .toList();
            return "#" + number + " " + family + " " + defects + (raw ? " (raw socket)" : "") + "\n  "
                    + escape(method, 40) + " " + escape(target, 300) + "\n  headers " + shown + "\n  body "
                    + (body == null ? "none" : body.length + " bytes: " + escape(new String(body,
                    StandardCharsets.ISO_8859_1), 300));
        }
    }

    /** An answer: status, Content-Type and body, or {@code error} ("timeout …" or what went wrong) without one. */
    record Answer(int status, String contentType, String body, String error) {
        @Override
        public String toString() {
            return error != null ? error : status + " [" + contentType + "] " + escape(body, 600);
        }
    }

    static String escape(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > max ? b + "…(" + s.length() + ")" : b.toString();
    }

    static List<String> headers(Endpoint e, String... more) {
        List<String> h = new ArrayList<>();
        h.add("Authorization: Bearer " + e.as().token());
        h.add("Accept: application/json, application/problem+json");
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.add(more[i] + ": " + more[i + 1]);
        }
        return h;
    }

    static String fill(String template, Random random) {
        return template.replace("{loc}", loc).replace("{org}", org).replace("{vr}", vr).replace("{roaz}", roaz)
                .replace("{stop}", stopId).replace("{uuid}", new UUID(random.nextLong(), random.nextLong()).toString());
    }

    // ---- the generator ----------------------------------------------------------------------------------------------

    /**
     * Makes request {@code n} of the sequence for an endpoint. Every write gets a body defect first (so no write could
     * be valid, whatever else is done to it); then each request gets one more family of defects: its Content-Type, a
     * path id, the query, a header, the method, or something only a raw socket can send.
     */
    static final class Generator {
        private final Random r;
        private final int n;
        private final List<String> defects = new ArrayList<>();
        private Expect expect = Expect.ANY;
        private boolean raw;
        private String family;

        private final List<Endpoint> endpoints;

        Generator(Random random, int n, List<Endpoint> endpoints) {
            this.r = random;
            this.n = n;
            this.endpoints = endpoints;
        }

        Hostile generate(Endpoint e) {
            String method = e.method();
            List<String> pathIds = pathIds(e.template());
            String path = fill(e.template(), r);
            Map<String, String> query = new LinkedHashMap<>();
            e.params().forEach((name, spec) -> {
                if (spec[1] != null) {
                    query.put(name, fill((String) spec[1], r));
                }
            });
            List<String> headers = headers(e);
            byte[] body = null;
            boolean charsetSafe = true;
            if (e.write() && e.body() != null) {
                headers.add("Content-Type: application/json");
                BodyDefect d = bodyDefect(e, fill(e.body(), r));
                body = d.bytes();
                charsetSafe = d.charsetIndependent();
                refuse("body: " + d.name());
            }
            String extra = pick(e);
            family = (e.write() ? "body+" : "") + extra;
            String queryText = null;
            switch (extra) {
                case "content-type" -> {
                    String ct = contentType(charsetSafe);
                    headers.removeIf(l -> l.startsWith("Content-Type:"));
                    if (ct != null) {
                        headers.add("Content-Type: " + ct);
                    }
                    if (!e.write()) {
                        // a GET with a body and an odd type: the body is to be ignored, not parsed
                        body = "{\"a\":".getBytes(StandardCharsets.UTF_8);
                    }
                    defects.add("Content-Type " + (ct == null ? "missing" : ct));
                }
                case "path" -> path = hostilePath(e, pathIds);
                case "query" -> queryText = hostileQuery(e, query);
                case "header" -> hostileHeader(e, headers);
                case "method" -> method = wrongMethod(e);
                case "raw" -> {
                    raw = true;
                    String[] pq = rawDefect(e, pathIds, path, query, headers, body);
                    path = pq[0];
                    queryText = pq[1];
                    if (pq[2] != null) {
                        method = pq[2];
                    }
                }
                default -> { }
            }
            if (queryText == null) {
                queryText = query.entrySet().stream().map(q -> q.getKey() + "=" + encode(q.getValue()))
                        .collect(Collectors.joining("&"));
            }
            String target = path + (queryText.isEmpty() ? "" : "?" + queryText);
            return new Hostile(n, e, family, method, target, headers, body, raw, expect, List.copyOf(defects));
        }

        private void refuse(String defect) {
            defects.add(defect);
            expect = Expect.REFUSED;
        }

        private void odd(String defect) {
            defects.add(defect);
        }

        private String pick(Endpoint e) {
            if (e.method().equals("DELETE")) {
                // a DELETE of a valid path is valid whatever its headers or query say: only ids make it invalid
                return r.nextInt(3) == 0 ? "raw" : "path";
            }
            boolean ids = !pathIds(e.template()).isEmpty();
            int p = r.nextInt(100);
            if (e.write()) {
                return p < 15 ? "none" : p < 40 ? "content-type" : p < 52 && ids ? "path" : p < 62 ? "query"
                        : p < 77 ? "header" : p < 87 ? "method" : "raw";
            }
            return p < 25 && ids ? "path" : p < 50 ? "query" : p < 70 ? "header" : p < 80 ? "method"
                    : p < 85 ? "content-type" : "raw";
        }

        private <T> T one(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        // ---- bodies ---------------------------------------------------------------------------------------------

        record BodyDefect(String name, byte[] bytes, boolean charsetIndependent) {
        }

        private BodyDefect bodyDefect(Endpoint e, String template) {
            JsonNode tree;
            try {
                tree = Api.JSON.readTree(template);
            } catch (IOException ex) {
                throw new IllegalStateException("template of " + e.name() + ": " + template, ex);
            }
            List<String> leaves = new ArrayList<>();
            leaves(tree, "", leaves);
            int p = r.nextInt(100);
            if (p < 10) {
                // any strict prefix of an object's text is no JSON text
                int cut = 1 + r.nextInt(template.length() - 1);
                return new BodyDefect("truncated at " + cut, utf8(template.substring(0, cut)), true);
            }
            if (p < 18) {
                List<String> notJson = new ArrayList<>(List.of("not json at all", "<xml><a/></xml>", "a=1&b=2",
                        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--", "{'a':1}", "{a:1}",
                        "{\"a\":1,}", "{\"a\":1}}", "[1,]", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":0x10}",
                        "{\"a\":007}", "{\"a\":+1}", "{\"a\":.5}", "{/*c*/}", "{\"a\":1}//c", "\"unterminated",
                        "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "nul", "tru", "{\"\":}", "{\"a\" 1}", ",",
                        template + " garbage", template + "}", template + template, template + "\u0000"));
                if (!e.bodyOptional()) {
                    notJson.addAll(List.of("", " ", "\r\n\t "));
                }
                String s = one(notJson);
                return new BodyDefect("not JSON: " + escape(s, 40), utf8(s), true);
            }
            if (p < 26) {
                List<String> wrongType = new ArrayList<>(List.of("[]", "[" + template + "]", "\"a string\"", "42",
                        "-1.5e300", "true", "false", "[[[]]]"));
                if (!e.bodyOptional()) {
                    wrongType.add("null");
                }
                String s = one(wrongType);
                return new BodyDefect("wrong type: " + escape(s, 40), utf8(s), true);
            }
            if (p < 31) {
                int depth = one(List.of(600, 5_000, 100_000));
                String open = one(List.of("[", "{\"a\":"));
                String s = open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth);
                return new BodyDefect("nested " + depth + " deep", utf8(s), true);
            }
            if (p < 35) {
                String s = one(List.of("9".repeat(2_000), "1e999999999", "-" + "9".repeat(1500) + ".5",
                        "0." + "0".repeat(5000) + "1e-99999"));
                return new BodyDefect("a huge number for a body", utf8(s), true);
            }
            if (p < 37) {
                // over the 1 MiB limit, as one string value
                ObjectNode copy = (ObjectNode) tree.deepCopy();
                copy.put("padding", "x".repeat(1024 * 1024 + 16));
                String s = copy.toString();
                return new BodyDefect("1 MiB + 16 bytes of padding", utf8(s), true);
            }
            if (p < 40) {
                // the last of two keys wins in Jackson; the second is made invalid
                String key = tree.fieldNames().next();
                String s = template.substring(0, template.length() - 1) + ",\"" + key + "\":{\"x\":[[\"\\u0000\"]]}}";
                return new BodyDefect("duplicate key " + key + " with a wrong second value", utf8(s), true);
            }
            // a defect at one leaf of the template; the rest stays as valid as the template
            String leaf = one(leaves);
            JsonNode node = at(tree, leaf);
            String kind = node.isTextual() ? "string" : node.isNumber() ? "number" : node.isBoolean() ? "boolean"
                    : "null";
            int q = r.nextInt(100);
            if (q < 30 && node.isTextual()) {
                // raw bytes inside the string: JSON forbids raw control characters; the rest is no UTF-8
                byte[][] bad = {{0x00}, {0x01}, {0x1b}, {0x0a}, {(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xc0,
                        (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
                        (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}};
                int which = r.nextInt(bad.length);
                byte[] b = bad[which];
                String marker = "\u0001MARK\u0001";
                String s = replaceAt(tree, leaf, F.textNode(node.asText() + marker)).toString();
                String escapedMarker = "\\u0001MARK\\u0001";
                int at = s.indexOf(escapedMarker);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(utf8(s.substring(0, at)));
                out.writeBytes(b);
                out.writeBytes(utf8(s.substring(at + escapedMarker.length())));
                boolean control = which < 4;
                return new BodyDefect("raw " + (control ? "control character" : "invalid UTF-8") + " in " + leaf,
                        out.toByteArray(), control);
            }
            JsonNode replacement;
            String what;
            if (node.isTextual()) {
                List<Object[]> values = List.of(
                        new Object[] {"NUL", F.textNode(node.asText() + "\u0000")},
                        new Object[] {"NUL only", F.textNode("\u0000")},
                        new Object[] {"BEL", F.textNode("a\u0007b")},
                        new Object[] {"ESC", F.textNode(node.asText() + "\u001b[31m")},
                        new Object[] {"lone surrogate", F.textNode(node.asText() + "\ud800")},
                        new Object[] {"reversed surrogates", F.textNode("\udc00\ud800")},
                        new Object[] {"U+FFFF", F.textNode(node.asText() + "\uffff")},
                        new Object[] {"10,001 characters", F.textNode("x".repeat(10_001))},
                        new Object[] {"an object", F.objectNode().put("x", 1)},
                        new Object[] {"an array of arrays", F.arrayNode().add(F.arrayNode())});
                Object[] v = one(values);
                what = (String) v[0];
                replacement = (JsonNode) v[1];
            } else if (node.isNumber()) {
                List<Object[]> values = List.of(
                        new Object[] {"10^400", F.numberNode(new java.math.BigInteger("1" + "0".repeat(400)))},
                        new Object[] {"-10^400", F.numberNode(new java.math.BigInteger("-1" + "0".repeat(400)))},
                        new Object[] {"text", F.textNode("many")},
                        new Object[] {"an object", F.objectNode()},
                        new Object[] {"an array of arrays", F.arrayNode().add(F.arrayNode())});
                Object[] v = one(values);
                what = (String) v[0];
                replacement = (JsonNode) v[1];
            } else if (node.isBoolean()) {
                List<Object[]> values = List.of(
                        new Object[] {"maybe", F.textNode("maybe")},
                        new Object[] {"an object", F.objectNode()},
                        new Object[] {"an array of arrays", F.arrayNode().add(F.arrayNode())});
                Object[] v = one(values);
                what = (String) v[0];
                replacement = (JsonNode) v[1];
            } else {
                // a null leaf: an optional value; a nested array of text is no value of any field
                what = "an array of arrays";
                replacement = F.arrayNode().add(F.arrayNode().add("\u0000"));
            }
            return new BodyDefect(kind + " " + leaf + " := " + what, utf8(replaceAt(tree, leaf, replacement).toString()),
                    true);
        }

        // ---- content types --------------------------------------------------------------------------------------

        /** A Content-Type (null: none); with a charset other than UTF-8 only when the body's defect survives it. */
        private String contentType(boolean charsetSafe) {
            List<String> types = new ArrayList<>(List.of("text/plain", "application/xml", "text/xml",
                    "multipart/form-data; boundary=x", "multipart/form-data", "multipart/mixed; boundary=\"\"",
                    "application/x-www-form-urlencoded", "application/octet-stream", "garbage", "", "/", "application/",
                    "/json", "*/*", "application/*", "text/*", "application/json;;;;", "application/json; boundary",
                    "application/json, text/plain", "application/json; charset=", "application/json; charset=\"utf-8",
                    "application/json; charset=utf-8; charset=utf-16", "application/json; q=0.5", "APPLICATION/JSON",
                    "application/vnd.lpz+json", "application/problem+json", "application/json-patch+json",
                    "application/json; charset=" + "x".repeat(300), "application/" + "j".repeat(5000), "json",
                    "application/json\tx", "application/json; charset=utf-8 ; x=\"\\\""));
            types.add(null);
            if (charsetSafe) {
                types.addAll(List.of("application/json; charset=latin1", "application/json; charset=ISO-8859-1",
                        "application/json; charset=utf-16", "application/json; charset=UTF-32BE",
                        "application/json; charset=garbage", "application/json; charset=x-unknown-42",
                        "application/json; charset=utf-7", "application/json; charset=*", "text/plain; charset=latin1"));
            }
            return one(types);
        }

        // ---- path ids -------------------------------------------------------------------------------------------

        /** Ids outside the contract's pattern, as they go on the request line. */
        static final List<String> BAD_IDS = List.of("%00", "{v}%00", "%00{v}", "%0A", "%0D%0A", "%7F", "%1B%5B31m",
                "%08", "a%09b", "%C3%A9", "%E2%98%83", "%F0%9F%92%A9", "%EF%BC%91", "%E2%80%AE", "%EF%BB%BF",
                "%C2%A0", "%FF", "%C0%AE", "%ED%A0%80", "%F4%90%80%80", "a%20b", "%20", "{v}%20", "a%2Fb", "%2F",
                "a%5Cb", "%25", "{v}%25", "a%3Bb", "bad!id", "a*b", "a~b", "a:b", "a@b", "a$b", "a+b", "a,b",
                "%3Cscript%3E", "%27%20OR%201=1", "a%22b", "", "x".repeat(65), "x".repeat(300), "{v}x".repeat(20));
        /** Path segments that are not ids but that a server may resolve: any answer but a 5xx. */
        static final List<String> ODD_IDS = List.of(".", "..", "%2E", "%2E%2E", ".%2E", "a;b", "{v};a=1");

        private String hostilePath(Endpoint e, List<String> ids) {
            if (ids.isEmpty()) {
                // an endpoint without ids gets a segment more, or its last one changed
                String s = one(List.of("/x", "/", "/%00", "/..", "%00", "%2F", "/" + "x".repeat(70)));
                odd("path + " + s);
                return fill(e.template(), r) + s;
            }
            String id = one(ids);
            boolean strict = e.method().equals("DELETE") || r.nextInt(5) > 0;
            String value = one(strict ? BAD_IDS : ODD_IDS);
            String original = fill(id, r);
            value = value.replace("{v}", original);
            if (strict) {
                refuse("path id " + id + " := " + value);
            } else {
                odd("path id " + id + " := " + value);
            }
            return fill(e.template().replace(id, value), r);
        }

        /** The template's id segments, by their placeholder or literal. */
        static List<String> pathIds(String template) {
            List<String> ids = new ArrayList<>();
            String[] segments = template.split("/");
            for (int i = 3; i < segments.length; i++) {
                String s = segments[i];
                boolean literal = s.matches("[a-z-]+") && !s.equals("spoed");
                if (!literal && !s.isEmpty()) {
                    ids.add(s);
                }
            }
            return ids;
        }

        // ---- query strings ---------------------------------------------------------------------------------------

        private static final Map<Param, List<String>> BAD_VALUES = Map.of(
                Param.INSTANT, List.of("yesterday", "2026-13-45T00:00:00Z", "2026-01-01", "2026-02-30T00:00:00Z",
                        "1e10", "\u0000", "2026-01-01T25:00:00Z", "now", "2026-01-01T00:00:00Z\u0000", "-",
                        "2026-01-01T00:00:00+25:00", "\uff11"),
                Param.DATE, List.of("yesterday", "2026-13-45", "2026-02-30", "2026-1-1", "2026-01-01T00:00:00Z",
                        "\u0000", "99999-01-01", "20260101", "2026/01/01", "2026-01-01\u0000", "\uff12\uff10\uff12\uff16"),
                Param.MONTH, List.of("2026-13", "yesterday", "2026-1", "\u0000", "0000-00", "2026-00", "26-01"),
                Param.QUARTER, List.of("2026-Q5", "2026-Q0", "Q1", "2026Q1", "\u0000", "yesterday", "2026-Q-1"),
                Param.INT, List.of("abc", "1.5", "99999999999999999999", "\u0000", "1e3", "0x10"),
                Param.ID, List.of("\u0000", "a\u0000", "a\nb", "\u007f", "x".repeat(65), "<script>", "a b", "\u00e9",
                        "\u2603", "a/b", "\ud83d\udca9"),
                Param.EVENT_ID, List.of("abc", "-1", "1.5", "99999999999999999999", "\u0000", "0x10", "\uff11"));
        private static final Map<Param, List<String>> ODD_VALUES = Map.of(
                Param.INSTANT, List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                        "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-01-01T00:00:00+18:00",
                        "2026-01-01T00:00:00 01:00", "", " ", "9999-12-31T23:59:59.999999999Z"),
                Param.DATE, List.of("1999-12-31", "0001-01-01", "+10000-01-01", "-0001-01-01", "", "2100-01-01"),
                Param.MONTH, List.of("1999-01", "9999-12", "+10000-01", ""),
                Param.QUARTER, List.of("1999-Q1", "9999-Q4", ""),
                Param.CURSOR, List.of("garbage", "\u0000", "-1-1", "99999999999999999999-1", "1-", "", "x".repeat(500)),
                Param.INT, List.of("-1", "0", "2147483647"),
                Param.ID, List.of("VR99", "ROAZ-NOPE", "vr13", "x".repeat(64), ""),
                Param.EVENT_ID, List.of("0", "999999", "", " "),
                Param.FREE, List.of("garbage", "\u0000", "x@25:00-99:99", "", "a".repeat(500)));

        private String hostileQuery(Endpoint e, Map<String, String> query) {
            int p = r.nextInt(100);
            List<String> known = new ArrayList<>(e.params().keySet());
            if (p < 40 && !known.isEmpty()) {
                String name = one(known);
                Param kind = (Param) e.params().get(name)[0];
                List<String> bad = BAD_VALUES.get(kind);
                if (bad != null && r.nextInt(4) > 0) {
                    String v = one(bad);
                    query.put(name, v);
                    refuse("query " + name + " := " + escape(v, 60));
                } else {
                    String v = one(ODD_VALUES.getOrDefault(kind, List.of("")));
                    query.put(name, v);
                    odd("query " + name + " := " + escape(v, 60));
                }
                return null;
            }
            if (p < 55 && !known.isEmpty()) {
                String name = one(known);
                Param kind = (Param) e.params().get(name)[0];
                String valid = e.params().get(name)[1] == null ? "" : fill((String) e.params().get(name)[1], r);
                List<String> bad = BAD_VALUES.get(kind);
                String second = bad != null ? one(bad) : "x";
                // which of two values counts is the framework's choice, the contract says nothing of it
                odd("query " + name + " repeated, the second " + escape(second, 40));
                String rest = query.entrySet().stream().filter(q -> !q.getKey().equals(name))
                        .map(q -> "&" + q.getKey() + "=" + encode(q.getValue())).collect(Collectors.joining());
                return name + "=" + encode(valid) + "&" + name + "=" + encode(second) + rest;
            }
            if (p < 70) {
                int length = one(List.of(1000, 3000, 5000, 70_000));
                String name = known.isEmpty() || r.nextBoolean() ? "x" : one(known);
                Param kind = known.contains(name) ? (Param) e.params().get(name)[0] : null;
                query.put(name, "9".repeat(length));
                if (length > 4096 || kind != null && kind != Param.CURSOR && kind != Param.FREE
                        && kind != Param.INT) {
                    refuse("query " + name + " of " + length + " characters");
                } else {
                    odd("query " + name + " of " + length + " characters");
                }
                return null;
            }
            String extra = one(List.of("foo=bar", "=x", "&&&", "a", "a=1&a=2&a=3", "x[]=1&x[0]=2", "x=%FF%FE",
                    "x=%C0%AE", "%00=1", "x=%00", "x=a+b%20c", "x=" + "%25".repeat(100), "?=?", "x==", "x=;",
                    "x=%E2%98%83", "callback=alert(1)", "format=xml", "_method=DELETE", "page=-1&size=99999999"));
            odd("extra query " + escape(extra, 60));
            String base = query.entrySet().stream().map(q -> q.getKey() + "=" + encode(q.getValue()))
                    .collect(Collectors.joining("&"));
            return base.isEmpty() ? extra : base + "&" + extra;
        }

        // ---- headers --------------------------------------------------------------------------------------------

        private void hostileHeader(Endpoint e, List<String> headers) {
            int p = r.nextInt(100);
            if (e.stream() && p < 30) {
                String v = one(List.of("abc", "-1", "1.5", "99999999999999999999", "0x10", "1 2", "\u00ef\u00bc\u0091"));
                headers.add("Last-Event-ID: " + v);
                refuse("Last-Event-ID " + escape(v, 40));
                raw |= v.chars().anyMatch(c -> c > 0x7e);
                return;
            }
            if (p < 10) {
                // over any header limit: refused, as a problem
                if (r.nextBoolean()) {
                    headers.add("X-Pad: " + "x".repeat(one(List.of(20_000, 70_000))));
                    refuse("one header of 20,000+ characters");
                } else {
                    for (int i = 0; i < 400; i++) {
                        headers.add("X-Pad-" + i + ": " + "y".repeat(50));
                    }
                    refuse("400 headers");
                }
                return;
            }
            if (p < 15) {
                String v = one(List.of("Bearer " + e.as().token() + "x", "Bearer", "Bearer  ", "Basic Og==",
                        "Bearer " + "a".repeat(6000), "bearer " + e.as().token().toUpperCase()));
                headers.removeIf(l -> l.startsWith("Authorization:"));
                headers.add("Authorization: " + v);
                refuse("Authorization " + escape(v, 30));
                return;
            }
            String[][] odd = {
                    {"Accept", "application/xml"}, {"Accept", "text/html"}, {"Accept", "text/csv"},
                    {"Accept", "image/png"}, {"Accept", "garbage"}, {"Accept", "application/json;q=abc"},
                    {"Accept", "*/*;q="}, {"Accept", ";;;"}, {"Accept", "application/"}, {"Accept", "/"},
                    {"Accept", ""}, {"Accept", "text/event-stream"}, {"Accept", "a".repeat(3000) + "/x"},
                    {"Accept", "application/json;charset=utf-7"}, {"Accept", "application/json, */*;q=0"},
                    {"Accept-Charset", "garbage"}, {"Accept-Charset", "utf-7, *;q=0"},
                    {"Accept-Encoding", "gzip;q=abc"}, {"Accept-Encoding", "br, zstd, x-unknown"},
                    {"Accept-Encoding", "identity;q=0, *;q=0"}, {"Accept-Language", "??"},
                    {"Accept-Language", "x".repeat(500)}, {"If-None-Match", "\"unterminated"}, {"If-None-Match", "W/"},
                    {"If-None-Match", "*"}, {"If-None-Match", "garbage"}, {"If-None-Match", "\"a\", ,,,"},
                    {"If-Match", "garbage"}, {"If-Modified-Since", "garbage"},
                    {"If-Modified-Since", "Thu, 99 Foo 9999 99:99:99 GMT"}, {"If-Unmodified-Since", "0"},
                    {"Range", "bytes=garbage"}, {"Range", "bytes=9-1"}, {"Range", "lines=1-2"},
                    {"Origin", "null"}, {"Origin", "http://evil.example"}, {"Origin", "garbage"},
                    {"Cookie", "a=b; ;;; ="}, {"Cookie", "x".repeat(2000)}, {"X-Forwarded-For", "garbage, , ::::"},
                    {"X-Forwarded-For", "999.999.999.999"}, {"X-Forwarded-Host", "evil.example:abc"},
                    {"X-Forwarded-Proto", "gopher"}, {"X-Forwarded-Port", "abc"}, {"X-Forwarded-Port", "99999999"},
                    {"X-Forwarded-Prefix", "/../.."}, {"Forwarded", "for=\"[::1"}, {"Forwarded", "garbage;;;"},
                    {"X-Lpz-Roles", "ADMIN"}, {"X-Lpz-Subject", "intruder"}, {"X-Lpz-Organisation", "100101"},
                    {"X-Lpz-Identity-Proof", "garbage"}, {"Content-Encoding", "gzip"}, {"Content-Encoding", "garbage"},
                    {"TE", "trailers, gzip"}, {"Max-Forwards", "abc"}, {"Last-Event-ID", "garbage"},
                    {"Cache-Control", "max-age=abc"}, {"Pragma", "\u00e9"}, {"Referer", "::::"},
                    {"User-Agent", "u".repeat(4000)}, {"Content-Type", "garbage"}, {"X-Pad", "x".repeat(6000)},
                    {"Authorization", "Bearer " + e.as().token()}};
            String[] h = odd[r.nextInt(odd.length)];
            if (h[0].equals("Content-Type")) {
                headers.removeIf(l -> l.startsWith("Content-Type:"));
            }
            if (h[0].equals("Accept")) {
                headers.removeIf(l -> l.startsWith("Accept:"));
            }
            headers.add(h[0] + ": " + h[1]);
            odd(h[0] + " " + escape(h[1], 60));
        }

        // ---- methods --------------------------------------------------------------------------------------------

        private String wrongMethod(Endpoint e) {
            Set<String> allowed = new LinkedHashSet<>();
            for (Endpoint other : endpoints) {
                if (other.template().equals(e.template())) {
                    allowed.add(other.method());
                }
            }
            List<String> wrong = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND",
                    "FOO", "get", "OPTIONS"));
            wrong.removeAll(allowed);
            String m = one(wrong);
            if (m.equals("OPTIONS")) {
                // answered with the allowed methods before any body is read, so even a write's bad body is no defect
                defects.add("method OPTIONS");
                expect = Expect.ANY;
            } else {
                refuse("method " + m);
            }
            return m;
        }

        // ---- what only a raw socket sends ----------------------------------------------------------------------

        /** Returns {path, query (null: from the map), method (null: unchanged)}. */
        private String[] rawDefect(Endpoint e, List<String> ids, String path, Map<String, String> query,
                                   List<String> headers, byte[] body) {
            int p = r.nextInt(100);
            if (p < 20 && !ids.isEmpty()) {
                String id = one(ids);
                String v = one(List.of("%zz", "%", "%4", "a%g0", "%%", "%u0041", "\u0000", " ", "\u00ff",
                        "\u00c3\u00a9", "\t", "\u007f", "\"", "<", "{", "|", "\\", "^", "`", "a\rb", "a\nb"));
                refuse("raw path id " + id + " := " + escape(v, 20));
                return new String[] {fill(e.template().replace(id, v), r), null, null};
            }
            if (p < 35) {
                String v = one(List.of("x=%zz", "x=%", "x=%4", "%", "x=%g0&y=1", "x=a b", "x=\u0000", "x=\"",
                        "x=<>", "x={}", "x=|", "x=\\", "x=^", "x=`"));
                String name = e.params().isEmpty() ? null : one(new ArrayList<>(e.params().keySet()));
                if (name != null && v.startsWith("x=") && r.nextBoolean()) {
                    v = name + v.substring(1);
                    query.remove(name);
                }
                // a URI that is no URI (RFC 3986: bad % escapes, raw space, control and non-ASCII bytes, ...)
                refuse("raw query " + escape(v, 30));
                String base = query.entrySet().stream().map(q -> q.getKey() + "=" + encode(q.getValue()))
                        .collect(Collectors.joining("&"));
                return new String[] {path, base.isEmpty() ? v : base + "&" + v, null};
            }
            if (p < 45) {
                String line = one(List.of("X-Bad Name: x", "X-Bad : x", ": x", "X-\u0000: x", "X-\u00e9: x"));
                headers.add(line);
                refuse("raw header line " + escape(line, 30));
                return new String[] {path, null, null};
            }
            if (p < 55) {
                String line = one(List.of("X-A: a\u0000b", "X-A: a\u0001b", "X-A: \u00c3\u00a9", "X-A: \u00ff",
                        "X-A: a\rb", "X-NoColon", " folded", "X-A: x\r\n continued", "Expect: garbage",
                        "Expect: 100-continue", "Connection: garbage, close", "Host: bad host", "Host: a:b:c",
                        "Host: [::1", "Host: \u0000", "Host: " + "h".repeat(300), "Host: ", "TE: gzip"));
                headers.add(line);
                odd("raw header line " + escape(line, 40));
                return new String[] {path, null, null};
            }
            if (p < 75) {
                // framing: lengths and chunks that do not add up
                String[] framing = one(List.of(new String[] {"Content-Length: abc"}, new String[] {"Content-Length: -5"},
                        new String[] {"Content-Length: 1", "Content-Length: 2"},
                        new String[] {"Content-Length: 99999999999999999999"},
                        new String[] {"Transfer-Encoding: chunked", "Content-Length: 2", "CHUNK:zz"},
                        new String[] {"Transfer-Encoding: chunked", "CHUNK:zz"},
                        new String[] {"Transfer-Encoding: chunked", "CHUNK:-1"},
                        new String[] {"Transfer-Encoding: chunked", "CHUNK:ffffffffffffffffff"},
                        new String[] {"Transfer-Encoding: gzip, chunked", "CHUNK:zz"},
                        new String[] {"Transfer-Encoding: x-unknown"},
                        new String[] {"Transfer-Encoding: chunked", "Transfer-Encoding: identity", "CHUNK:zz"}));
                for (String f : framing) {
                    headers.add(f);
                }
                refuse("framing " + Arrays.toString(framing));
                return new String[] {path, null, null};
            }
            if (p < 85) {
                String line = one(List.of("G\u00c9T", "GET\u0000", "\u0000", "GE\tT", "G(T", "PO\u007fST"));
                refuse("raw method " + escape(line, 10));
                return new String[] {path, null, line};
            }
            // request targets of odd forms
            int q = r.nextInt(4);
            if (q == 0) {
                refuse("request line over 64 KiB");
                return new String[] {path + "/" + "x".repeat(70_000), null, null};
            }
            if (q == 1) {
                odd("request target with a fragment");
                return new String[] {path + "#frag", null, null};
            }
            if (q == 2) {
                odd("double slashes");
                return new String[] {path.replace("/api/v1/", "//api//v1//"), null, null};
            }
            odd("absolute-form request target");
            return new String[] {"http://" + gatewayHost + ":" + gatewayPort + path, null, null};
        }
    }

    // ---- JSON paths ---------------------------------------------------------------------------------------------------

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), path + "/" + f.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        return root.at(path);
    }

    private static JsonNode replaceAt(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = path.lastIndexOf('/');
        JsonNode parent = copy.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    /**
     * JSON text as UTF-8 bytes, with every UTF-16 surrogate written as a {@code \\uXXXX} escape: UTF-8 cannot carry a
     * lone surrogate (the encoder writes '?' instead), the JSON escape can, and that is how a client sends one.
     */
    static byte[] utf8(String s) {
        StringBuilder json = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** %-encodes a query value as a form would, except that NUL and other bytes stay visible as escapes. */
    static String encode(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- sending ------------------------------------------------------------------------------------------------------

    static Answer send(Hostile h) {
        if (!h.raw() && printableAscii(h.target())) {
            HttpRequest request = null;
            try {
                request = httpRequest(h);
            } catch (IllegalArgumentException refusedByHttpClient) {
                // a header or method java.net.http will not send: the socket sends it
            }
            if (request != null) {
                return viaHttpClient(request);
            }
        }
        return viaSocket(h);
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static HttpRequest httpRequest(Hostile h) {
        HttpRequest.BodyPublisher body = h.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(h.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Platform.gatewayUrl() + h.target()))
                .timeout(ANSWER_WITHIN).method(h.method(), body);
        for (String line : h.headers()) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalArgumentException("not a header line");
            }
            b.header(line.substring(0, colon), line.substring(colon + 2));
        }
        return b.build();
    }

    private static Answer viaHttpClient(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> f = Api.HTTP.sendAsync(request, info -> {
            String type = info.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/event-stream")) {
                // an open stream: the answer is its status and type; the stream itself is closed at once
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // closed anyway
                    }
                    return "(event stream)";
                });
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        try {
            HttpResponse<String> r = f.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), null);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Answer(0, "", "", "timeout: no complete answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return new Answer(0, "", "", "timeout: " + cause.getMessage());
            }
            return new Answer(0, "", "", "failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "", "interrupted");
        }
    }

    /** Sends the request byte for byte over a new connection and reads one answer (1xx skipped) within the deadline. */
    static Answer viaSocket(Hostile h) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        String chunk = null;
        boolean hasHost = false;
        boolean framed = false;
        StringBuilder head = new StringBuilder(h.method()).append(' ').append(h.target()).append(" HTTP/1.1\r\n");
        for (String line : h.headers()) {
            if (line.startsWith("CHUNK:")) {
                chunk = line.substring(6);
                continue;
            }
            String lower = line.toLowerCase();
            hasHost |= lower.startsWith("host:");
            framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
            head.append(line).append("\r\n");
        }
        if (!hasHost) {
            head.append("Host: ").append(gatewayHost).append(':').append(gatewayPort).append("\r\n");
        }
        byte[] body = h.body() == null ? new byte[0] : h.body();
        if (!framed && (body.length > 0 || !h.method().equals("GET"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunk != null) {
            wire.writeBytes((chunk + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        wire.writeBytes(body);
        if (chunk != null) {
            wire.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(gatewayHost, gatewayPort), 5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(wire.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it has read everything: the answer still counts
            }
            return readAnswer(socket, deadline);
        } catch (SocketTimeoutException e) {
            return new Answer(0, "", "", "timeout: no complete answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(0, "", "", "failed: " + e);
        }
    }

    private static Answer readAnswer(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int from = 0;
        while (true) {
            int end = indexOf(got.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), from);
            if (end >= 0) {
                byte[] all = got.toByteArray();
                String head = new String(all, from, end - from, StandardCharsets.ISO_8859_1);
                String[] lines = head.split("\r\n");
                String[] status = lines[0].split(" ", 3);
                int code = Integer.parseInt(status[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int c = lines[i].indexOf(':');
                    if (c > 0) {
                        headers.put(lines[i].substring(0, c).trim().toLowerCase(), lines[i].substring(c + 1).trim());
                    }
                }
                if (code >= 100 && code < 200) {
                    from = end + 4;
                    continue;
                }
                String type = headers.getOrDefault("content-type", "");
                if (type.startsWith("text/event-stream")) {
                    return new Answer(code, type, "(event stream)", null);
                }
                int bodyStart = end + 4;
                byte[] body = readBody(in, got, bodyStart, headers, deadline, socket);
                if (body == null) {
                    return new Answer(code, type, "", "timeout: the body of a " + code + " did not end within "
                            + ANSWER_WITHIN.toSeconds() + " s");
                }
                return new Answer(code, type, new String(body, StandardCharsets.UTF_8), null);
            }
            int n = read(in, buf, deadline, socket);
            if (n < 0) {
                return new Answer(0, "", "", "failed: the connection was closed without an answer"
                        + (got.size() > 0 ? " (got " + escape(got.toString(StandardCharsets.ISO_8859_1), 200) + ")"
                        : ""));
            }
            got.write(buf, 0, n);
        }
    }

    /** The body by Content-Length, chunks or connection close; null when it does not end in time. */
    private static byte[] readBody(InputStream in, ByteArrayOutputStream got, int start, Map<String, String> headers,
                                   long deadline, Socket socket) throws IOException {
        byte[] buf = new byte[16384];
        String length = headers.get("content-length");
        boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase().contains("chunked");
        while (true) {
            byte[] all = got.toByteArray();
            if (length != null && all.length - start >= Integer.parseInt(length)) {
                return Arrays.copyOfRange(all, start, start + Integer.parseInt(length));
            }
            if (chunked) {
                byte[] decoded = dechunk(all, start);
                if (decoded != null) {
                    return decoded;
                }
            }
            int n;
            try {
                n = read(in, buf, deadline, socket);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                return length == null && !chunked ? Arrays.copyOfRange(all, start, all.length)
                        : Arrays.copyOfRange(all, start, all.length);
            }
            got.write(buf, 0, n);
        }
    }

    private static byte[] dechunk(byte[] all, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = start;
        while (true) {
            int eol = indexOf(all, new byte[] {'\r', '\n'}, i);
            if (eol < 0) {
                return null;
            }
            String size = new String(all, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                return Arrays.copyOfRange(all, start, all.length);
            }
            if (n == 0) {
                return out.toByteArray();
            }
            if (eol + 2 + n + 2 > all.length) {
                return null;
            }
            out.write(all, eol + 2, n);
            i = eol + 2 + n + 2;
        }
    }

    private static int read(InputStream in, byte[] buf, long deadline, Socket socket) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) left);
        return in.read(buf);
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- what was appended ------------------------------------------------------------------------------------------

    private static Connection connect(String service) throws SQLException {
        TestInfra.Database db = TestInfra.database(service);
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    /**
     * The write stores as they stood: the newest event of each event store, and fingerprints of the tables the
     * services write without events (acute-care scenarios; validation submissions, differences and compliance
     * activations in reporting-service).
     */
    record Store(long capacityIndex, long stopIndex, Map<String, String> fingerprints) {
        static Store now() {
            return new Store(
                    single(capacityDb, "select coalesce(max(global_index), 0) from domain_event_entry"),
                    single(stopDb, "select coalesce(max(global_index), 0) from domain_event_entry"),
                    fingerprintsNow());
        }

        private static Map<String, String> fingerprintsNow() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("capacity acute_care_scenario", fingerprint(capacityDb, "acute_care_scenario"));
            for (String t : List.of("validation_submission", "validation_difference", "compliance_activation")) {
                f.put("reporting " + t, fingerprint(reportingDb, t));
            }
            return f;
        }

        private static String fingerprint(Connection c, String table) {
            String sql = "select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from " + table + " t";
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        /** What was appended or changed since this snapshot, one line each. */
        List<String> changesSince() {
            List<String> changes = new ArrayList<>();
            changes.addAll(events(capacityDb, "capacity-service", capacityIndex, "select global_index, "
                    + "aggregate_identifier, payload_type from domain_event_entry where global_index > ? order by 1"));
            changes.addAll(events(stopDb, "stop-service", stopIndex, "select global_index, aggregate_identifier, "
                    + "payload_type from domain_event_entry where global_index > ? and payload_type not similar to '"
                    + STOP_DEADLINE_EVENTS + "' order by 1"));
            Map<String, String> after = fingerprintsNow();
            fingerprints.forEach((table, was) -> {
                if (!was.equals(after.get(table))) {
                    changes.add(table + " changed: " + was + " → " + after.get(table));
                }
            });
            return changes;
        }

        private static List<String> events(Connection c, String service, long after, String sql) {
            List<String> found = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, after);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(service + " event " + rs.getLong(1) + " " + rs.getString(3) + " of "
                                + escape(rs.getString(2), 100));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
            return found;
        }

        private static long single(Connection c, String sql) {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
