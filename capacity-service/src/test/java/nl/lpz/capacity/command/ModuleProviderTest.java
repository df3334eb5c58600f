package nl.lpz.capacity.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleReportSource;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.Figures;
import nl.lpz.modules.ProviderKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregate knows no module: figures here are any a definition could have read. */
class ModuleProviderTest {
    static final ModuleProviderId PROVIDER = ModuleProviderId.of("testmodule", "100101");
    static final OrganisationId ORG = OrganisationId.of("100101");
    static final int VERSION = 3;
    static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant HORIZON = new ReceiptSettings(null).backfillHorizon(NOW);

    private AggregateTestFixture<ModuleProvider> fixture;
    private InMemoryEventReceipts receipts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModuleProvider.class);
        receipts = new InMemoryEventReceipts();
        fixture.registerInjectableResource(receipts);
    }

    static Figures figures(long places, long taken, String state) {
        return new Figures(Map.of("places", places, "taken", taken), Map.of("state", state));
    }

    static ModuleReport report(UUID id, String unitId, Figures figures, Instant at) {
        return new ModuleReport(id, "post", unitId, figures, at);
    }

    static ReportModuleFigures reportAll(ModuleReport... reports) {
        return new ReportModuleFigures(PROVIDER, VERSION, ProviderKind.HOSPITAL_LOCATION, ORG, List.of(reports), NOW,
                HORIZON);
    }

    static ResyncModuleUnits resync(Instant asOf, ModuleUnitEntry... units) {
        return new ResyncModuleUnits(PROVIDER, VERSION, ProviderKind.HOSPITAL_LOCATION, ORG, asOf, List.of(units),
                NOW, HORIZON);
    }

    static ModuleFiguresReported reported(ModuleReport r, boolean stale) {
        return new ModuleFiguresReported("testmodule", VERSION, "HOSPITAL_LOCATION", "100101", ORG, r.unitKind(),
                r.unitId(), r.figures().values(), r.figures().statuses(), r.occurredAt(), stale,
                ModuleReportSource.EVENT, r.eventId());
    }

    static ModuleFiguresReported bySnapshot(String unitId, Figures figures, Instant at) {
        return new ModuleFiguresReported("testmodule", VERSION, "HOSPITAL_LOCATION", "100101", ORG, "post", unitId,
                figures.values(), figures.statuses(), at, false, ModuleReportSource.SNAPSHOT, null);
    }

    static ModuleUnitRemoved removed(String unitId, Instant at) {
        return new ModuleUnitRemoved("testmodule", VERSION, "HOSPITAL_LOCATION", "100101", ORG, "post", unitId, at);
    }

    @Test
    void givenNothing_whenUnitReported_thenFiguresReportedUnderTheCommandsVersionAndAcceptedWithReceipt() {
        ModuleReport r = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0);
        fixture.givenNoPriorActivity()
                .when(reportAll(r))
                .expectEvents(reported(r, false))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED));
        assertThat(receipts.holds(ORG, r.eventId())).isTrue();
    }

    @Test
    void givenUnitReportedLater_whenOlderReport_thenStaleEventAndTheNewerFiguresStayCurrent() {
        ModuleReport newer = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0.plusSeconds(600));
        ModuleReport older = report(UUID.randomUUID(), "P-1", figures(10, 9, "RED"), T0.plusSeconds(60));
        ModuleReport after = report(UUID.randomUUID(), "P-1", figures(10, 4, "GREEN"), T0.plusSeconds(900));
        ModuleReport otherUnit = report(UUID.randomUUID(), "P-2", figures(5, 1, "GREEN"), T0);
        fixture.given(reported(newer, false))
                .when(reportAll(older, otherUnit))
                .expectEvents(reported(older, true), reported(otherUnit, false))
                .expectResultMessagePayloadMatching(outcomes(Kind.STALE, Kind.ACCEPTED));
        fixture.given(reported(newer, false), reported(older, true))
                .when(reportAll(after))
                .expectEvents(reported(after, false));
    }

    @Test
    void givenReceiptWithSameContent_whenSameEventIdAgain_thenDuplicateAndNoEvent() {
        ModuleReport r = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0);
        receipts.receivedBefore(ORG, r.eventId(), r.payloadHash(PROVIDER), T0);
        fixture.given(reported(r, false))
                .when(reportAll(r))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Kind.DUPLICATE));
    }

    @Test
    void givenReceiptWithOtherContent_whenSameEventId_thenRejectedEventIdConflictAndNoEvent() {
        UUID id = UUID.randomUUID();
        ModuleReport first = report(id, "P-1", figures(10, 3, "GREEN"), T0);
        receipts.receivedBefore(ORG, id, first.payloadHash(PROVIDER), T0);
        fixture.given(reported(first, false))
                .when(reportAll(report(id, "P-1", figures(10, 4, "GREEN"), T0)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenBedEventReceiptOfTheSameOrganisation_whenAModuleReportReusesItsId_thenEventIdConflict() {
        UUID id = UUID.randomUUID();
        receipts.receivedBefore(ORG, id, LocationTest.report(id, "B1", nl.lpz.events.capacity.BedStatus.AVAILABLE,
                T0).payloadHash(nl.lpz.events.ids.LocationId.of("100101")), T0);
        fixture.givenNoPriorActivity()
                .when(reportAll(report(id, "P-1", figures(10, 3, "GREEN"), T0)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenNothing_whenSameReportTwiceInOneBatch_thenOneEventAndOneDuplicate() {
        ModuleReport r = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0);
        fixture.givenNoPriorActivity()
                .when(reportAll(r, r))
                .expectEvents(reported(r, false))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED, Kind.DUPLICATE));
    }

    @Test
    void givenReported_whenOccurredAheadOrBeforeTheHorizon_thenRejectedByTheBedEventsInstantRuleWithoutReceipt() {
        ModuleReport future = report(UUID.randomUUID(), "P-1", figures(1, 0, "GREEN"), NOW.plusSeconds(301));
        ModuleReport early = report(UUID.randomUUID(), "P-2", figures(1, 0, "GREEN"), HORIZON.minusSeconds(1));
        ModuleReport sentinel = report(UUID.randomUUID(), "P-3", figures(1, 0, "GREEN"),
                Instant.parse("-999999999-01-01T00:00:00Z"));
        ModuleReport almost = report(UUID.randomUUID(), "P-4", figures(1, 0, "GREEN"), NOW.plusSeconds(299));
        ModuleReport first = report(UUID.randomUUID(), "P-0", figures(1, 0, "GREEN"), T0);
        fixture.given(reported(first, false))
                .when(reportAll(future, early, sentinel, almost))
                .expectEvents(reported(almost, false))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<ReportResult>(
                        "OCCURRED_IN_FUTURE, OCCURRED_TOO_EARLY twice, accepted") {
                    @Override
                    protected boolean matchesSafely(ReportResult r) {
                        return CommandRejected.OCCURRED_IN_FUTURE.equals(r.outcomes().get(0).code())
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(1).code())
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(2).code())
                                && r.outcomes().get(3).kind() == Kind.ACCEPTED;
                    }
                });
        assertThat(receipts.holds(ORG, future.eventId())).isFalse();
        assertThat(receipts.holds(ORG, early.eventId())).isFalse();
    }

    @Test
    void givenThreeUnits_whenSnapshotChangesOneKeepsOneAndOmitsOne_thenChangedBySnapshotAndTheOmittedRemoved() {
        ModuleReport p1 = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0);
        ModuleReport p2 = report(UUID.randomUUID(), "P-2", figures(5, 1, "GREEN"), T0);
        ModuleReport p3 = report(UUID.randomUUID(), "P-3", figures(5, 1, "GREEN"), T0);
        Instant asOf = T0.plusSeconds(3600);
        fixture.given(reported(p1, false), reported(p2, false), reported(p3, false))
                .when(resync(asOf,
                        new ModuleUnitEntry("post", "P-1", figures(10, 7, "RED"), T0.plusSeconds(1800)),
                        new ModuleUnitEntry("post", "P-2", figures(5, 1, "GREEN"), asOf)))
                .expectEvents(bySnapshot("P-1", figures(10, 7, "RED"), T0.plusSeconds(1800)), removed("P-3", asOf))
                .expectResultMessagePayload(new ResyncResult(1, 1, 1, 0));
    }

    @Test
    void givenUnitReportedAfterTheSnapshotInstant_whenSnapshotOmitsOrChangesIt_thenUnitKept() {
        ModuleReport newer = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0.plusSeconds(7200));
        ModuleReport omittedButNewer = report(UUID.randomUUID(), "P-2", figures(5, 1, "GREEN"), T0.plusSeconds(7200));
        fixture.given(reported(newer, false), reported(omittedButNewer, false))
                .when(resync(T0.plusSeconds(3600), new ModuleUnitEntry("post", "P-1", figures(10, 9, "RED"), T0)))
                .expectNoEvents()
                .expectResultMessagePayload(new ResyncResult(0, 0, 0, 1));
    }

    @Test
    void givenUnitReportedAt30Minutes_whenSnapshotAt60SaysItChangedAt10_thenTheChangeStartsAtTheSnapshotInstant() {
        ModuleReport last = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0.plusSeconds(1800));
        Instant asOf = T0.plusSeconds(3600);
        fixture.given(reported(last, false))
                .when(resync(asOf, new ModuleUnitEntry("post", "P-1", figures(10, 5, "GREEN"), T0.plusSeconds(600))))
                .expectEvents(bySnapshot("P-1", figures(10, 5, "GREEN"), asOf));
    }

    @Test
    void givenNothing_whenEmptySnapshot_thenNoEventAndNothingCounted() {
        fixture.givenNoPriorActivity()
                .when(resync(T0))
                .expectNoEvents()
                .expectResultMessagePayload(new ResyncResult(0, 0, 0, 0));
    }

    @Test
    void givenNothing_whenSnapshotListsAUnitTwiceOrAnInstantOutOfRange_thenTheWholeSnapshotIsRefused() {
        ModuleUnitEntry p1 = new ModuleUnitEntry("post", "P-1", figures(10, 3, "GREEN"), T0);
        fixture.givenNoPriorActivity()
                .when(resync(T0, p1, new ModuleUnitEntry("post", "P-1", figures(10, 4, "GREEN"), T0)))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.DUPLICATE_UNIT));
        fixture.givenNoPriorActivity()
                .when(resync(Instant.parse("-999999999-01-01T00:00:00Z"), p1))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.OCCURRED_TOO_EARLY));
        fixture.givenNoPriorActivity()
                .when(resync(T0, p1, new ModuleUnitEntry("post", "P-2", figures(1, 0, "GREEN"),
                        NOW.plusSeconds(600))))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.OCCURRED_IN_FUTURE));
    }

    @Test
    void givenTheSameUnitIdUnderTwoUnitKinds_thenTheyAreTwoUnits() {
        ModuleReport post = report(UUID.randomUUID(), "U-1", figures(10, 3, "GREEN"), T0.plusSeconds(600));
        ModuleReport other = new ModuleReport(UUID.randomUUID(), "other", "U-1", figures(1, 0, "GREEN"), T0);
        fixture.given(reported(post, false))
                .when(reportAll(other))
                .expectEvents(reported(other, false));
    }

    @Test
    void givenFiguresReadAlike_whenHashed_thenSameContentOnlyWhenModuleProviderUnitFiguresAndInstantAgree() {
        UUID id = UUID.randomUUID();
        ModuleReport r = report(id, "P-1", figures(10, 3, "GREEN"), T0);
        assertThat(report(id, "P-1", figures(10, 3, "GREEN"), java.time.OffsetDateTime
                .parse("2026-12-06T10:00:00+01:00").toInstant()).payloadHash(PROVIDER))
                .isEqualTo(r.payloadHash(PROVIDER));
        assertThat(r.payloadHash(ModuleProviderId.of("othermodule", "100101"))).isNotEqualTo(r.payloadHash(PROVIDER));
        assertThat(r.payloadHash(ModuleProviderId.of("testmodule", "100102"))).isNotEqualTo(r.payloadHash(PROVIDER));
        assertThat(report(id, "P-2", r.figures(), T0).payloadHash(PROVIDER)).isNotEqualTo(r.payloadHash(PROVIDER));
        assertThat(report(id, "P-1", figures(10, 4, "GREEN"), T0).payloadHash(PROVIDER))
                .isNotEqualTo(r.payloadHash(PROVIDER));
        // one figure id as a count or as a status is other content, however its value is written
        assertThat(report(id, "P-1", new Figures(Map.of("x", 1L), Map.of()), T0).payloadHash(PROVIDER))
                .isNotEqualTo(report(id, "P-1", new Figures(Map.of(), Map.of("x", "1")), T0).payloadHash(PROVIDER));
    }

    @Test
    void givenIdsOfTheContract_thenTheAggregateIdentifierIsPrefixedAndNothingElseIsAccepted() {
        assertThat(PROVIDER.toString()).isEqualTo("module:testmodule:100101");
        assertThatThrownBy(() -> ModuleProviderId.of("a:b", "100101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleProviderId.of("testmodule", null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- passages (lead times): moment names here are any a definition could have ------------------------------

    static ModulePassage passage(UUID id, String unitId, Object... moments) {
        Map<String, Instant> named = new LinkedHashMap<>();
        for (int i = 0; i < moments.length; i += 2) {
            named.put((String) moments[i], (Instant) moments[i + 1]);
        }
        return new ModulePassage(id, "post", unitId, named);
    }

    static RecordModulePassages recordAll(ModulePassage... passages) {
        return new RecordModulePassages(PROVIDER, VERSION, ProviderKind.HOSPITAL_LOCATION, ORG, List.of(passages),
                NOW, HORIZON);
    }

    static ModulePassageRecorded recorded(ModulePassage p) {
        return new ModulePassageRecorded("testmodule", VERSION, "HOSPITAL_LOCATION", "100101", ORG, p.unitKind(),
                p.unitId(), p.moments(), p.occurredAt(), p.eventId());
    }

    @Test
    void givenNothing_whenPassageRecorded_thenPassageRecordedUnderTheCommandsVersionAtItsLatestMomentWithReceipt() {
        ModulePassage p = passage(UUID.randomUUID(), "P-1", "in", T0, "seen", T0.plusSeconds(600), "out",
                T0.plusSeconds(3000));
        fixture.givenNoPriorActivity()
                .when(recordAll(p))
                .expectEvents(new ModulePassageRecorded("testmodule", VERSION, "HOSPITAL_LOCATION", "100101", ORG,
                        "post", "P-1", p.moments(), T0.plusSeconds(3000), p.eventId()))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED));
        assertThat(receipts.received.get(new InMemoryEventReceipts.Key(ORG, p.eventId())).occurredAt())
                .isEqualTo(T0.plusSeconds(3000));
        assertThat(p.moments().keySet()).containsExactly("in", "seen", "out");
    }

    @Test
    void givenUnitsReported_whenPassagesRecorded_thenNoFiguresChangeAndNothingIsStale() {
        ModuleReport newer = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0.plusSeconds(1800));
        ModulePassage earlier = passage(UUID.randomUUID(), "P-1", "in", T0);
        ModuleReport after = report(UUID.randomUUID(), "P-1", figures(10, 4, "GREEN"), T0.plusSeconds(2400));
        fixture.given(reported(newer, false))
                .when(recordAll(earlier))
                .expectEvents(recorded(earlier))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED));
        fixture.given(reported(newer, false), recorded(earlier))
                .when(reportAll(after))
                .expectEvents(reported(after, false))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED));
    }

    @Test
    void givenReceipts_whenPassageIdsComeAgainAlikeOrWithOtherContent_thenDuplicateOrEventIdConflictAndNoEvent() {
        ModulePassage p = passage(UUID.randomUUID(), "P-1", "in", T0, "seen", T0.plusSeconds(60));
        receipts.receivedBefore(ORG, p.eventId(), p.payloadHash(PROVIDER), p.occurredAt());
        fixture.given(recorded(p))
                .when(recordAll(p))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Kind.DUPLICATE));
        fixture.given(recorded(p))
                .when(recordAll(passage(p.eventId(), "P-1", "in", T0, "seen", T0.plusSeconds(120))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenAModuleReportsReceipt_whenAPassageReusesItsId_thenEventIdConflict() {
        ModuleReport r = report(UUID.randomUUID(), "P-1", figures(10, 3, "GREEN"), T0);
        receipts.receivedBefore(ORG, r.eventId(), r.payloadHash(PROVIDER), T0);
        fixture.given(reported(r, false))
                .when(recordAll(passage(r.eventId(), "P-1", "in", T0)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenNothing_whenSamePassageTwiceInOneBatch_thenOneEventAndOneDuplicate() {
        ModulePassage p = passage(UUID.randomUUID(), "P-1", "in", T0);
        fixture.givenNoPriorActivity()
                .when(recordAll(p, p))
                .expectEvents(recorded(p))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED, Kind.DUPLICATE));
    }

    @Test
    void givenPassages_whenAnyMomentIsAheadOrBeforeTheHorizon_thenRejectedByTheInstantRuleWithoutReceipt() {
        ModulePassage future = passage(UUID.randomUUID(), "P-1", "in", T0, "out", NOW.plusSeconds(301));
        ModulePassage early = passage(UUID.randomUUID(), "P-2", "in", HORIZON.minusSeconds(1), "out", T0);
        ModulePassage sentinel = passage(UUID.randomUUID(), "P-3", "in", Instant.parse("-999999999-01-01T00:00:00Z"));
        ModulePassage almost = passage(UUID.randomUUID(), "P-4", "in", T0, "out", NOW.plusSeconds(299));
        fixture.givenNoPriorActivity()
                .when(recordAll(future, early, sentinel, almost))
                .expectEvents(recorded(almost))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<ReportResult>(
                        "OCCURRED_IN_FUTURE naming the moment, OCCURRED_TOO_EARLY twice, accepted") {
                    @Override
                    protected boolean matchesSafely(ReportResult r) {
                        return CommandRejected.OCCURRED_IN_FUTURE.equals(r.outcomes().get(0).code())
                                && r.outcomes().get(0).detail().startsWith("moments.out ")
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(1).code())
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(2).code())
                                && r.outcomes().get(3).kind() == Kind.ACCEPTED;
                    }
                });
        assertThat(receipts.holds(ORG, future.eventId())).isFalse();
        assertThat(receipts.holds(ORG, early.eventId())).isFalse();
        assertThat(receipts.holds(ORG, sentinel.eventId())).isFalse();
    }

    @Test
    void givenPassagesReadAlike_whenHashed_thenSameContentOnlyWhenProviderUnitAndMomentsAgree() {
        UUID id = UUID.randomUUID();
        ModulePassage p = passage(id, "P-1", "in", T0, "out", T0.plusSeconds(60));
        assertThat(passage(id, "P-1", "out", T0.plusSeconds(60), "in", java.time.OffsetDateTime
                .parse("2026-12-06T10:00:00+01:00").toInstant()).payloadHash(PROVIDER))
                .isEqualTo(p.payloadHash(PROVIDER));
        assertThat(passage(id, "P-2", "in", T0, "out", T0.plusSeconds(60)).payloadHash(PROVIDER))
                .isNotEqualTo(p.payloadHash(PROVIDER));
        assertThat(passage(id, "P-1", "in", T0).payloadHash(PROVIDER)).isNotEqualTo(p.payloadHash(PROVIDER));
        assertThat(passage(id, "P-1", "in", T0, "seen", T0.plusSeconds(60)).payloadHash(PROVIDER))
                .isNotEqualTo(p.payloadHash(PROVIDER));
        assertThat(p.payloadHash(ModuleProviderId.of("testmodule", "100102"))).isNotEqualTo(p.payloadHash(PROVIDER));
        assertThat(passage(id, "P-1", "in", T0).payloadHash(PROVIDER))
                .isNotEqualTo(report(id, "P-1", new Figures(Map.of(), Map.of()), T0).payloadHash(PROVIDER));
        assertThatThrownBy(() -> passage(id, "P-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Matcher<CommandRejected> rejected(String code) {
        return new CustomTypeSafeMatcher<>("CommandRejected " + code) {
            @Override
            protected boolean matchesSafely(CommandRejected e) {
                return code.equals(e.code());
            }
        };
    }

    private static Matcher<ReportResult> outcomes(Kind... kinds) {
        return new CustomTypeSafeMatcher<>("outcomes " + List.of(kinds)) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().map(ReportResult.Outcome::kind).toList().equals(List.of(kinds));
            }
        };
    }

    private static Matcher<ReportResult> rejectedWith(String code) {
        return new CustomTypeSafeMatcher<>("all rejected with " + code) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().allMatch(o -> o.kind() == Kind.REJECTED && code.equals(o.code()));
            }
        };
    }
}
