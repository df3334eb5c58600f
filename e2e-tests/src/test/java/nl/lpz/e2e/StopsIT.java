package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectProblem;
import static nl.lpz.e2e.Api.expectStatus;
import static nl.lpz.e2e.Lpz.instant;
import static nl.lpz.e2e.Stops.assertStoredInstant;
import static nl.lpz.e2e.Stops.awaitStatistics;
import static nl.lpz.e2e.Stops.awaitView;
import static nl.lpz.e2e.Stops.declare;
import static nl.lpz.e2e.Stops.declared;
import static nl.lpz.e2e.Stops.end;
import static nl.lpz.e2e.Stops.extend;
import static nl.lpz.e2e.Stops.stopIn;
import static nl.lpz.e2e.Stops.stopsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import nl.lpz.e2e.Stops.Provider;
import nl.lpz.e2e.Stops.Region;
import nl.lpz.e2e.Stops.StopEvent;
import nl.lpz.e2e.Stops.StopStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The regional stop procedure through the gateway (issue 3): stop-service decides, reporting-service shows the stops
 * of a veiligheidsregio, the statistics and the {@code stop} events of the regional stream.
 *
 * <p>Isolation: the last-in-region rule and the MMA lapse concern every provider of a kind in a veiligheidsregio, so
 * each test works on a (veiligheidsregio, kind) of its own that no reference location offers — PCI in VR05, VR06,
 * VR19 and VR23 (checked in {@link #theTestRegionsHaveNoReferencePciProvider()}) — with fresh locations registered by
 * ADMIN under organisations of that region. Counts in the statistics are then exact. The class runs after the other
 * classes (it kills stop-service once) and before {@code CrashRecoveryIT}.
 */
@Order(Integer.MAX_VALUE - 1)
class StopsIT {
    static final String KIND = "PCI";
    /** Declarations, views, stream, extension, end, errors, announcements. */
    static final Region TWENTE = new Region("VR05", "ROAZ-EU");
    /** Last in region and the MMA's lapse. */
    static final Region NOG = new Region("VR06", "ROAZ-ZW");
    /** Expiry warning and expiry. */
    static final Region LIMBURG_NOORD = new Region("VR23", "ROAZ-LI");
    /** Expiry across a restart of stop-service. */
    static final Region ZEELAND = new Region("VR19", "ROAZ-ZWN");

    /** Organisations of the reference topology in those regions. */
    static final String MST = "104001";
    static final String ZGT = "109001";
    static final String GELRE = "102101";
    static final String SLINGELAND = "105401";
    static final String ST_JANSDAL = "106201";
    static final String LAURENTIUS = "103201";
    static final String VIECURI = "107701";
    static final String ST_JANS_GASTHUIS = "106101";
    static final String ADRZ = "104401";
    static final String ZORGSAAM = "108801";

    /** The national default norm time of PCI (no regional setting in the local profile). */
    static final int PCI_NORM_MINUTES = 120;
    static final Duration GRACE = Duration.ofMinutes(20);
    /** How late after its expected end an expiry may reach the region's stream (stop-service: within ~1 s). */
    static final Duration EXPIRY_LATENESS = Duration.ofSeconds(10);

    @BeforeAll
    static void theTestRegionsHaveNoReferencePciProvider() {
        assertThat(Platform.has(Platform.STOP)).as("stop-service runs in the platform (build its jar first)").isTrue();
        for (Region r : List.of(TWENTE, NOG, LIMBURG_NOORD, ZEELAND)) {
            JsonNode listing = expectStatus(Api.get(Api.admin(),
                    "/api/v1/safety-regions/" + r.safetyRegionId() + "/locations"), 200);
            assertThat(listing.path("roazRegionId").asText()).as("ROAZ region of %s", r.safetyRegionId())
                    .isEqualTo(r.roazRegionId());
            List<String> pci = new ArrayList<>();
            listing.path("locations").forEach(l -> {
                boolean reference = !l.path("locationId").asText().startsWith("E2E");
                l.path("careOffered").forEach(c -> {
                    if (reference && KIND.equals(c.asText())) {
                        pci.add(l.path("locationId").asText());
                    }
                });
            });
            assertThat(pci).as("reference locations offering %s in %s: %s", KIND, r.safetyRegionId(), listing).isEmpty();
            assertThat(listing.path("locations").size()).as("locations of %s", r.safetyRegionId()).isPositive();
        }
    }

    // ---- declare: 201, the region's view, the stream -------------------------------------------------------------

    @Test
    void givenAHospitalOfTheOwningOrganisation_whenDeclaringAStop_thenCreatedWithGraceAndShownInTheRegionsViewAndStream() {
        Provider a = Stops.provider(MST, TWENTE, KIND);
        Stops.provider(ZGT, TWENTE, KIND);
        try (StopStream stream = new StopStream(Api.mka(TWENTE.safetyRegionId()), TWENTE)) {
            Instant before = Instant.now();
            Api.Response r = declare(a, KIND, 90, "Cathlab tijdelijk buiten gebruik (storing)");
            Instant after = Instant.now();
            JsonNode body = expectStatus(r, 201);
            String stopId = body.path("stopId").asText("");
            assertThat(stopId).as("stopId in %s", r).startsWith("VR05.PCI.");
            Instant startedAt = instant(body.get("startedAt"));
            assertThat(startedAt).as("startedAt of %s", r)
                    .isBetween(before.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS), after.plusSeconds(1));
            assertThat(instant(body.get("expectedEnd"))).as("expectedEnd of %s", r)
                    .isEqualTo(startedAt.plus(Duration.ofMinutes(90)));
            assertThat(instant(body.get("graceUntil"))).as("graceUntil of %s", r).isEqualTo(startedAt.plus(GRACE));
            assertThat(body.path("locationId").asText()).isEqualTo(a.locationId());
            assertThat(body.path("kind").asText()).isEqualTo(KIND);
            assertThat(body.path("type").asText()).isEqualTo("UNPLANNED");
            assertThat(body.path("safetyRegionId").asText()).isEqualTo(TWENTE.safetyRegionId());
            assertThat(body.path("normTimeMinutes").asInt()).isEqualTo(PCI_NORM_MINUTES);

            JsonNode view = awaitView(Api.mka(TWENTE.safetyRegionId()), TWENTE,
                    v -> assertThat(stopIn(v, stopId)).as("stop %s in %s", stopId, v).isNotNull());
            JsonNode s = stopIn(view, stopId);
            assertThat(s.path("locationId").asText()).isEqualTo(a.locationId());
            assertThat(s.path("locationName").asText()).isEqualTo("E2E stop provider " + a.locationId());
            assertThat(s.path("organisationId").asText()).isEqualTo(MST);
            assertThat(s.path("kind").asText()).isEqualTo(KIND);
            assertThat(s.path("type").asText()).isEqualTo("UNPLANNED");
            assertThat(s.path("reason").asText()).isEqualTo("Cathlab tijdelijk buiten gebruik (storing)");
            assertStoredInstant(s.get("startedAt"), startedAt);
            assertStoredInstant(s.get("expectedEnd"), startedAt.plus(Duration.ofMinutes(90)));
            assertStoredInstant(s.get("graceUntil"), startedAt.plus(GRACE));
            assertThat(s.path("expiresSoon").isBoolean()).as("expiresSoon in %s", s).isTrue();
            assertThat(s.path("expiresSoon").asBoolean()).as("expiresSoon of a 90-minute stop").isFalse();
            assertThat(s.path("expectedDurationMinutes").asInt()).isEqualTo(90);
            assertThat(s.path("normTimeMinutes").asInt()).isEqualTo(PCI_NORM_MINUTES);
            assertThat(s.path("mkaContacted").asBoolean(true)).isFalse();
            assertThat(s.path("extensions").asInt(-1)).isZero();
            assertThat(s.path("declaredBy").path("subject").asText()).isEqualTo(a.hospital().sub());
            assertThat(s.path("declaredBy").path("organisation").asText()).isEqualTo(MST);

            StopEvent e = stream.await(stopId, "DECLARED");
            assertThat(e.id()).as("event id").isNotBlank();
            assertThat(e.data().path("safetyRegionId").asText()).isEqualTo(TWENTE.safetyRegionId());
            assertThat(e.data().path("locationId").asText()).isEqualTo(a.locationId());
            assertThat(e.data().path("kind").asText()).isEqualTo(KIND);
            assertThat(instant(e.data().get("expectedEnd"))).isEqualTo(startedAt.plus(Duration.ofMinutes(90)));
            assertThat(instant(e.data().get("changedAt"))).isEqualTo(startedAt);

            // the other readers of the region: RCPS of its ROAZ region, a hospital; not the MKA of another VR
            assertThat(stopIn(Stops.view(Api.rcps(TWENTE.roazRegionId()), TWENTE), stopId)).isNotNull();
            assertThat(stopIn(Stops.view(Api.hospital(ZGT), TWENTE), stopId)).isNotNull();
            expectProblem(Api.get(Api.mka(NOG.safetyRegionId()), TWENTE.stops()), 403, "FORBIDDEN_REGION");
        }
    }

    // ---- extend and end ---------------------------------------------------------------------------------------------

    @Test
    void givenAnActiveStop_whenExtendingAndEnding_thenOnlyRealExtensionsWithinTheMkaRuleAndNoChangeAfterTheEnd() {
        Provider x = Stops.provider(MST, TWENTE, KIND);
        Stops.provider(ZGT, TWENTE, KIND);
        try (StopStream stream = new StopStream(Api.mka(TWENTE.safetyRegionId()), TWENTE)) {
            JsonNode d = declared(x, KIND, 60, "SEH en cathlab overvol");
            String stopId = d.get("stopId").asText();
            Instant startedAt = instant(d.get("startedAt"));
            stream.await(stopId, "DECLARED");

            JsonNode extended = expectStatus(extend(x.hospital(), stopId, 90, false), 200);
            assertThat(extended.path("stopId").asText()).isEqualTo(stopId);
            assertThat(instant(extended.get("startedAt"))).isEqualTo(startedAt);
            assertThat(instant(extended.get("expectedEnd"))).isEqualTo(startedAt.plus(Duration.ofMinutes(90)));
            assertThat(instant(extended.get("graceUntil"))).isEqualTo(startedAt.plus(GRACE));
            StopEvent e = stream.await(stopId, "EXTENDED");
            assertThat(instant(e.data().get("expectedEnd"))).isEqualTo(startedAt.plus(Duration.ofMinutes(90)));
            awaitView(Api.mka(TWENTE.safetyRegionId()), TWENTE, v -> {
                JsonNode s = stopIn(v, stopId);
                assertThat(s).isNotNull();
                assertStoredInstant(s.get("expectedEnd"), startedAt.plus(Duration.ofMinutes(90)));
                assertThat(s.path("extensions").asInt()).isEqualTo(1);
                assertThat(s.path("expectedDurationMinutes").asInt()).isEqualTo(90);
            });

            // the new total duration, counted from the start, must be larger than the current one
            expectProblem(extend(x.hospital(), stopId, 90, false), 422, "NOT_AN_EXTENSION");
            expectProblem(extend(x.hospital(), stopId, 30, false), 422, "NOT_AN_EXTENSION");
            // beyond twice the norm time only after the MKA was called
            expectProblem(extend(x.hospital(), stopId, 2 * PCI_NORM_MINUTES + 1, false), 422,
                    "LONG_STOP_NEEDS_MKA_CONTACT");
            JsonNode longer = expectStatus(extend(x.hospital(), stopId, 2 * PCI_NORM_MINUTES + 1, true), 200);
            assertThat(instant(longer.get("expectedEnd")))
                    .isEqualTo(startedAt.plus(Duration.ofMinutes(2L * PCI_NORM_MINUTES + 1)));
            // another hospital may not touch it
            expectProblem(extend(Api.hospital(ZGT), stopId, 300, true), 403, "FORBIDDEN_ORGANISATION");
            expectProblem(end(Api.hospital(ZGT), stopId), 403, "FORBIDDEN_ORGANISATION");

            Instant beforeEnd = Instant.now();
            JsonNode ended = expectStatus(end(x.hospital(), stopId), 200);
            assertThat(ended.path("stopId").asText()).isEqualTo(stopId);
            assertThat(instant(ended.get("endedAt"))).isBetween(beforeEnd.minusSeconds(1), Instant.now().plusSeconds(1));
            stream.await(stopId, "ENDED");
            awaitView(Api.mka(TWENTE.safetyRegionId()), TWENTE,
                    v -> assertThat(stopIn(v, stopId)).as("ended stop %s in %s", stopId, v).isNull());

            // after the end only a new stop
            expectProblem(extend(x.hospital(), stopId, 600, true), 409, "STOP_NOT_ACTIVE");
            expectProblem(end(x.hospital(), stopId), 409, "STOP_NOT_ACTIVE");
            // and another organisation is refused for who it is, not told the stop's state
            expectProblem(end(Api.hospital(ZGT), stopId), 403, "FORBIDDEN_ORGANISATION");

            // a new stop of the same location and kind is allowed again (sentinel: it follows every earlier event)
            String again = declared(x, KIND, 30, "Opnieuw storing cathlab").get("stopId").asText();
            stream.await(again, "DECLARED");
            assertThat(stream.changesOf(stopId)).as("stream events of %s", stopId)
                    .containsExactly("DECLARED", "EXTENDED", "EXTENDED", "ENDED");
            expectStatus(end(x.hospital(), again), 200);
        }
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    @Test
    void givenTheRules_whenDeclaringWhatTheyForbid_thenProblemJsonWithTheContractsCodeAndNothingChanges() {
        Provider e1 = Stops.provider(MST, TWENTE, KIND);
        Provider e2 = Stops.provider(ZGT, TWENTE, KIND);
        try (StopStream stream = new StopStream(Api.mka(TWENTE.safetyRegionId()), TWENTE)) {
            JsonNode d = declared(e1, KIND, 30, "Cathlab storing");
            String stopId = d.get("stopId").asText();
            Instant expectedEnd = instant(d.get("expectedEnd"));
            stream.await(stopId, "DECLARED");
            awaitView(Api.mka(TWENTE.safetyRegionId()), TWENTE, v -> assertThat(stopIn(v, stopId)).isNotNull());

            expectProblem(declare(e1, KIND, 45, "nogmaals"), 409, "STOP_ALREADY_ACTIVE");
            expectProblem(declare(e1, "SEH", 45, "SEH vol"), 422, "CARE_NOT_OFFERED");
            expectProblem(declare(e2, KIND, 2 * PCI_NORM_MINUTES + 1, "langdurige storing"), 422,
                    "LONG_STOP_NEEDS_MKA_CONTACT");
            // another hospital for e1's location; roles that may not declare at all
            expectProblem(declare(Api.hospital(ZGT), e1.locationId(), KIND, 30, "niet van ons"), 403,
                    "FORBIDDEN_ORGANISATION");
            expectProblem(declare(Api.mka(TWENTE.safetyRegionId()), e2.locationId(), KIND, 30, "MKA"), 403,
                    "FORBIDDEN_ROLE");
            expectProblem(declare(Api.epd(ZGT), e2.locationId(), KIND, 30, "EPD"), 403, "FORBIDDEN_ROLE");
            expectProblem(Stops.lapse(Api.hospital(MST), TWENTE.safetyRegionId(), KIND), 403, "FORBIDDEN_ROLE");

            // nothing of the above changed anything: the first stop as declared, no stop of e2, no other event
            JsonNode view = Stops.view(Api.mka(TWENTE.safetyRegionId()), TWENTE);
            assertThat(stopsOf(view, e1.locationId())).as("stops of %s in %s", e1.locationId(), view).hasSize(1);
            assertStoredInstant(stopIn(view, stopId).get("expectedEnd"), expectedEnd);
            assertThat(stopIn(view, stopId).path("extensions").asInt()).isZero();
            assertThat(stopsOf(view, e2.locationId())).as("stops of %s", e2.locationId()).isEmpty();
            expectStatus(end(e1.hospital(), stopId), 200);
            stream.await(stopId, "ENDED");
            assertThat(stream.changesAt(e1.locationId())).as("stream events of %s", e1.locationId())
                    .containsExactly("DECLARED", "ENDED");
            assertThat(stream.changesAt(e2.locationId())).as("stream events of %s", e2.locationId()).isEmpty();
        }
    }

    // ---- announcement of a planned stop -------------------------------------------------------------------------

    @Test
    void givenAPlannedStop_whenTheHospitalAnnouncesIt_thenTheRegionSeesTheAnnouncementAndItCannotBeDeclaredBeforeItsStart() {
        Provider p = Stops.provider(ZGT, TWENTE, KIND);
        Stops.provider(MST, TWENTE, KIND);
        try (StopStream stream = new StopStream(Api.mka(TWENTE.safetyRegionId()), TWENTE)) {
            Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            Instant end = start.plus(Duration.ofHours(3));
            ObjectNode body = Api.JSON.createObjectNode();
            body.put("locationId", p.locationId());
            body.put("kind", KIND);
            body.put("plannedStart", start.toString());
            body.put("plannedEnd", end.toString());
            body.put("reason", "Gepland onderhoud cathlab");
            expectProblem(Api.post(Api.hospital(MST), "/api/v1/stop-announcements", body), 403,
                    "FORBIDDEN_ORGANISATION");
            JsonNode a = expectStatus(Api.post(p.hospital(), "/api/v1/stop-announcements", body), 201);
            String id = a.path("announcementId").asText("");
            assertThat(id).as("announcementId in %s", a).isNotBlank();

            JsonNode view = awaitView(Api.mka(TWENTE.safetyRegionId()), TWENTE,
                    v -> assertThat(Stops.entry(v, "announcements", "announcementId", id)).isNotNull());
            JsonNode shown = Stops.entry(view, "announcements", "announcementId", id);
            assertThat(shown.path("locationId").asText()).isEqualTo(p.locationId());
            assertThat(shown.path("organisationId").asText()).isEqualTo(ZGT);
            assertThat(shown.path("kind").asText()).isEqualTo(KIND);
            assertStoredInstant(shown.get("plannedStart"), start);
            assertStoredInstant(shown.get("plannedEnd"), end);
            assertThat(shown.path("reason").asText()).isEqualTo("Gepland onderhoud cathlab");
            assertThat(stopsOf(view, p.locationId())).as("an announcement is not a stop").isEmpty();
            StopEvent e = stream.await("ANNOUNCED of " + id, Stops.VISIBLE_WITHIN,
                    x -> "ANNOUNCED".equals(x.change()) && id.equals(x.data().path("announcementId").asText()));
            assertThat(e.locationId()).isEqualTo(p.locationId());

            // the planned stop itself only from its start
            ObjectNode planned = Stops.declaration(p.locationId(), KIND, 180, "Gepland onderhoud cathlab");
            planned.put("type", "PLANNED");
            expectProblem(Api.post(p.hospital(), "/api/v1/stops", planned), 422, "PLANNED_STOP_NOT_STARTED");
        }
    }

    // ---- last in region, the MMA's lapse --------------------------------------------------------------------------

    @Test
    void givenAllButOneProviderStopped_whenTheLastDeclares_thenRefusedLastInRegionCountedTheMmaLapsesAndOfTwoAtOnceOnlyOneWins() {
        Provider p1 = Stops.provider(GELRE, NOG, KIND);
        Provider p2 = Stops.provider(SLINGELAND, NOG, KIND);
        Provider p3 = Stops.provider(ST_JANSDAL, NOG, KIND);
        try (StopStream stream = new StopStream(Api.mka(NOG.safetyRegionId()), NOG)) {
            String s1 = declared(p1, KIND, 60, "Cathlab storing").get("stopId").asText();
            String s2 = declared(p2, KIND, 60, "Geen interventiecardioloog beschikbaar").get("stopId").asText();

            JsonNode refused = expectProblem(declare(p3, KIND, 60, "Cathlab vol"), 409, "LAST_IN_REGION");
            assertThat(refused.path("detail").asText()).as("detail of %s", refused).containsAnyOf("MKA", "MMA");
            StopEvent r = stream.await("REFUSED at " + p3.locationId(), Stops.VISIBLE_WITHIN,
                    e -> "REFUSED".equals(e.change()) && p3.locationId().equals(e.locationId()));
            assertThat(r.stopId()).as("a refusal has no stop").isNull();
            JsonNode view = awaitView(Api.mka(NOG.safetyRegionId()), NOG, v -> {
                assertThat(stopIn(v, s1)).isNotNull();
                assertThat(stopIn(v, s2)).isNotNull();
            });
            assertThat(stopsOf(view, p3.locationId())).as("the refused location has no stop").isEmpty();
            awaitStatistics(NOG.safetyRegionId(), KIND, row -> {
                assertThat(row.path("stops").asInt()).as("stops in %s", row).isEqualTo(2);
                assertThat(row.path("ongoing").asInt()).as("ongoing in %s", row).isEqualTo(2);
                assertThat(row.path("refusedLastInRegion").asInt()).as("refusedLastInRegion in %s", row).isEqualTo(1);
                assertThat(row.path("lapses").asInt()).as("lapses in %s", row).isZero();
            });

            // the last one calls the MKA, and the MMA of the region lapses every stop of the kind there
            expectProblem(Stops.lapse(Api.mma(TWENTE.safetyRegionId()), NOG.safetyRegionId(), KIND), 403,
                    "FORBIDDEN_REGION");
            expectProblem(Stops.lapse(Api.mka(NOG.safetyRegionId()), NOG.safetyRegionId(), KIND), 403,
                    "FORBIDDEN_ROLE");
            JsonNode lapse = expectStatus(Stops.lapse(Api.mma(NOG.safetyRegionId()), NOG.safetyRegionId(), KIND), 200);
            assertThat(lapse.path("safetyRegionId").asText()).isEqualTo(NOG.safetyRegionId());
            assertThat(lapse.path("kind").asText()).isEqualTo(KIND);
            List<String> lapsed = new ArrayList<>();
            lapse.path("lapsedStopIds").forEach(i -> lapsed.add(i.asText()));
            assertThat(lapsed).as("lapsedStopIds of %s", lapse).containsExactlyInAnyOrder(s1, s2);
            stream.await(s1, "LAPSED");
            stream.await(s2, "LAPSED");
            awaitView(Api.mka(NOG.safetyRegionId()), NOG, v -> assertThat(v.get("stops")).as("stops of %s",
                    NOG.safetyRegionId()).isEmpty());
            awaitStatistics(NOG.safetyRegionId(), KIND, row -> {
                assertThat(row.path("stops").asInt()).as("stops in %s", row).isEqualTo(2);
                assertThat(row.path("ended").asInt()).as("ended in %s", row).isEqualTo(2);
                assertThat(row.path("ongoing").asInt()).as("ongoing in %s", row).isZero();
                assertThat(row.path("refusedLastInRegion").asInt()).as("refusedLastInRegion in %s", row).isEqualTo(1);
                assertThat(row.path("lapses").asInt()).as("lapses in %s", row).isEqualTo(1);
                assertThat(row.path("lapsedStops").asInt()).as("lapsedStops in %s", row).isEqualTo(2);
            });
            expectProblem(extend(p1.hospital(), s1, 90, false), 409, "STOP_NOT_ACTIVE");

            // all open again; when the last two open providers declare at the same moment, exactly one succeeds
            String s4 = declared(p1, KIND, 60, "Cathlab storing").get("stopId").asText();
            CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> declare(p2, KIND, 60, "Cathlab vol"));
            CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> declare(p3, KIND, 60, "Cathlab vol"));
            List<Api.Response> answers = List.of(a.join(), b.join());
            assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as("answers %s", answers)
                    .containsExactly(201, 409);
            List<String> active = new ArrayList<>(List.of(s4));
            for (Api.Response x : answers) {
                if (x.status() == 409) {
                    expectProblem(x, 409, "LAST_IN_REGION");
                } else {
                    active.add(x.json().get("stopId").asText());
                }
            }
            JsonNode second = expectStatus(Stops.lapse(Api.mma(NOG.safetyRegionId()), NOG.safetyRegionId(), KIND), 200);
            List<String> lapsedAgain = new ArrayList<>();
            second.path("lapsedStopIds").forEach(i -> lapsedAgain.add(i.asText()));
            assertThat(lapsedAgain).as("lapsedStopIds of %s", second).containsExactlyInAnyOrderElementsOf(active);
            awaitStatistics(NOG.safetyRegionId(), KIND, row -> {
                assertThat(row.path("stops").asInt()).as("stops in %s", row).isEqualTo(4);
                assertThat(row.path("refusedLastInRegion").asInt()).as("refusedLastInRegion in %s", row).isEqualTo(2);
                assertThat(row.path("lapses").asInt()).as("lapses in %s", row).isEqualTo(2);
                assertThat(row.path("lapsedStops").asInt()).as("lapsedStops in %s", row).isEqualTo(4);
            });
        }
    }

    // ---- expiry -------------------------------------------------------------------------------------------------

    @Test
    void givenOneMinuteStops_whenTheirEndComes_thenWarnedAtOnceAndExpiredAtTheExpectedEndUnlessEndedOrExtended()
            throws InterruptedException {
        Provider l1 = Stops.provider(LAURENTIUS, LIMBURG_NOORD, KIND);
        Provider l2 = Stops.provider(VIECURI, LIMBURG_NOORD, KIND);
        Provider l3 = Stops.provider(ST_JANS_GASTHUIS, LIMBURG_NOORD, KIND);
        Stops.provider(LAURENTIUS, LIMBURG_NOORD, KIND); // a fourth, open provider: three may stop at once
        Api.Identity mka = Api.mka(LIMBURG_NOORD.safetyRegionId());
        try (StopStream stream = new StopStream(mka, LIMBURG_NOORD)) {
            JsonNode d1 = declared(l1, KIND, 1, "Tijdelijk geen cardioloog beschikbaar");
            JsonNode d2 = declared(l2, KIND, 1, "Cathlab storing");
            JsonNode d3 = declared(l3, KIND, 1, "Cathlab vol");
            String expiring = d1.get("stopId").asText();
            String ended = d2.get("stopId").asText();
            String extended = d3.get("stopId").asText();
            Instant end1 = instant(d1.get("expectedEnd"));
            Instant start3 = instant(d3.get("startedAt"));
            assertThat(end1).isEqualTo(instant(d1.get("startedAt")).plus(Duration.ofMinutes(1)));

            // within 10 minutes of the end: expiresSoon at once, and the warning on the stream
            awaitView(mka, LIMBURG_NOORD, v -> {
                for (String id : List.of(expiring, ended, extended)) {
                    assertThat(stopIn(v, id)).as("stop %s in %s", id, v).isNotNull();
                    assertThat(stopIn(v, id).path("expiresSoon").asBoolean()).as("expiresSoon of %s", id).isTrue();
                }
            });
            for (String id : List.of(expiring, ended, extended)) {
                StopEvent w = stream.await(id, "EXPIRY_WARNING");
                assertThat(w.data().path("kind").asText()).isEqualTo(KIND);
            }

            // meanwhile: one is ended, one extended past the warning window
            expectStatus(end(l2.hospital(), ended), 200);
            JsonNode x = expectStatus(extend(l3.hospital(), extended, 15, false), 200);
            assertThat(instant(x.get("expectedEnd"))).isEqualTo(start3.plus(Duration.ofMinutes(15)));
            awaitView(mka, LIMBURG_NOORD, v -> {
                assertThat(stopIn(v, ended)).as("ended stop").isNull();
                assertThat(stopIn(v, extended).path("expiresSoon").asBoolean()).as("expiresSoon after extension")
                        .isFalse();
                assertThat(stopIn(v, expiring)).isNotNull();
            });

            // just before its end it is still shown
            sleepUntil(end1.minusSeconds(3));
            assertThat(stopIn(Stops.view(mka, LIMBURG_NOORD), expiring)).as("stop %s 3 s before its end", expiring)
                    .isNotNull();

            StopEvent expired = stream.await("EXPIRED of " + expiring,
                    Duration.between(Instant.now(), end1).plus(EXPIRY_LATENESS),
                    e -> expiring.equals(e.stopId()) && "EXPIRED".equals(e.change()));
            System.out.printf("StopsIT: expiry of %s (end %s) reached the stream %d ms after its end%n", expiring, end1,
                    Duration.between(end1, expired.seenAt()).toMillis());
            assertThat(instant(expired.data().get("changedAt"))).as("expiredAt = expected end").isEqualTo(end1);
            assertThat(expired.seenAt()).as("seen at").isAfterOrEqualTo(end1.truncatedTo(ChronoUnit.SECONDS))
                    .isBefore(end1.plus(EXPIRY_LATENESS));
            assertThat(stopIn(Stops.view(mka, LIMBURG_NOORD), expiring)).as("expired stop in the view").isNull();

            // the ended and the extended stop had deadlines at the same instant: they must not fire
            Thread.sleep(3000);
            JsonNode view = Stops.view(mka, LIMBURG_NOORD);
            assertThat(stopIn(view, extended)).as("extended stop after its first end").isNotNull();
            assertStoredInstant(stopIn(view, extended).get("expectedEnd"), start3.plus(Duration.ofMinutes(15)));
            expectStatus(end(l3.hospital(), extended), 200);
            stream.await(extended, "ENDED"); // sentinel: every earlier event of the region has been streamed
            assertThat(stream.changesOf(expiring)).as("stream events of %s", expiring)
                    .containsExactly("DECLARED", "EXPIRY_WARNING", "EXPIRED");
            assertThat(stream.changesOf(ended)).as("stream events of %s", ended)
                    .containsExactly("DECLARED", "EXPIRY_WARNING", "ENDED");
            assertThat(stream.changesOf(extended)).as("stream events of %s", extended)
                    .containsExactly("DECLARED", "EXPIRY_WARNING", "EXTENDED", "ENDED");
            awaitStatistics(LIMBURG_NOORD.safetyRegionId(), KIND, row -> {
                assertThat(row.path("stops").asInt()).as("stops in %s", row).isEqualTo(3);
                assertThat(row.path("ended").asInt()).as("ended in %s", row).isEqualTo(3);
                assertThat(row.path("ongoing").asInt()).as("ongoing in %s", row).isZero();
                assertThat(row.path("pastNormTime").asInt()).as("pastNormTime in %s", row).isZero();
            });
        }
    }

    // ---- restart across an expiry -------------------------------------------------------------------------------

    @Test
    void givenAStopWhoseEndPassesWhileStopServiceIsDown_whenItIsStartedAgain_thenTheStopExpiresPromptlyExactlyOnce()
            throws InterruptedException {
        Provider r1 = Stops.provider(ADRZ, ZEELAND, KIND);
        Stops.provider(ZORGSAAM, ZEELAND, KIND); // a second provider, so that r1 is not the last in the region
        Api.Identity mka = Api.mka(ZEELAND.safetyRegionId());
        try (StopStream stream = new StopStream(mka, ZEELAND)) {
            JsonNode d = declared(r1, KIND, 1, "Tijdelijk geen cathlab beschikbaar (storing)");
            String stopId = d.get("stopId").asText();
            Instant startedAt = instant(d.get("startedAt"));
            Instant expectedEnd = instant(d.get("expectedEnd"));
            stream.await(stopId, "DECLARED");
            stream.await(stopId, "EXPIRY_WARNING");

            Platform.kill9(Platform.STOP);
            System.out.printf("StopsIT: stop-service killed %d ms before the end of %s%n",
                    Duration.between(Instant.now(), expectedEnd).toMillis(), stopId);
            assertThat(Instant.now()).as("killed before the end").isBefore(expectedEnd);
            sleepUntil(expectedEnd.plusSeconds(2));
            assertThat(stream.of(stopId, "EXPIRED")).as("expired while stop-service was down").isEmpty();

            Platform.start(Platform.STOP);
            Instant up = Instant.now();
            StopEvent expired = stream.await("EXPIRED of " + stopId + " after the restart", Duration.ofSeconds(30),
                    e -> stopId.equals(e.stopId()) && "EXPIRED".equals(e.change()));
            System.out.printf("StopsIT: after the restart (healthy at %s) the expiry of %s reached the stream after %d ms%n",
                    up, stopId, Duration.between(up, expired.seenAt()).toMillis());
            assertThat(instant(expired.data().get("changedAt"))).as("expiredAt = expected end").isEqualTo(expectedEnd);
            assertThat(expired.seenAt()).as("promptly after the restart").isBefore(up.plus(EXPIRY_LATENESS));
            assertThat(stopIn(Stops.view(mka, ZEELAND), stopId)).isNull();
            awaitStatistics(ZEELAND.safetyRegionId(), KIND, row -> {
                assertThat(row.path("stops").asInt()).as("stops in %s", row).isEqualTo(1);
                assertThat(row.path("ended").asInt()).as("ended in %s", row).isEqualTo(1);
                assertThat(row.path("ongoing").asInt()).as("ongoing in %s", row).isZero();
                assertThat(row.path("totalDurationMinutes").asInt()).as("total in %s", row).isEqualTo(1);
                assertThat(row.path("meanDurationMinutes").asDouble()).as("mean in %s", row).isEqualTo(1.0);
                assertThat(row.path("pastNormTime").asInt()).as("pastNormTime in %s", row).isZero();
            });
            assertThat(Duration.between(startedAt, expectedEnd)).isEqualTo(Duration.ofMinutes(1));

            // the restarted service works through the gateway; its stop is the sentinel for "nothing fired twice"
            AtomicReference<Api.Response> sentinel = new AtomicReference<>();
            await("gateway routes to the restarted stop-service").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Api.Response r = declare(r1, KIND, 30, "Cathlab opnieuw in storing");
                        sentinel.set(r);
                        return r.status() < 500; // 502/503 while the gateway's circuit to it is still open
                    });
            String again = expectStatus(sentinel.get(), 201).get("stopId").asText();
            expectStatus(end(r1.hospital(), again), 200);
            stream.await(again, "ENDED");
            assertThat(stream.changesOf(stopId)).as("stream events of %s", stopId)
                    .containsExactly("DECLARED", "EXPIRY_WARNING", "EXPIRED");
        }
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
