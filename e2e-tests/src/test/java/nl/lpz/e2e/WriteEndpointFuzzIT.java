package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.lpz.testsupport.TestInfra;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue "every accepted event must stay projectable": a seeded property/fuzz test that drives every write endpoint
 * through the gateway with extreme but well-formed values (ends of the calendar, odd offsets, control characters, lone
 * surrogates, emoji, 10,000-character texts, 65-character ids, huge and negative numbers, unknown enum values, nulls),
 * mixed with valid values, and then holds the platform to these invariants:
 * <ul>
 *   <li>no 5xx; every 4xx is {@code application/problem+json} with a {@code code} and appended nothing to the event
 *       store of the aggregates the request touched (the one exception the contract itself makes: a declaration
 *       refused by the last-in-region rule records exactly one {@code StopRefused}, which the statistics count);</li>
 *   <li>what the contract (shared api-contract) and docs/reliability.md ("Only projectable values are accepted") say
 *       must be refused is never accepted: ids outside the pattern, unknown enum values, {@code occurredAt} more than
 *       5 minutes ahead or before the back-fill horizon, instants outside [2000-01-01, 2100-01-01), durations outside
 *       1..10,080 minutes, threshold beds outside 0..10,000, control characters, unpaired surrogates, texts over
 *       their field's limit;</li>
 *   <li>every 2xx is visible in the read models within {@link #VISIBLE_WITHIN}: each accepted bed event in the
 *       regional picture as of its {@code occurredAt} (its {@code lastEventAt}), the beds' current figures, thresholds,
 *       contacts, visibility, registrations, stops, extensions, ends, lapses, announcements and the stop
 *       statistics;</li>
 *   <li>afterwards nothing is stuck: reporting-service's projection is caught up ({@code GET /internal/rebuild}) and,
 *       where the endpoint exists, {@code GET /internal/parked} lists no record.</li>
 * </ul>
 * Seed: {@code -Dlpz.fuzz.seed=<long>} (printed at the start, default random); length: {@code -Dlpz.fuzz.requests}
 * (default 300); visibility deadline: {@code -Dlpz.fuzz.visibleSeconds} (default 10). Violations are collected and
 * reported together, each naming the request number, endpoint, body and answer; a projection that stops moving ends
 * the run early (every further check would only wait for it).
 * <p>
 * Isolation: an organisation of its own (hidden: never shared, so no national or regional figure of another test
 * changes), locations of its own, and a (veiligheidsregio, kind) that no reference location and no other test uses for
 * the stop procedure. Runs after the unordered classes, since an accepted poison record stalls reporting-service for
 * every class after it.
 */
@Order(Integer.MAX_VALUE - 3)
class WriteEndpointFuzzIT {
    static final long SEED = Long.getLong("lpz.fuzz.seed", new Random().nextLong());
    static final int REQUESTS = Integer.getInteger("lpz.fuzz.requests", 300);
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(Integer.getInteger("lpz.fuzz.visibleSeconds", 10));
    static final Duration CAUGHT_UP_WITHIN = Duration.ofSeconds(60);
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Clock skew and transit allowed around the 5-minute rule before the test calls it a violation. */
    static final Duration SLACK = Duration.ofSeconds(30);
    static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final List<String> KINDS = List.of("SEH", "SR", "CTT", "EHH", "CCU", "PCI", "VERLOSKUNDE");
    static final List<String> STATUSES = List.of("AVAILABLE", "OCCUPIED", "RESERVED", "BLOCKED");
    static final List<String> PATIENT = List.of("COVID", "COVID_DELABELLED", "NON_COVID");
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** docs/reliability.md, "Only projectable values are accepted". */
    static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant END_OF_RANGE = Instant.parse("2100-01-01T00:00:00Z");
    static final Duration BACK_FILL = Duration.ofDays(400);
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final int MAX_REASON = 2000;

    static Random random;
    static String org;
    static String org2;
    static String vr;
    static String roaz;
    static String kind;
    static String locBeds;
    static String locSnap;
    static String locOrg2;
    static String provider1;
    static String provider2;
    static List<String> elements;
    static List<String> specialismen;
    static Connection capacityDb;
    static Connection stopDb;
    static String parkedAtStart;

    // ---- the model of what was accepted --------------------------------------------------------------------------

    record AcceptedBed(String locationId, String key, String element, String status, Instant occurredAt) {
    }

    record ActiveStop(String stopId, long minutes, Instant expectedEnd) {
    }

    /** One request as sent: for the violation messages. */
    record Sent(int number, String endpoint, String method, String path, Api.Identity as, String body) {
        @Override
        public String toString() {
            return "#" + number + " " + endpoint + " (" + method + " " + shown(path, 200) + " as " + as.sub() + " "
                    + as.roles() + ") body " + shown(body, 700);
        }
    }

    final List<String> violations = new ArrayList<>();
    final List<AcceptedBed> beds = new ArrayList<>();
    final Map<String, ObjectNode> acceptedEventsOrg = new LinkedHashMap<>();
    /** Ids of the first organisation that the second one has used already: using one again would be its own reuse. */
    final Set<String> reusedByOrg2 = new HashSet<>();
    final Map<String, ActiveStop> activeStops = new LinkedHashMap<>();
    final Map<String, String> registered = new LinkedHashMap<>();
    final Set<String> acceptedDates = new TreeSet<>();
    final Map<String, Integer> tally = new TreeMap<>();
    int declared;
    int refusedLastInRegion;
    int lapsedStops;
    int counter;
    boolean stuck;
    /** This request's values are all well-formed (extreme, yet within the contract's types and patterns). */
    boolean clean;

    @BeforeAll
    static void anOrganisationLocationsAndAStopBoardOfItsOwn() throws SQLException {
        System.out.println("WriteEndpointFuzzIT seed=" + SEED + " requests=" + REQUESTS
                + " (repeat with -Dlpz.fuzz.seed=" + SEED + ")");
        random = new Random(SEED);
        assertThat(Platform.has(Platform.STOP)).as("stop-service runs in the platform (build its jar first)").isTrue();
        JsonNode codes = Api.expectStatus(Api.get(Api.admin(), "/api/v1/code-lists/labels"), 200);
        elements = new ArrayList<>();
        codes.path("specialistisch").forEach(c -> elements.add(c.path("code").asText()));
        specialismen = new ArrayList<>();
        codes.path("specialisme").forEach(c -> specialismen.add(c.path("code").asText()));
        assertThat(elements).as("specialistisch codes in %s", codes).isNotEmpty();
        chooseAStopBoardNobodyUses();

        org = Lpz.unique("FZ");
        org2 = Lpz.unique("FZ");
        locBeds = register(org, "SEH");
        locSnap = register(org, "SEH");
        locOrg2 = register(org2, "SEH");
        provider1 = register(org, kind);
        provider2 = register(org, kind);
        Stops.awaitKnownToStopService(provider1, org, kind);
        Stops.awaitKnownToStopService(provider2, org, kind);

        capacityDb = connect(Platform.CAPACITY);
        stopDb = connect(Platform.STOP);
        parkedAtStart = parked();
        System.out.println("WriteEndpointFuzzIT: organisations " + org + ", " + org2 + "; stop board " + vr + "/" + kind
                + " (" + roaz + "); parked at start: " + parkedAtStart);
    }

    @AfterAll
    static void closeTheDatabases() throws SQLException {
        if (capacityDb != null) {
            capacityDb.close();
        }
        if (stopDb != null) {
            stopDb.close();
        }
    }

    @Test
    void givenSeededExtremeAndInvalidWrites_whenSentToEveryWriteEndpoint_thenEvery2xxIsProjectedEvery4xxAppendedNothingAndNothingIsStuck() {
        for (int i = 1; i <= REQUESTS && !stuck; i++) {
            clean = random.nextBoolean();
            int pick = random.nextInt(100);
            if (pick < 28) {
                bedEvents(i);
            } else if (pick < 37) {
                snapshot(i);
            } else if (pick < 44) {
                thresholds(i);
            } else if (pick < 48) {
                visibility(i);
            } else if (pick < 55) {
                contacts(i);
            } else if (pick < 64) {
                registerLocation(i);
            } else if (pick < 75) {
                declareStop(i);
            } else if (pick < 82) {
                extendStop(i);
            } else if (pick < 87) {
                endStop(i);
            } else if (pick < 97) {
                announce(i);
            } else {
                lapse(i);
            }
        }
        System.out.println("WriteEndpointFuzzIT seed=" + SEED + " answers by endpoint and status: " + tally);

        theCurrentPictureHoldsEveryAcceptedBed();
        theStatisticsCountEveryDeclarationRefusalAndLapse();
        theFeedsAnswerForEveryDayWithAcceptedEvents();
        theProjectionIsCaughtUpAndNothingIsParked();

        assertThat(violations)
                .as("invariant violations (seed %d, -Dlpz.fuzz.seed=%d to repeat):%n%s", SEED, SEED,
                        String.join("\n\n", violations))
                .isEmpty();
    }

    // ---- POST /api/v1/bed-events ----------------------------------------------------------------------------------

    private void bedEvents(int n) {
        boolean asOrg2 = random.nextInt(10) == 0;
        String owner = asOrg2 ? org2 : org;
        String loc = asOrg2 ? locOrg2 : locBeds;
        Api.Identity as = pickIdentity(Api.epd(owner), Api.hospital(owner), Api.mka(vr), Api.epd(Lpz.AMC_ORG));
        ObjectNode body = F.objectNode();
        ArrayNode events = body.putArray("events");
        List<String> invalid = new ArrayList<>();
        List<ObjectNode> sent = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>(List.of(locBeds, locOrg2, locSnap));
        boolean resend = !asOrg2 && !acceptedEventsOrg.isEmpty() && random.nextInt(12) == 0;
        List<String> reusable = acceptedEventsOrg.keySet().stream().filter(id -> !reusedByOrg2.contains(id)).toList();
        String crossOrgId = asOrg2 && !reusable.isEmpty() && random.nextBoolean() ? pickFrom(reusable) : null;
        if (crossOrgId != null) {
            reusedByOrg2.add(crossOrgId);
        }
        if (resend) {
            ObjectNode again = acceptedEventsOrg.get(pickFrom(new ArrayList<>(acceptedEventsOrg.keySet())));
            events.add(again.deepCopy());
            sent.add(again);
            invalid.add(null);
        } else {
            int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 6 : 3);
            for (int e = 0; e < count; e++) {
                List<String> why = new ArrayList<>();
                ObjectNode ev = bedEvent(loc, why, false);
                if (crossOrgId != null && e == 0) {
                    // the reused id replaces whatever id the generator chose, and with it that id's fault
                    ev.put("eventId", crossOrgId);
                    why.removeIf(w -> w.startsWith("eventId"));
                }
                if (ev.path("locationId").isTextual()) {
                    touched.add(ev.get("locationId").asText());
                }
                events.add(ev);
                sent.add(ev);
                invalid.add(why.isEmpty() ? null : String.join("; ", why));
            }
        }
        Instant sentAt = Instant.now();
        Sent req = new Sent(n, "POST /api/v1/bed-events", "POST", "/api/v1/bed-events", as, json(body));
        long before = capacityEvents(touched);
        Api.Response r = send(req);
        if (!checkAnswer(req, r)) {
            return;
        }
        if (r.status() >= 400) {
            assertNothingAppended(req, r, before, capacityEvents(touched));
            if (crossOrgId != null && "EVENT_ID_CONFLICT".equals(code(r))) {
                violation(req, r, "an eventId of organisation " + org + " reused by organisation " + org2
                        + " is refused as a conflict; the contract: another organisation's ids never collide");
            }
            return;
        }
        if (r.status() != 202) {
            violation(req, r, "a bed-event batch is answered 202 or a problem, not " + r.status());
            return;
        }
        JsonNode answer = r.json();
        Set<String> rejected = new LinkedHashSet<>();
        Map<String, String> rejectedCodes = new LinkedHashMap<>();
        answer.path("rejected").forEach(x -> {
            rejected.add(x.path("eventId").asText());
            rejectedCodes.put(x.path("eventId").asText(), x.path("code").asText());
        });
        long total = answer.path("accepted").asLong() + answer.path("duplicates").asLong()
                + answer.path("stale").asLong() + rejected.size();
        if (total != sent.size()) {
            violation(req, r, "accepted + duplicates + stale + rejected = " + total + " for " + sent.size() + " events");
        }
        if (resend && answer.path("duplicates").asLong() != 1) {
            violation(req, r, "an accepted event sent again verbatim is a duplicate");
        }
        for (int e = 0; e < sent.size(); e++) {
            ObjectNode ev = sent.get(e);
            String id = ev.path("eventId").asText();
            if (invalid.get(e) != null && !rejected.contains(id)) {
                violation(req, r, "event " + e + " must be refused (" + invalid.get(e) + ") but was not listed in "
                        + "rejected");
            }
            if (crossOrgId != null && id.equals(crossOrgId)
                    && (rejected.contains(id) && "EVENT_ID_CONFLICT".equals(rejectedCodes.get(id))
                    || answer.path("duplicates").asLong() > 0)) {
                violation(req, r, "eventId " + id + " of organisation " + org + " reused by " + org2
                        + " counts as a duplicate or conflict; another organisation's ids never collide");
            }
        }
        if (resend) {
            return;
        }
        for (int e = 0; e < sent.size(); e++) {
            ObjectNode ev = sent.get(e);
            String id = ev.path("eventId").asText();
            if (rejected.contains(id)) {
                continue;
            }
            Instant t = parseInstant(ev.path("occurredAt").asText(null));
            if (t == null) {
                violation(req, r, "event " + e + " without a readable occurredAt was accepted");
                continue;
            }
            if (invalid.get(e) == null && t.isAfter(sentAt.plus(FUTURE_TOLERANCE).plus(SLACK))) {
                violation(req, r, "event " + e + " at " + t + " (more than 5 minutes after " + sentAt
                        + ") was accepted: the contract requires 400 OCCURRED_IN_FUTURE");
            }
            String evLoc = ev.path("locationId").asText();
            if (!asOrg2) {
                acceptedEventsOrg.put(id, ev);
            }
            beds.add(new AcceptedBed(evLoc, ev.path("departmentId").asText() + "/" + ev.path("bedId").asText(),
                    ev.path("labels").path("specialistisch").asText(), ev.path("status").asText(), t));
            noteDate(t);
            awaitEventVisible(req, r, asOrg2 ? org2 : org, evLoc, t, "event " + e + " (eventId " + id + ")");
        }
    }

    /** A bed event whose fields are mostly valid; {@code why} collects the reasons the contract refuses it. */
    private ObjectNode bedEvent(String loc, List<String> why, boolean snapshotEntry) {
        ObjectNode ev = F.objectNode();
        if (!snapshotEntry) {
            switch (pick(14)) {
                case 0 -> {
                    ev.put("eventId", "not-a-uuid");
                    why.add("eventId is not a uuid");
                }
                case 1 -> {
                    ev.putNull("eventId");
                    why.add("eventId is null");
                }
                case 2 -> why.add("eventId is missing");
                default -> ev.put("eventId", UUID.randomUUID().toString());
            }
        }
        int locationChoice = pick(16);
        if (snapshotEntry && locationChoice < 4) {
            // a snapshot entry's locationId may be absent
        } else if (snapshotEntry && locationChoice == 4) {
            ev.put("locationId", locBeds);
            why.add("locationId " + locBeds + " is not the path's location");
        } else switch (locationChoice) {
            case 0 -> {
                String other = "FZ-unknown-" + (++counter);
                ev.put("locationId", other);
                why.add("location " + other + " is not registered");
            }
            case 1 -> idField(ev, "locationId", why);
            default -> ev.put("locationId", loc);
        }
        String uniqueBed = "b" + (++counter);
        if (pick(5) == 0) {
            ev.put("departmentId", "d" + counter);
            idField(ev, "bedId", why);
        } else if (pick(5) == 0) {
            idField(ev, "departmentId", why);
            ev.put("bedId", uniqueBed);
        } else {
            ev.put("departmentId", "K");
            ev.put("bedId", uniqueBed);
        }
        enumField(ev, "status", STATUSES, false, why);
        if (pick(25) == 0) {
            why.add("labels are missing");
        } else {
            ObjectNode labels = ev.putObject("labels");
            switch (pick(14)) {
                case 0 -> {
                    labels.put("specialistisch", "IC_DELUXE");
                    why.add("unknown element IC_DELUXE");
                }
                case 1 -> {
                    labels.putNull("specialistisch");
                    why.add("specialistisch is null");
                }
                case 2 -> {
                    String text = pickText();
                    labels.put("specialistisch", text);
                    if (!elements.contains(text)) {
                        why.add("unknown element");
                    }
                }
                default -> labels.put("specialistisch", pickFrom(elements));
            }
            switch (pick(10)) {
                case 0 -> {
                    labels.put("specialisme", "ASTROLOGIE");
                    why.add("unknown specialisme ASTROLOGIE");
                }
                case 1, 2 -> labels.put("specialisme", specialismen.isEmpty() ? null : pickFrom(specialismen));
                default -> labels.putNull("specialisme");
            }
            enumField(labels, "snijdendBeschouwend", List.of("SNIJDEND", "BESCHOUWEND"), true, why);
            switch (pick(12)) {
                case 0 -> {
                    labels.putNull("covid");
                    why.add("labels.covid is null");
                }
                case 1 -> {
                    labels.put("covid", "maybe");
                    why.add("labels.covid is not a boolean");
                }
                default -> labels.put("covid", random.nextBoolean());
            }
        }
        enumField(ev, "patientCovidStatus", PATIENT, true, why);
        if (!snapshotEntry || random.nextInt(10) < 3) {
            instantField(ev, "occurredAt", why, true);
            if (snapshotEntry && ev.get("occurredAt").isNull()) {
                // In a snapshot an entry's occurredAt is optional, and null is how many EPD serialisers say "not
                // given": the entry is then as of the snapshot's asOf (docs/reliability.md).
                why.remove("occurredAt is null");
            }
        }
        return ev;
    }

    // ---- PUT /api/v1/locations/{id}/beds ----------------------------------------------------------------------------

    private void snapshot(int n) {
        Api.Identity as = pickIdentity(Api.epd(org), Api.hospital(org), Api.rcps(roaz), Api.epd(org2));
        String loc = pick(15) == 0 ? pickPathId() : locSnap;
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        instantField(body, "asOf", why, true);
        ArrayNode list = body.putArray("beds");
        int count = random.nextInt(4);
        for (int e = 0; e < count; e++) {
            list.add(bedEvent(locSnap, why, true));
        }
        if (pick(20) == 0) {
            body.putNull("beds");
            why.add("beds is null");
        }
        String path = "/api/v1/locations/" + encode(loc) + "/beds";
        Sent req = new Sent(n, "PUT /api/v1/locations/{id}/beds", "PUT", path, as, json(body));
        Set<String> touched = new LinkedHashSet<>(List.of(locSnap, locBeds, loc));
        long before = capacityEvents(touched);
        Instant sentAt = Instant.now();
        Api.Response r = send(req);
        if (!checkAnswer(req, r)) {
            return;
        }
        if (r.status() >= 400) {
            assertNothingAppended(req, r, before, capacityEvents(touched));
            return;
        }
        if (!loc.matches(ID_PATTERN)) {
            why.add("the path's location id is outside " + ID_PATTERN);
        }
        if (!why.isEmpty()) {
            violation(req, r, "must be refused: " + String.join("; ", why));
        }
        Instant asOf = parseInstant(body.path("asOf").asText(null));
        if (asOf == null) {
            violation(req, r, "a snapshot without a readable asOf was accepted");
            return;
        }
        for (JsonNode entry : body.path("beds")) {
            Instant t = entry.hasNonNull("occurredAt") ? parseInstant(entry.path("occurredAt").asText(null)) : asOf;
            if (t == null) {
                violation(req, r, "a snapshot entry without a readable occurredAt was accepted");
                continue;
            }
            if (t.isAfter(sentAt.plus(FUTURE_TOLERANCE).plus(SLACK))) {
                violation(req, r, "a snapshot entry at " + t + ", more than 5 minutes ahead, was accepted");
            }
            noteDate(t);
            awaitEventVisible(req, r, org, locSnap, t, "snapshot entry " + entry.path("bedId").asText());
        }
    }

    // ---- PUT /api/v1/locations/{id}/thresholds ----------------------------------------------------------------------

    private void thresholds(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.epd(org), Api.hospital(org2));
        String loc = pick(12) == 0 ? pickPathId() : locBeds;
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        if (pick(20) == 0) {
            body.putNull("thresholds");
        } else {
            ArrayNode list = body.putArray("thresholds");
            List<String> pool = new ArrayList<>(elements);
            int count = random.nextInt(4);
            for (int e = 0; e < count && !pool.isEmpty(); e++) {
                ObjectNode t = list.addObject();
                String element = pick(10) == 0 ? pickText() : pool.remove(random.nextInt(pool.size()));
                t.put("specialistisch", element);
                JsonNode beds = pickNumber(0, 40);
                t.set("beds", beds);
                if (notAWholeNumber(beds) || beds.asLong() < 0 || beds.asLong() > 10_000) {
                    why.add("beds " + beds + " is not a whole number from 0 to 10,000");
                } else {
                    expected.put(element, beds.asLong());
                }
            }
        }
        String path = "/api/v1/locations/" + encode(loc) + "/thresholds";
        Sent req = new Sent(n, "PUT /api/v1/locations/{id}/thresholds", "PUT", path, as, json(body));
        Set<String> touched = new LinkedHashSet<>(List.of(locBeds, loc));
        Api.Response r = sendAndCheck(req, () -> capacityEvents(touched), why);
        if (r == null) {
            return;
        }
        awaitVisible(req, r, "the thresholds in the owner's regional picture", () -> {
            JsonNode l = location(Api.hospital(org), locBeds, null);
            if (l == null) {
                return locBeds + " is not listed";
            }
            for (JsonNode el : l.path("elements")) {
                String code = el.path("specialistisch").asText();
                JsonNode shown = el.get("threshold");
                Long want = expected.get(code);
                boolean ok = want == null ? shown == null || shown.isNull() || shown.asLong() == 0
                        : shown != null && shown.isIntegralNumber() && shown.asLong() == want
                        || want == 0 && (shown == null || shown.isNull());
                if (!ok) {
                    return "element " + code + " shows threshold " + shown + ", expected " + want + " in " + l;
                }
            }
            return null;
        });
    }

    // ---- PUT /api/v1/organisations/{id}/visibility ----------------------------------------------------------------

    private void visibility(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.epd(org), Api.hospital(org2));
        String target = pick(8) == 0 ? pickFrom(List.of(Lpz.AMC_ORG, org2, "x".repeat(65), "o rg"))
                : org;
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        // never true: this organisation stays hidden, so no figure of another test changes
        switch (pick(8)) {
            case 0 -> {
                body.putNull("shared");
                why.add("shared is null");
            }
            case 1 -> why.add("shared is missing");
            case 2 -> {
                body.put("shared", "maybe");
                why.add("shared is not a boolean");
            }
            case 3 -> {
                body.set("shared", F.objectNode());
                why.add("shared is an object");
            }
            default -> body.put("shared", false);
        }
        switch (pick(5)) {
            case 0 -> body.putNull("releaseHistory");
            case 1 -> body.put("releaseHistory", "no");
            case 2 -> body.put("releaseHistory", true);
            default -> body.put("releaseHistory", false);
        }
        String path = "/api/v1/organisations/" + encode(target) + "/visibility";
        Sent req = new Sent(n, "PUT /api/v1/organisations/{id}/visibility", "PUT", path, as, json(body));
        Set<String> touched = new LinkedHashSet<>(List.of("organisation:" + org, "organisation:" + org2,
                "organisation:" + target));
        Api.Response r = sendAndCheck(req, () -> capacityEvents(touched), why);
        if (r == null) {
            return;
        }
        if (!target.equals(org)) {
            return;
        }
        awaitVisible(req, r, "the organisation hidden in the regional pictures", () -> {
            JsonNode own = location(Api.hospital(org), locBeds, null);
            if (own == null || own.path("shared").asBoolean(true)) {
                return "the owner's picture shows " + own + " (expected listed with shared false)";
            }
            JsonNode others = location(Api.rcps(roaz), locBeds, null);
            return others == null ? null : "the RCPS of " + roaz + " still sees " + others;
        });
    }

    // ---- PUT /api/v1/locations/{id}/contacts ------------------------------------------------------------------------

    private void contacts(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.epd(org), Api.hospital(org2));
        String loc = pick(12) == 0 ? pickPathId() : locBeds;
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        Map<String, List<List<String>>> expected = new LinkedHashMap<>();
        for (String list : List.of("regiehouderSeh", "beddencoordinator")) {
            if (pick(20) == 0) {
                body.putNull(list);
                why.add(list + " is null");
                continue;
            }
            ArrayNode array = body.putArray(list);
            List<List<String>> want = new ArrayList<>();
            int count = random.nextInt(3);
            for (int c = 0; c < count; c++) {
                String name = random.nextInt(3) == 0 ? pickText() : "Dr. " + (++counter);
                String phone = random.nextInt(3) == 0 ? pickText() : "+31 20 " + (5550000 + counter);
                ObjectNode contact = array.addObject();
                text(contact, "name", name, MAX_NAME, why);
                text(contact, "phone", phone, MAX_PHONE, why);
                want.add(List.of(name.strip(), phone.strip()));
            }
            expected.put(list, want);
        }
        String path = "/api/v1/locations/" + encode(loc) + "/contacts";
        Sent req = new Sent(n, "PUT /api/v1/locations/{id}/contacts", "PUT", path, as, json(body));
        Set<String> touched = new LinkedHashSet<>(List.of(locBeds, loc));
        Api.Response r = sendAndCheck(req, () -> capacityEvents(touched), why);
        if (r == null) {
            return;
        }
        awaitVisible(req, r, "the contacts in the owner's regional picture", () -> {
            JsonNode l = location(Api.hospital(org), locBeds, null);
            if (l == null) {
                return locBeds + " is not listed";
            }
            for (Map.Entry<String, List<List<String>>> e : expected.entrySet()) {
                List<List<String>> shown = new ArrayList<>();
                l.path("contacts").path(e.getKey()).forEach(c -> shown.add(List.of(c.path("name").asText(null),
                        c.path("phone").asText(null))));
                if (!shown.equals(e.getValue())) {
                    return e.getKey() + " shown as " + shown(String.valueOf(shown), 300) + ", sent (stripped) "
                            + shown(String.valueOf(e.getValue()), 300);
                }
            }
            return null;
        });
    }

    // ---- PUT /api/v1/locations/{id} (ADMIN) -----------------------------------------------------------------------

    private void registerLocation(int n) {
        Api.Identity as = pickIdentity(Api.admin(), Api.admin(), Api.hospital(org), Api.epd(org));
        List<String> why = new ArrayList<>();
        String id;
        int choice = random.nextInt(10);
        if (choice < 2 && !registered.isEmpty()) {
            id = pickFrom(new ArrayList<>(registered.keySet()));
        } else if (choice < 4) {
            id = pickPathId();
            if (!id.matches(ID_PATTERN)) {
                why.add("location id outside " + ID_PATTERN);
            }
        } else {
            id = "FZL-" + (++counter) + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
        }
        ObjectNode body = F.objectNode();
        switch (pick(12)) {
            case 0 -> idField(body, "organisationId", why);
            case 1 -> {
                body.putNull("organisationId");
                why.add("organisationId is null");
            }
            default -> body.put("organisationId", org);
        }
        String name = random.nextInt(3) == 0 ? pickText() : "FZ locatie " + counter;
        text(body, "name", name, MAX_NAME, why);
        switch (pick(10)) {
            case 0 -> {
                body.put("roazRegionId", "ROAZ-NOPE");
                why.add("unknown ROAZ region");
            }
            case 1 -> body.putNull("roazRegionId");
            default -> body.put("roazRegionId", roaz);
        }
        switch (pick(10)) {
            case 0 -> {
                body.put("safetyRegionId", "VR99");
                why.add("safety region outside VR01..VR25");
            }
            case 1 -> {
                body.put("safetyRegionId", vr + "\u0000");
                why.add("safety region outside VR01..VR25");
            }
            default -> body.put("safetyRegionId", vr);
        }
        // never this run's stop kind: a new provider of it would change the last-in-region rule under the stop checks
        List<String> care = new ArrayList<>(KINDS);
        care.remove(kind);
        switch (pick(10)) {
            case 0 -> {
                body.putArray("careOffered").add("ICU");
                why.add("unknown care kind ICU");
            }
            case 1 -> {
                body.putArray("careOffered").addNull();
                why.add("careOffered holds null");
            }
            case 2 -> body.put("careOffered", "SEH");
            case 3 -> body.putArray("careOffered");
            default -> {
                ArrayNode a = body.putArray("careOffered");
                a.add("SEH");
                if (random.nextBoolean()) {
                    a.add(pickFrom(care));
                }
            }
        }
        String path = "/api/v1/locations/" + encode(id);
        Sent req = new Sent(n, "PUT /api/v1/locations/{id}", "PUT", path, as, json(body));
        Set<String> touched = new LinkedHashSet<>(List.of(id, locBeds));
        Api.Response r = sendAndCheck(req, () -> capacityEvents(touched), why);
        if (r == null) {
            return;
        }
        String expectedName = name.strip();
        String owner = body.path("organisationId").asText();
        registered.put(id, expectedName);
        awaitVisible(req, r, "the location in GET /api/v1/locations/{id} and the owner's regional picture", () -> {
            Api.Response get = Api.get(Api.admin(), path);
            if (get.status() != 200 || !expectedName.equals(get.json().path("name").asText(null))) {
                return "GET " + path + " → " + get;
            }
            JsonNode l = location(Api.hospital(owner), id, null);
            if (l == null) {
                return id + " is not listed in the picture of " + roaz + " as its owner " + owner + " sees it";
            }
            return expectedName.equals(l.path("name").asText(null)) ? null
                    : "the picture names it " + shown(l.path("name").asText(null), 200) + ", sent (stripped) "
                    + shown(expectedName, 200);
        });
    }

    // ---- POST /api/v1/stops -----------------------------------------------------------------------------------------

    private void declareStop(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.mka(vr), Api.hospital(org2));
        List<String> why = new ArrayList<>();
        ObjectNode body = F.objectNode();
        switch (pick(12)) {
            case 0 -> body.put("locationId", locBeds);
            case 1 -> idField(body, "locationId", why);
            default -> body.put("locationId", random.nextBoolean() ? provider1 : provider2);
        }
        enumField(body, "kind", List.of(kind), false, why);
        switch (pick(12)) {
            case 0 -> {
                body.put("type", "SOMETIMES");
                why.add("unknown type SOMETIMES");
            }
            case 1 -> body.put("type", "PLANNED");
            default -> body.put("type", "UNPLANNED");
        }
        JsonNode minutes = pickNumber(1, 200);
        body.set("expectedDurationMinutes", minutes);
        if (notAWholeNumber(minutes) || minutes.asLong() <= 0 || minutes.asLong() > 10_080) {
            why.add("expectedDurationMinutes " + minutes + " is not a whole number from 1 to 10,080");
        }
        textField(body, "reason", why, true);
        booleanField(body, "mkaContacted");
        Sent req = new Sent(n, "POST /api/v1/stops", "POST", "/api/v1/stops", as, json(body));
        long before = stopEvents();
        long refusedBefore = stopRefusals();
        Api.Response r = send(req);
        if (!checkAnswer(req, r)) {
            return;
        }
        if (r.status() >= 400) {
            if (r.status() == 409 && "LAST_IN_REGION".equals(code(r))) {
                refusedLastInRegion++;
                long appended = stopEvents() - before;
                if (appended != 1 || stopRefusals() - refusedBefore != 1) {
                    violation(req, r, "a last-in-region refusal records exactly one StopRefused; appended "
                            + appended);
                }
            } else {
                assertNothingAppended(req, r, before, stopEvents());
            }
            return;
        }
        if (!why.isEmpty()) {
            violation(req, r, "must be refused: " + String.join("; ", why));
        }
        JsonNode a = r.json();
        String stopId = a.path("stopId").asText("");
        if (stopId.isEmpty()) {
            violation(req, r, "no stopId in the 201");
            return;
        }
        declared++;
        Instant expectedEnd = parseInstant(a.path("expectedEnd").asText(null));
        activeStops.put(stopId, new ActiveStop(stopId, minutes.asLong(), expectedEnd));
        String reason = body.path("reason").asText(null);
        awaitVisible(req, r, "stop " + stopId + " in the stop view of " + vr, () -> {
            JsonNode s = Stops.stopIn(stopView(), stopId);
            if (s == null) {
                return "not listed";
            }
            if (!Objects.equals(reason, s.path("reason").asText(null))) {
                return "reason shown as " + shown(s.path("reason").asText(null), 200);
            }
            if (s.path("expectedDurationMinutes").asLong() != minutes.asLong()) {
                return "expectedDurationMinutes " + s.path("expectedDurationMinutes");
            }
            return sameInstant(s.path("expectedEnd"), expectedEnd) ? null : "expectedEnd " + s.path("expectedEnd");
        });
    }

    // ---- POST /api/v1/stops/{id}/extend -----------------------------------------------------------------------------

    private void extendStop(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.mma(vr), Api.hospital(org2));
        String stopId = pickStopId();
        ActiveStop known = activeStops.get(stopId);
        List<String> why = new ArrayList<>();
        ObjectNode body = F.objectNode();
        JsonNode minutes = known != null && random.nextBoolean()
                ? F.numberNode(known.minutes() + random.nextInt(40) - 10) : pickNumber(1, 400);
        body.set("expectedDurationMinutes", minutes);
        if (notAWholeNumber(minutes) || minutes.asLong() <= 0 || minutes.asLong() > 10_080) {
            why.add("expectedDurationMinutes " + minutes + " is not a whole number from 1 to 10,080");
        } else if (known != null && minutes.asLong() <= known.minutes()) {
            why.add(minutes + " minutes does not exceed the current " + known.minutes() + " (NOT_AN_EXTENSION)");
        }
        booleanField(body, "mkaContacted");
        if (random.nextBoolean()) {
            textField(body, "reason", why, false);
        }
        String path = "/api/v1/stops/" + encode(stopId) + "/extend";
        Sent req = new Sent(n, "POST /api/v1/stops/{id}/extend", "POST", path, as, json(body));
        Api.Response r = sendAndCheck(req, () -> stopEvents(), why);
        if (r == null) {
            return;
        }
        Instant expectedEnd = parseInstant(r.json().path("expectedEnd").asText(null));
        activeStops.put(stopId, new ActiveStop(stopId, minutes.asLong(), expectedEnd));
        awaitVisible(req, r, "the extension of " + stopId + " in the stop view of " + vr, () -> {
            JsonNode s = Stops.stopIn(stopView(), stopId);
            if (s == null) {
                return "not listed";
            }
            if (s.path("expectedDurationMinutes").asLong() != minutes.asLong()) {
                return "expectedDurationMinutes " + s.path("expectedDurationMinutes");
            }
            return sameInstant(s.path("expectedEnd"), expectedEnd) ? null : "expectedEnd " + s.path("expectedEnd");
        });
    }

    // ---- POST /api/v1/stops/{id}/end --------------------------------------------------------------------------------

    private void endStop(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.mka(vr), Api.hospital(org2));
        String stopId = pickStopId();
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        if (random.nextBoolean()) {
            textField(body, "reason", why, false);
        }
        String path = "/api/v1/stops/" + encode(stopId) + "/end";
        Sent req = new Sent(n, "POST /api/v1/stops/{id}/end", "POST", path, as, json(body));
        long before = stopEvents();
        Api.Response r = send(req);
        if (!checkAnswer(req, r)) {
            return;
        }
        if (r.status() >= 400) {
            assertNothingAppended(req, r, before, stopEvents());
            return;
        }
        activeStops.remove(stopId);
        awaitVisible(req, r, "the end of " + stopId + " in the stop view of " + vr,
                () -> Stops.stopIn(stopView(), stopId) == null ? null : "still listed");
    }

    // ---- POST /api/v1/stop-announcements ----------------------------------------------------------------------------

    private void announce(int n) {
        Api.Identity as = pickIdentity(Api.hospital(org), Api.hospital(org), Api.mka(vr), Api.hospital(org2));
        List<String> why = new ArrayList<>();
        ObjectNode body = F.objectNode();
        switch (pick(12)) {
            case 0 -> idField(body, "locationId", why);
            default -> body.put("locationId", random.nextBoolean() ? provider1 : provider2);
        }
        enumField(body, "kind", List.of(kind), false, why);
        if (random.nextBoolean()) {
            Instant start = Instant.now().plus(Duration.ofMinutes(30 + random.nextInt(600)))
                    .truncatedTo(ChronoUnit.SECONDS);
            body.put("plannedStart", start.toString());
            body.put("plannedEnd", start.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? -5 : 90)).toString());
        } else {
            instantField(body, "plannedStart", why, false);
            instantField(body, "plannedEnd", why, false);
        }
        textField(body, "reason", why, true);
        Sent req = new Sent(n, "POST /api/v1/stop-announcements", "POST", "/api/v1/stop-announcements", as,
                json(body));
        Api.Response r = sendAndCheck(req, () -> stopEvents(), why);
        if (r == null) {
            return;
        }
        JsonNode a = r.json();
        String id = a.path("announcementId").asText("");
        Instant start = parseInstant(a.path("plannedStart").asText(null));
        Instant end = parseInstant(a.path("plannedEnd").asText(null));
        if (id.isEmpty() || start == null || end == null) {
            violation(req, r, "the 201 lacks announcementId, plannedStart or plannedEnd");
            return;
        }
        if (!end.isAfter(start)) {
            violation(req, r, "an announcement that ends (" + end + ") before or when it starts (" + start
                    + ") was accepted");
        }
        noteDate(start);
        noteDate(end);
        if (!end.isAfter(Instant.now().plusSeconds(60))) {
            return; // not open any more: the view does not list it; caughtUp/parked at the end cover it
        }
        String reason = body.path("reason").asText(null);
        awaitVisible(req, r, "announcement " + id + " in the stop view of " + vr, () -> {
            JsonNode x = Stops.entry(stopView(), "announcements", "announcementId", id);
            if (x == null) {
                return "not listed";
            }
            if (!sameInstant(x.path("plannedStart"), start) || !sameInstant(x.path("plannedEnd"), end)) {
                return "planned " + x.path("plannedStart") + " .. " + x.path("plannedEnd");
            }
            return Objects.equals(reason, x.path("reason").asText(null)) ? null
                    : "reason shown as " + shown(x.path("reason").asText(null), 200);
        });
    }

    // ---- POST /api/v1/safety-regions/{vr}/stops/lapse ---------------------------------------------------------------

    private void lapse(int n) {
        Api.Identity as = pickIdentity(Api.mma(vr), Api.mma(vr), Api.mka(vr), Api.hospital(org));
        String region = pick(8) == 0 ? pickFrom(List.of("VR99", "x".repeat(65), "VR05")) : vr;
        ObjectNode body = F.objectNode();
        List<String> why = new ArrayList<>();
        enumField(body, "kind", List.of(kind), false, why);
        if (random.nextBoolean()) {
            textField(body, "reason", why, false);
        }
        String path = "/api/v1/safety-regions/" + encode(region) + "/stops/lapse";
        Sent req = new Sent(n, "POST /api/v1/safety-regions/{vr}/stops/lapse", "POST", path, as, json(body));
        Api.Response r = sendAndCheck(req, () -> stopEvents(), why);
        if (r == null) {
            return;
        }
        if (!region.equals(vr) || !kind.equals(body.path("kind").asText())) {
            return;
        }
        List<String> lapsed = new ArrayList<>();
        r.json().path("lapsedStopIds").forEach(x -> lapsed.add(x.asText()));
        Instant now = Instant.now();
        for (ActiveStop s : activeStops.values()) {
            if (s.expectedEnd() != null && s.expectedEnd().isAfter(now.plusSeconds(10))
                    && !lapsed.contains(s.stopId())) {
                violation(req, r, "active stop " + s.stopId() + " was not lapsed");
            }
        }
        lapsed.forEach(activeStops::remove);
        lapsedStops += lapsed.size();
        awaitVisible(req, r, "the lapse of " + lapsed + " in the stop view of " + vr, () -> {
            JsonNode view = stopView();
            for (String id : lapsed) {
                if (Stops.stopIn(view, id) != null) {
                    return id + " still listed";
                }
            }
            return null;
        });
    }

    // ---- after the run ----------------------------------------------------------------------------------------------

    private void theCurrentPictureHoldsEveryAcceptedBed() {
        if (stuck) {
            return;
        }
        Supplier<String> check = () -> {
            Instant now = Instant.now();
            String withoutAhead = currentPictureProblem(now);
            return withoutAhead == null || currentPictureProblem(now.plus(FUTURE_TOLERANCE).plus(SLACK)) == null
                    ? null : withoutAhead + " (also with the beds reported for the next 5 minutes)";
        };
        awaitVisible(null, null, "every accepted bed of " + locBeds + " in the current picture", check);
    }

    /** Null when the current picture of the beds location shows exactly the accepted beds reported up to {@code upTo}. */
    private String currentPictureProblem(Instant upTo) {
        Map<String, int[]> expected = new TreeMap<>();
        for (AcceptedBed b : beds) {
            if (!b.locationId().equals(locBeds) || b.occurredAt().isAfter(upTo) || "BLOCKED".equals(b.status())) {
                continue;
            }
            int[] f = expected.computeIfAbsent(b.element(), k -> new int[3]);
            f[0]++;
            f["AVAILABLE".equals(b.status()) ? 1 : 2]++;
        }
        JsonNode l = location(Api.hospital(org), locBeds, null);
        if (l == null) {
            return expected.isEmpty() ? null : locBeds + " is not listed";
        }
        Map<String, List<Integer>> shown = new TreeMap<>();
        for (JsonNode el : l.path("elements")) {
            List<Integer> f = List.of(el.path("capacity").asInt(), el.path("available").asInt(),
                    el.path("occupied").asInt());
            if (!f.equals(List.of(0, 0, 0))) {
                shown.put(el.path("specialistisch").asText(), f);
            }
        }
        Map<String, List<Integer>> want = new TreeMap<>();
        expected.forEach((k, f) -> want.put(k, List.of(f[0], f[1], f[2])));
        return want.equals(shown) ? null
                : "[capacity, available, occupied] by element: shown " + shown + ", accepted " + want;
    }

    private void theStatisticsCountEveryDeclarationRefusalAndLapse() {
        if (stuck || declared + refusedLastInRegion == 0) {
            return;
        }
        awaitVisible(null, null, "the stop statistics of " + vr + "/" + kind, () -> {
            JsonNode row = Stops.statisticsRow(Stops.statistics(Api.admin()), vr, kind);
            if (row == null) {
                return "no row";
            }
            List<Long> shown = List.of(row.path("stops").asLong(), row.path("refusedLastInRegion").asLong(),
                    row.path("lapsedStops").asLong());
            List<Long> want = List.of((long) declared, (long) refusedLastInRegion, (long) lapsedStops);
            return shown.equals(want) ? null
                    : "[stops, refusedLastInRegion, lapsedStops] shown " + shown + ", accepted " + want + " in " + row;
        });
    }

    private void theFeedsAnswerForEveryDayWithAcceptedEvents() {
        Api.Identity lcps = new Api.Identity("e2e-lcps", List.of("LCPS"), null, null);
        List<String> days = new ArrayList<>(acceptedDates);
        days.add(LocalDate.now(Stops.AMSTERDAM).toString());
        for (String day : days) {
            Api.Response rcps = Api.get(Api.rcps(roaz), "/api/v1/rcps/" + roaz + "/daily?date=" + day);
            if (rcps.status() != 200) {
                violations.add("RCPS daily of " + roaz + " on " + day + " (a day with accepted events): " + rcps);
            } else if (rcps.body().contains("\"" + locBeds + "\"")) {
                violations.add("RCPS daily of " + roaz + " on " + day + " lists the hidden location " + locBeds);
            }
            Api.Response feed = Api.get(lcps, "/api/v1/lcps/feed?date=" + day);
            if (feed.status() != 200) {
                violations.add("LCPS feed on " + day + " (a day with accepted events): " + feed);
            }
        }
    }

    private void theProjectionIsCaughtUpAndNothingIsParked() {
        for (String instance : Platform.instancesOf(Platform.REPORTING)) {
            String notCaughtUp = awaitCaughtUp(instance, CAUGHT_UP_WITHIN);
            if (notCaughtUp != null) {
                violations.add("reporting's projection (" + instance + ") is not caught up within "
                        + CAUGHT_UP_WITHIN + " after the run: GET /internal/rebuild → " + shown(notCaughtUp, 4000));
            }
        }
        String parked = parked();
        if (parked != null && !parkedIsEmpty(parked)) {
            violations.add("GET /internal/parked lists records after the run (before it: " + parkedAtStart + "): "
                    + shown(parked, 4000));
        }
    }

    // ---- the checks -------------------------------------------------------------------------------------------------

    private Api.Response send(Sent req) {
        return Api.send(req.method(), req.path(), req.as(), req.body(), "application/json");
    }

    /** No 5xx; every 4xx a problem with a code. Answers whether the answer is one to go on with. */
    /**
     * Sends a request and checks what every answer must satisfy: the answer itself ({@link #checkAnswer}), a 4xx that
     * appended nothing (the event count before and after), a 2xx only for a request without a reason to refuse it.
     * Returns the 2xx answer for the caller's visibility check, or null when there is nothing more to check.
     */
    private Api.Response sendAndCheck(Sent req, java.util.function.LongSupplier events, List<String> why) {
        long before = events.getAsLong();
        Api.Response r = send(req);
        if (!checkAnswer(req, r)) {
            return null;
        }
        if (r.status() >= 400) {
            assertNothingAppended(req, r, before, events.getAsLong());
            return null;
        }
        if (!why.isEmpty()) {
            violation(req, r, "must be refused: " + String.join("; ", why));
        }
        return r;
    }

    private boolean checkAnswer(Sent req, Api.Response r) {
        tally.merge(req.endpoint() + " " + r.status(), 1, Integer::sum);
        if (r.status() >= 500) {
            violation(req, r, "a 5xx");
            return false;
        }
        if (r.status() >= 400) {
            if (!r.contentType().startsWith("application/problem+json")) {
                violation(req, r, "a " + r.status() + " that is not application/problem+json");
                return true;
            }
            JsonNode p;
            try {
                p = Api.JSON.readTree(r.body());
            } catch (Exception e) {
                violation(req, r, "a problem body that is not JSON");
                return true;
            }
            if (p.path("code").asText("").isBlank() || p.path("status").asInt() != r.status()
                    || !p.path("title").isTextual() || !p.path("type").isTextual()) {
                violation(req, r, "a problem without code, title, type or the matching status");
            }
            return true;
        }
        if (r.status() < 200 || r.status() > 299) {
            violation(req, r, "neither 2xx nor a problem");
            return false;
        }
        return true;
    }

    private void assertNothingAppended(Sent req, Api.Response r, long before, long after) {
        if (after != before) {
            violation(req, r, "a " + r.status() + " appended " + (after - before) + " event(s) to the event store");
        }
    }

    /** The event at {@code t} is in the owner's regional picture as of {@code t}: its lastEventAt is {@code t}. */
    private void awaitEventVisible(Sent req, Api.Response r, String owner, String loc, Instant t, String what) {
        awaitVisible(req, r, what + " at " + t + " in the owner's picture of " + roaz + " as of that instant", () -> {
            Api.Response a = Api.get(Api.hospital(owner), "/api/v1/regions/" + roaz + "/capacity?asOf="
                    + encode(ceilToMicros(t).toString()));
            if (a.status() != 200) {
                return "GET ?asOf → " + a;
            }
            JsonNode l = find(a.json(), loc);
            if (l == null) {
                return loc + " is not listed";
            }
            return sameInstant(l.path("lastEventAt"), t) ? null : "lastEventAt is " + l.path("lastEventAt");
        });
    }

    /** Polls {@code problem} (null: fine) until it passes or {@link #VISIBLE_WITHIN} passed, then records it. */
    private void awaitVisible(Sent req, Api.Response r, String what, Supplier<String> problem) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(VISIBLE_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        try {
                            last.set(problem.get());
                        } catch (RuntimeException | AssertionError e) {
                            last.set(e.toString());
                        }
                        return last.get() == null;
                    });
            return;
        } catch (ConditionTimeoutException e) {
            // reported below with the last answer
        }
        String message = what + " is not visible within " + VISIBLE_WITHIN + ": " + shown(last.get(), 1500);
        if (req == null) {
            violations.add(message);
        } else {
            violation(req, r, message);
        }
        String notCaughtUp = awaitCaughtUp(Platform.instancesOf(Platform.REPORTING).get(0), Duration.ofSeconds(10));
        if (notCaughtUp != null) {
            stuck = true;
            violations.add("reporting's projection is stuck after request #" + (req == null ? "-" : req.number())
                    + " (the run ends here): GET /internal/rebuild → " + shown(notCaughtUp, 2000));
        }
    }

    private void violation(Sent req, Api.Response r, String what) {
        String v = req + "\n    → " + (r == null ? "-" : r.status() + " [" + r.contentType() + "] "
                + shown(r.body(), 1500)) + "\n    VIOLATION: " + what;
        violations.add(v);
        System.out.println("WriteEndpointFuzzIT " + v);
    }

    // ---- read models ------------------------------------------------------------------------------------------------

    private static JsonNode location(Api.Identity as, String loc, Instant asOf) {
        String path = "/api/v1/regions/" + roaz + "/capacity" + (asOf == null ? "" : "?asOf=" + encode(asOf.toString()));
        return find(Api.expectStatus(Api.get(as, path), 200), loc);
    }

    private static JsonNode find(JsonNode picture, String loc) {
        for (JsonNode l : picture.path("locations")) {
            if (loc.equals(l.path("locationId").asText())) {
                return l;
            }
        }
        return null;
    }

    private static JsonNode stopView() {
        return Api.expectStatus(Api.get(Api.mka(vr), "/api/v1/safety-regions/" + vr + "/stops"), 200);
    }

    /**
     * The read models keep PostgreSQL {@code timestamptz} (microseconds, rounded): an event at {@code t} with finer
     * digits is stored at most half a microsecond later, so the picture as of {@code t} rounded up holds it.
     */
    static Instant ceilToMicros(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MICROS);
        return down.equals(t) ? t : down.plus(1, ChronoUnit.MICROS);
    }

    private static boolean sameInstant(JsonNode shown, Instant expected) {
        Instant s = shown != null && shown.isTextual() ? parseInstant(shown.asText()) : null;
        return s != null && expected != null && Duration.between(s, expected).abs().compareTo(Duration.ofNanos(1000)) < 0;
    }

    private void noteDate(Instant t) {
        try {
            LocalDate d = t.atZone(Stops.AMSTERDAM).toLocalDate();
            // a feed answers days up to today (a later day is 400 "in the future"): a planned announcement's
            // days, or a report a few minutes ahead across midnight, have no feed day yet
            if (d.getYear() >= 1 && d.getYear() <= 9999 && acceptedDates.size() < 8
                    && !d.isAfter(LocalDate.now(Stops.AMSTERDAM))) {
                acceptedDates.add(d.toString());
            }
        } catch (RuntimeException ignored) {
            // outside what a LocalDate of the zone can hold: no feed day to ask for
        }
    }

    // ---- the event stores -------------------------------------------------------------------------------------------

    private static Connection connect(String service) throws SQLException {
        TestInfra.Database db = TestInfra.database(service);
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private long capacityEvents(Set<String> aggregates) {
        // an id PostgreSQL text cannot hold (NUL, a lone surrogate) is no aggregate identifier there either
        return count(capacityDb, "select count(*) from domain_event_entry where aggregate_identifier = any(?)",
                aggregates.stream().filter(id -> id.indexOf('\u0000') < 0 && id.chars().noneMatch(
                        c -> Character.isSurrogate((char) c))).toArray(String[]::new));
    }

    /**
     * The events requests appended to the stop boards of this run's veiligheidsregio (requests may name another kind).
     * Not the boards' own deadline events (expiry warnings and expiries, planned-stop reminders and lapses): the run
     * declares stops of 1 to 200 minutes, so these fall due while other requests run, and no request appends them.
     */
    private long stopEvents() {
        return count(stopDb, "select count(*) from domain_event_entry where aggregate_identifier like ? and "
                + "payload_type not similar to '%(StopExpiryWarned|StopExpired|PlannedStopReminder|"
                + "StopAnnouncementLapsed)'", vr + "/%");
    }

    private long stopRefusals() {
        return count(stopDb, "select count(*) from domain_event_entry where aggregate_identifier like ? "
                + "and payload_type like '%StopRefused'", vr + "/%");
    }

    private static long count(Connection c, String sql, Object parameter) {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (parameter instanceof String[] array) {
                st.setArray(1, c.createArrayOf("text", array));
            } else {
                st.setObject(1, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    // ---- reporting's operator endpoints -----------------------------------------------------------------------------

    /** Null once the instance's {@code GET /internal/rebuild} says {@code caughtUp: true}; else its last answer. */
    private static String awaitCaughtUp(String instance, Duration within) {
        String url = Platform.baseUrl(instance) + "/internal/rebuild";
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(internal(url));
                return last.get() != null && last.get().replace(" ", "").contains("\"caughtUp\":true");
            });
            return null;
        } catch (ConditionTimeoutException e) {
            return String.valueOf(last.get());
        }
    }

    private static String internal(String url) {
        try {
            var r = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 404 ? null : r.statusCode() + " " + r.body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    /** The body of {@code GET /internal/parked} of the first reporting instance, or null while it does not exist. */
    private static String parked() {
        String r = internal(Platform.baseUrl(Platform.instancesOf(Platform.REPORTING).get(0)) + "/internal/parked");
        if (r == null || !r.startsWith("200 ")) {
            return r == null ? null : r;
        }
        return r.substring(4);
    }

    /** An empty list, or an object whose lists are empty and whose counts are 0. */
    static boolean parkedIsEmpty(String body) {
        JsonNode p;
        try {
            p = Api.JSON.readTree(body);
        } catch (Exception e) {
            return false;
        }
        if (p.isArray()) {
            return p.isEmpty();
        }
        if (!p.isObject()) {
            return false;
        }
        for (var it = p.fields(); it.hasNext(); ) {
            var f = it.next();
            if (f.getValue().isArray() && !f.getValue().isEmpty()) {
                return false;
            }
            if (f.getValue().isIntegralNumber() && f.getValue().asLong() != 0
                    && List.of("count", "total", "size", "parked").contains(f.getKey())) {
                return false;
            }
        }
        return true;
    }

    // ---- set-up -----------------------------------------------------------------------------------------------------

    /**
     * A (veiligheidsregio, kind) that no other test class uses (StopsIT: VR05, VR06, VR19, VR23; VR13 is everyone's),
     * preferably one that no location offers yet, so the stop procedure's rules see only this run's providers.
     */
    private static void chooseAStopBoardNobodyUses() {
        Set<String> taken = Set.of("VR05", "VR06", "VR13", "VR19", "VR21", "VR23");
        for (String k : List.of("PCI", "CCU", "EHH", "CTT", "SR")) {
            for (int i = 25; i >= 1; i--) {
                String candidate = String.format("VR%02d", i);
                if (taken.contains(candidate)) {
                    continue;
                }
                JsonNode listing = Api.expectStatus(Api.get(Api.admin(),
                        "/api/v1/safety-regions/" + candidate + "/locations"), 200);
                boolean offered = false;
                for (JsonNode l : listing.path("locations")) {
                    for (JsonNode c : l.path("careOffered")) {
                        offered |= k.equals(c.asText());
                    }
                }
                if (!offered && listing.path("roazRegionId").isTextual()) {
                    vr = candidate;
                    kind = k;
                    roaz = listing.get("roazRegionId").asText();
                    return;
                }
            }
        }
        // every kind is offered somewhere in every free region: then a board whose reference providers keep the
        // last-in-region rule from ever refusing this run's declarations (no other test declares stops there)
        for (int i = 1; i <= 25; i++) {
            String candidate = String.format("VR%02d", i);
            if (!taken.contains(candidate)) {
                JsonNode listing = Api.expectStatus(Api.get(Api.admin(),
                        "/api/v1/safety-regions/" + candidate + "/locations"), 200);
                vr = candidate;
                kind = "PCI";
                roaz = listing.path("roazRegionId").asText();
                return;
            }
        }
        throw new IllegalStateException("no veiligheidsregio of its own");
    }

    private static String register(String organisationId, String care) {
        String id = Lpz.unique("FZ");
        Api.Response r = Api.put(Api.admin(), "/api/v1/locations/" + id, Lpz.locationBody(organisationId,
                "FZ " + id, roaz, vr, care));
        assertThat(r.status()).as("register location: %s", r).isIn(200, 201);
        Lpz.awaitLocation(Api.hospital(organisationId), roaz, id, l -> assertThat(l).isNotNull());
        return id;
    }

    // ---- value pools ------------------------------------------------------------------------------------------------

    private Api.Identity pickIdentity(Api.Identity usual, Api.Identity alsoUsual, Api.Identity wrongRole,
                                      Api.Identity wrongOrganisation) {
        int p = pick(20);
        return p == 0 ? wrongRole : p == 1 ? wrongOrganisation : p < 11 ? usual : alsoUsual;
    }

    /**
     * The choice of one of a switch's {@code n} cases, {@code n - 1} (its default) being the usual value: always that
     * in a clean request, else one in four a random case.
     */
    private int pick(int n) {
        return !clean && random.nextInt(4) == 0 ? random.nextInt(n) : n - 1;
    }

    private <T> T pickFrom(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Instants as the contract writes them: the ends of the calendar, around now, odd offsets; some malformed. */
    private String pickInstant(List<String> why, boolean bedRule) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (random.nextInt(10) < 5) {
            Instant t = now.minus(Duration.ofMinutes(1 + random.nextInt(600))).minusMillis(random.nextInt(1000));
            return OffsetDateTime.ofInstant(t, Bed.AMSTERDAM).toString();
        }
        int c = random.nextInt(19);
        if (clean && c >= 13 && c <= 15) {
            c = 18; // malformed ones only in unclean requests
        }
        switch (c) {
            case 0: return "-999999999-01-01T00:00:00Z";
            case 1:
                if (bedRule) {
                    why.add("+999999999 lies more than 5 minutes ahead");
                }
                return "+999999999-12-31T23:59:59Z";
            case 2: return "0001-01-01T00:00:00Z";
            case 3: return "1999-12-31T23:59:59Z";
            case 4: return "2000-01-01T00:00:00Z";
            case 5: return "1970-01-01T00:00:00Z";
            case 6:
                if (bedRule) {
                    why.add("occurredAt 6 minutes ahead");
                }
                return now.plus(Duration.ofMinutes(6)).toString();
            case 7: return now.plus(Duration.ofMinutes(2)).toString();
            case 8: return now.plus(Duration.ofMinutes(4)).toString();
            case 9: return OffsetDateTime.ofInstant(now.minusSeconds(90), ZoneOffset.ofHours(14)).toString();
            case 10: return OffsetDateTime.ofInstant(now.minusSeconds(95), ZoneOffset.ofHours(-12)).toString();
            case 11: return OffsetDateTime.ofInstant(now.minusSeconds(97), ZoneOffset.ofHoursMinutes(5, 45))
                    .toString();
            case 12:
                if (bedRule) {
                    why.add("occurredAt 6 minutes ahead (written with +14:00)");
                }
                return OffsetDateTime.ofInstant(now.plus(Duration.ofMinutes(6)), ZoneOffset.ofHours(14)).toString();
            case 13:
                why.add("not an instant");
                return "2026-13-01T00:00:00Z";
            case 14:
                why.add("not an instant");
                return "yesterday";
            case 15:
                why.add("no offset");
                return "2025-01-01T10:00:00";
            case 16: return "2000-02-29T23:59:59.999999999-12:00";
            case 17: return now.minus(Duration.ofDays(3650)).toString();
            default: return now.minusSeconds(1).toString();
        }
    }

    private void instantField(ObjectNode node, String field, List<String> why, boolean bedRule) {
        switch (pick(25)) {
            case 0 -> {
                node.putNull(field);
                why.add(field + " is null");
            }
            case 1 -> {
                node.put(field, 1700000000000L);
                why.add(field + " is a number");
            }
            default -> {
                List<String> reasons = new ArrayList<>();
                String value = pickInstant(reasons, bedRule);
                node.put(field, value);
                reasons.forEach(x -> why.add(field + ": " + x));
                Instant t = parseInstant(value);
                Instant now = Instant.now();
                if (t != null && (t.isBefore(EPOCH) || !t.isBefore(END_OF_RANGE))) {
                    why.add(field + " " + value + " outside [2000-01-01, 2100-01-01) (docs/reliability.md)");
                } else if (t != null && bedRule && t.isBefore(now.minus(BACK_FILL).minus(Duration.ofDays(1)))) {
                    why.add(field + " " + value + " before the back-fill horizon max(2000-01-01, now - 400 days): "
                            + "OCCURRED_TOO_EARLY");
                } else if (t != null && !bedRule && t.isAfter(now.plus(Duration.ofDays(366)))) {
                    why.add(field + " " + value + " more than 366 days ahead (docs/reliability.md)");
                }
            }
        }
    }

    /** Free texts: ordinary, empty, control characters, lone surrogates, emoji, 10,000 characters. */
    private String pickText() {
        return switch (random.nextInt(25)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\u0000";
            case 3 -> "a\u0001b";
            case 4 -> "del\u007f";
            case 5 -> "nel\u0085";
            case 6 -> "\uD800";
            case 7 -> "x\uDFFFy";
            case 8 -> "😷🏥";
            case 9 -> "x".repeat(10_000);
            case 10 -> "🏥".repeat(5_000);
            case 11 -> "  spaties rondom  ";
            case 12 -> "\t\r\n";
            case 13 -> "'; drop table domain_event_entry; --";
            case 14 -> "<script>alert(1)</script>";
            case 15 -> "%s%n${jndi:ldap://x}";
            case 16 -> "null";
            case 17 -> "Zuid-Limburg ő ß Ω 中文";
            case 18 -> "\u200B\uFEFF";
            case 19 -> "a\u0000b".repeat(3);
            case 20 -> "\uDBFF\uDFFF";
            case 21 -> "nc\uFFFF";
            case 22 -> "n".repeat(MAX_NAME + 1);
            case 23 -> "r".repeat(MAX_REASON + 1);
            default -> "Onderhoud " + random.nextInt(1000);
        };
    }

    /**
     * Why a text breaks docs/reliability.md (control characters but tab, LF and CR; unpaired surrogates; U+FFFE and
     * U+FFFF; longer than the field's limit), or null.
     */
    static String textProblem(String field, String text, int max) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return field + " holds control character " + String.format("U+%04X", (int) c);
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return field + " holds a noncharacter " + String.format("U+%04X", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " holds an unpaired surrogate " + String.format("U+%04X", (int) c);
            }
        }
        int length = text.strip().codePointCount(0, text.strip().length());
        return length > max ? field + " is " + length + " characters long, more than " + max : null;
    }

    private void text(ObjectNode node, String field, String value, int max, List<String> why) {
        node.put(field, value);
        String problem = textProblem(field, value, max);
        if (problem != null) {
            why.add(problem + " (docs/reliability.md)");
        }
    }

    private void textField(ObjectNode node, String field, List<String> why, boolean required) {
        switch (pick(14)) {
            case 0 -> {
                node.putNull(field);
                if (required) {
                    why.add(field + " is null");
                }
            }
            case 1 -> node.put(field, 42);
            default -> text(node, field, random.nextBoolean() ? pickText() : "Storing " + random.nextInt(100),
                    MAX_REASON, why);
        }
    }

    private void booleanField(ObjectNode node, String field) {
        switch (pick(10)) {
            case 0 -> node.putNull(field);
            case 1 -> node.put(field, "ja");
            case 2 -> node.put(field, true);
            default -> node.put(field, false);
        }
    }

    /** Ids of bodies: within the pattern at its edges, or outside it. */
    private void idField(ObjectNode node, String field, List<String> why) {
        String id = pickPathId();
        if (pick(8) == 0) {
            node.putNull(field);
            why.add(field + " is null");
            return;
        }
        node.put(field, id);
        if (!id.matches(ID_PATTERN)) {
            why.add(field + " outside " + ID_PATTERN);
        }
    }

    private String pickPathId() {
        return switch (random.nextInt(12)) {
            case 0 -> "x".repeat(65);
            case 1 -> "y".repeat(10_000);
            case 2 -> "bad!id";
            case 3 -> "bed 1";
            case 4 -> "bed\u0000";
            case 5 -> "🏥";
            case 6 -> "é";
            case 7 -> "z".repeat(64);
            case 8 -> "a.b_c-" + (++counter);
            case 9 -> "nl\u0085";
            case 10 -> "FZ-nope-" + (++counter);
            default -> "_" + (++counter);
        };
    }

    private void enumField(ObjectNode node, String field, List<String> valid, boolean nullable, List<String> why) {
        switch (pick(16)) {
            case 0 -> {
                node.put(field, "SLEEPING");
                why.add(field + " SLEEPING is not one of " + valid);
            }
            case 1 -> {
                node.put(field, valid.get(0).toLowerCase());
                why.add(field + " " + valid.get(0).toLowerCase() + " is not one of " + valid);
            }
            case 2 -> {
                node.putNull(field);
                if (!nullable) {
                    why.add(field + " is null");
                }
            }
            case 3 -> {
                node.put(field, "");
                why.add(field + " is empty");
            }
            case 4 -> {
                node.put(field, 1);
                why.add(field + " is a number");
            }
            default -> node.put(field, pickFrom(valid));
        }
    }

    /** Mostly a whole number in [lo, hi]; else 0, -1, 2^31, 2^63, 1e308, 1.5, a string or null. */
    private JsonNode pickNumber(int lo, int hi) {
        if (clean || random.nextInt(10) < 6) {
            return F.numberNode(lo + random.nextInt(hi - lo + 1));
        }
        return switch (random.nextInt(11)) {
            case 0 -> F.numberNode(0);
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(BigInteger.TWO.pow(31));
            case 3 -> F.numberNode(BigInteger.TWO.pow(63));
            case 4 -> F.numberNode(1e308);
            case 5 -> F.numberNode(1.5);
            case 6 -> F.textNode("30");
            case 7 -> F.nullNode();
            case 8 -> F.numberNode(Integer.MAX_VALUE);
            case 9 -> F.numberNode(-2147483649L);
            default -> F.numberNode(7 * 24 * 60 + random.nextInt(2));
        };
    }

    /**
     * Null, a fraction or beyond 32 bits. A number written as a string ({@code "30"}) is not counted: the contract
     * types it as a number but does not forbid the usual lenient reading.
     */
    static boolean notAWholeNumber(JsonNode n) {
        if (n.isTextual()) {
            return !n.asText().matches("-?\\d{1,9}");
        }
        return !n.isIntegralNumber() || !n.canConvertToInt();
    }

    private String pickStopId() {
        int p = random.nextInt(10);
        if (p < 7 && !activeStops.isEmpty()) {
            return pickFrom(new ArrayList<>(activeStops.keySet()));
        }
        return switch (random.nextInt(5)) {
            case 0 -> vr + "." + kind + "." + "0".repeat(32);
            case 1 -> "x".repeat(65);
            case 2 -> "VR05.PCI." + UUID.randomUUID().toString().replace("-", "");
            case 3 -> vr + ".SLEEPING." + "a".repeat(32);
            default -> "nope";
        };
    }

    // ---- text -------------------------------------------------------------------------------------------------------

    /** JSON with every lone surrogate written as a {@code \\uXXXX} escape (it cannot travel as UTF-8). */
    static String json(JsonNode body) {
        String text = Api.text(body);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String code(Api.Response r) {
        try {
            return Api.JSON.readTree(r.body()).path("code").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Readable in a report: control characters and surrogates as escapes, long texts cut. */
    static String shown(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u0085') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
