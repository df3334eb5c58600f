package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.events.stops.LapseCause;
import nl.lpz.events.stops.LapsedStop;
import nl.lpz.events.stops.PlannedStopReminder;
import nl.lpz.events.stops.StopAnnounced;
import nl.lpz.events.stops.StopAnnouncementLapsed;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopEnded;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopType;
import nl.lpz.events.stops.StopsLapsed;
import nl.lpz.stop.command.Commands.AnnounceStop;
import nl.lpz.stop.command.Commands.DeclareStop;
import nl.lpz.stop.command.Commands.EndStop;
import nl.lpz.stop.command.Commands.ExtendStop;
import nl.lpz.stop.command.Commands.LapseStops;
import nl.lpz.stop.command.Commands.ReconcileProviders;
import nl.lpz.stop.command.Deadlines.AnnouncedEndDue;
import nl.lpz.stop.command.Deadlines.AnnouncedStartDue;
import nl.lpz.stop.command.Deadlines.ExpiryDue;
import nl.lpz.stop.command.Deadlines.ExpiryWarningDue;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StopBoardTest {
    static final SafetyRegionId VR = SafetyRegionId.of("VR13");
    static final BoardId BOARD = BoardId.of(VR, CareKind.SEH);
    static final RoazRegionId ROAZ = RoazRegionId.of("ROAZ-NHF");
    static final LocationId A = LocationId.of("loc-a");
    static final LocationId B = LocationId.of("loc-b");
    static final LocationId C = LocationId.of("loc-c");
    static final Set<LocationId> ABC = Set.of(A, B, C);
    static final Actor HOSPITAL_A = new Actor("seh-a", "org-a");
    static final Actor HOSPITAL_B = new Actor("seh-b", "org-b");
    static final Actor MMA = new Actor("mma-13", null);
    static final Duration NORM = Duration.ofHours(2);
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final String STOP_A = BOARD.newMemberId();
    static final String STOP_B = BOARD.newMemberId();

    AggregateTestFixture<StopBoard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StopBoard.class);
    }

    static OrganisationId org(LocationId l) {
        return OrganisationId.of("org-" + l.value().substring(4));
    }

    static DeclareStop declare(String stopId, LocationId at, Duration duration, Set<LocationId> providers) {
        return new DeclareStop(BOARD, stopId, at, org(at), ROAZ, StopType.UNPLANNED, duration, NORM, false,
                "piek", null, providers, new Actor("seh-" + at.value().substring(4), org(at).value()));
    }

    static StopDeclared declared(String stopId, LocationId at, Instant start, Duration duration) {
        return new StopDeclared(stopId, VR, CareKind.SEH, at, org(at), ROAZ, StopType.UNPLANNED, start,
                start.plus(duration), start.plus(Duration.ofMinutes(20)), duration.toMinutes(), NORM.toMinutes(),
                false, "piek", null, new Actor("seh-" + at.value().substring(4), org(at).value()));
    }

    // ------------------------------------------------------------------------------------------- declaring

    @Test
    void givenNoStops_whenAProviderDeclares_thenTheStopIsDeclaredWithGraceAndDeadlines() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(90), ABC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(declared(STOP_A, A, T0, Duration.ofMinutes(90)))
                .expectResultMessagePayload(Outcomes.Declaration.declared(STOP_A, T0, T0.plus(Duration.ofMinutes(90)),
                        T0.plus(Duration.ofMinutes(20)), 120))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(80), Deadlines.WARNING + STOP_A)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(90), Deadlines.EXPIRY + STOP_A);
    }

    @Test
    void givenALocationThatDoesNotOfferTheKind_whenItDeclares_thenCareNotOffered() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(B, C)))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.CARE_NOT_OFFERED)))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveStop_whenTheSameLocationDeclaresAgain_thenStopAlreadyActive() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, A, Duration.ofMinutes(60), ABC))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_ALREADY_ACTIVE)))
                .expectNoEvents();
    }

    @Test
    void givenAStopLongerThanTwiceTheNormWithoutMkaContact_whenDeclared_thenRefused() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(241), ABC))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)))
                .expectNoEvents();
    }

    @Test
    void givenExactlyTwiceTheNorm_whenDeclared_thenNoMkaContactIsNeeded() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(240), ABC))
                .expectEvents(declared(STOP_A, A, T0, Duration.ofMinutes(240)));
    }

    @Test
    void givenALongStopWithMkaContact_whenDeclared_thenDeclared() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(300), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, true, c.reason(), null, ABC, c.actor()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopDeclared d && d.mkaContacted()), Matchers.andNoMore())));
    }

    @Test
    void givenARegionWithoutStops_whenDeclared_thenStopsNotAllowed() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(30), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), null, false, c.reason(), null, ABC, c.actor()))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOPS_NOT_ALLOWED)));
    }

    @Test
    void givenARegionalNormTimeOfOneHour_whenAStopOf150MinutesIsDeclared_thenMkaContactIsNeeded() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(150), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), Duration.ofHours(1), false, c.reason(), null, ABC, c.actor()))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)));
    }

    // ------------------------------------------------------------------------------------- last in region

    @Test
    void givenTheOtherProvidersStopped_whenTheLastDeclares_thenRefusedAndTheRefusalRecorded() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)), declared(STOP_B, B, T0, Duration.ofMinutes(60)))
                .when(declare("VR13.SEH.cccccccccccccccccccccccccccccccc", C, Duration.ofMinutes(60), ABC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StopRefused(VR, CareKind.SEH, C, org(C), StopType.UNPLANNED, 60,
                        StopRejected.LAST_IN_REGION, "piek", T0, new Actor("seh-c", "org-c")))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Outcomes.Declaration d
                        && !d.declared() && d.refusal().contains("MMA")));
    }

    @Test
    void givenTheOnlyProvider_whenItDeclares_thenRefused() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(A)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopRefused), Matchers.andNoMore())));
    }

    @Test
    void givenOneOtherProviderOpen_whenDeclared_thenDeclared() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, B, Duration.ofMinutes(60), ABC))
                .expectEvents(declared(STOP_B, B, T0, Duration.ofMinutes(60)));
    }

    @Test
    void givenAStopThatEnded_whenTheLastDeclares_thenItCountsAsOpenAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(declare(STOP_B, B, Duration.ofMinutes(60), Set.of(A, B)))
                .expectEvents(declared(STOP_B, B, T0, Duration.ofMinutes(60)));
    }

    @Test
    void givenAStopPastItsEndWhoseExpiryHasNotFiredYet_whenTheLocationDeclaresAgain_thenDeclared() {
        Instant later = T0.plus(Duration.ofMinutes(61));
        fixture.givenCurrentTime(later).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, A, Duration.ofMinutes(30), Set.of(A, B)))
                .expectEvents(declared(STOP_B, A, later, Duration.ofMinutes(30)));
    }

    @Test
    void givenTheOtherProviderPastItsEnd_whenTheLastDeclares_thenTheOtherCountsAsOpen() {
        Instant later = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(later).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, B, Duration.ofMinutes(30), Set.of(A, B)))
                .expectEvents(declared(STOP_B, B, later, Duration.ofMinutes(30)));
    }

    // --------------------------------------------------------------------------------- deadlines & expiry

    @Test
    void givenADeclaredStop_whenTimePassesToTenMinutesBeforeTheEnd_thenExpiryIsWarned() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .whenTimeElapses(Duration.ofMinutes(50))
                .expectDeadlinesMet(new ExpiryWarningDue(STOP_A, T0.plus(Duration.ofMinutes(60))))
                .expectEvents(new StopExpiryWarned(STOP_A, VR, CareKind.SEH, A, org(A),
                        T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofMinutes(50))));
    }

    @Test
    void givenADeclaredStop_whenTimePassesTo9MinutesBeforeTheEnd_thenNotYetExpired() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .whenTimeElapses(Duration.ofMinutes(49))
                .expectNoEvents();
    }

    @Test
    void givenADeclaredStop_whenTheExpectedEndPasses_thenItExpiresExactlyOnce() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .whenTimeElapses(Duration.ofMinutes(60))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e.equals(new StopExpiryWarned(STOP_A, VR, CareKind.SEH, A, org(A),
                                T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofMinutes(50))))),
                        Matchers.predicate(e -> e instanceof StopExpired x && x.stopId().equals(STOP_A)
                                && x.expiredAt().equals(T0.plus(Duration.ofMinutes(60))) && x.startedAt().equals(T0)
                                && x.expiredBy().equals(Actor.SYSTEM)),
                        Matchers.andNoMore())))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAStopThatExpired_whenItsExpiryDeadlineFiresAgain_thenNothingHappens() {
        Instant end = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopExpired(STOP_A, VR, CareKind.SEH, A, org(A), T0, end, end, "expected end reached",
                                Actor.SYSTEM))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectNoEvents();
    }

    @Test
    void givenAShortStop_whenDeclared_thenTheWarningIsDueAtOnce() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(5), ABC))
                .expectScheduledDeadlineWithName(Duration.ZERO, Deadlines.WARNING + STOP_A)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), Deadlines.EXPIRY + STOP_A);
    }

    // ----------------------------------------------------------------------------------------- extending

    @Test
    void givenAnActiveStop_whenExtended_thenTheDeadlinesAreRescheduled() {
        Instant newEnd = T0.plus(Duration.ofMinutes(120));
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(120), false, "piek houdt aan",
                        HOSPITAL_A))
                .expectEvents(new StopExtended(STOP_A, VR, CareKind.SEH, A, org(A), T0,
                        T0.plus(Duration.ofMinutes(60)), newEnd, 120, false, "piek houdt aan", T0, HOSPITAL_A))
                .expectScheduledDeadline(Duration.ofMinutes(110), new ExpiryWarningDue(STOP_A, newEnd))
                .expectScheduledDeadline(Duration.ofMinutes(120), new ExpiryDue(STOP_A, newEnd))
                .expectNoScheduledDeadline(Duration.ofMinutes(60), new ExpiryDue(STOP_A,
                        T0.plus(Duration.ofMinutes(60))))
                .expectNoScheduledDeadline(Duration.ofMinutes(50), new ExpiryWarningDue(STOP_A,
                        T0.plus(Duration.ofMinutes(60))));
    }

    @Test
    void givenAnExtendedStop_whenTheOldEndPasses_thenItDoesNotExpire() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC),
                        new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveStop_whenTheNewDurationIsNotLonger_thenNotAnExtension() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(60), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.NOT_AN_EXTENSION)));
    }

    @Test
    void givenAnActiveStop_whenExtendedPastTwiceTheNormWithoutMkaContact_thenRefused() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(241), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)));
    }

    @Test
    void givenAnExpiredStop_whenExtended_thenStopNotActive() {
        Instant end = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(end.plusSeconds(1))
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopExpired(STOP_A, VR, CareKind.SEH, A, org(A), T0, end, end, "expected end reached",
                                Actor.SYSTEM))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    @Test
    void givenAStopPastItsEndBeforeTheExpiryFired_whenExtended_thenStopNotActive() {
        fixture.givenCurrentTime(T0.plus(Duration.ofMinutes(60)))
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    @Test
    void givenAStopOfAnotherOrganisation_whenExtended_thenForbidden() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(90), false, "x", HOSPITAL_B))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.FORBIDDEN_ORGANISATION)))
                .expectNoEvents();
    }

    @Test
    void givenAnEndedStopOfAnotherOrganisation_whenExtended_thenForbiddenBeforeItsStateIsTold() {
        Instant end = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(end.plusSeconds(1))
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopExpired(STOP_A, VR, CareKind.SEH, A, org(A), T0, end, end, "expected end reached",
                                Actor.SYSTEM))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_B))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.FORBIDDEN_ORGANISATION)
                        && !r.getMessage().contains(org(A).value())))
                .expectNoEvents();
    }

    @Test
    void givenAStopIdTheBoardNeverDeclared_whenEnded_thenForbiddenLikeAStopOfAnotherOrganisation() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new EndStop(BOARD, STOP_A + "0", "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.FORBIDDEN_ORGANISATION)))
                .expectNoEvents();
    }

    // -------------------------------------------------------------------------------------------- ending

    @Test
    void givenAnActiveStop_whenEndedByTheHospital_thenEndedAndDeadlinesCancelled() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new EndStop(BOARD, STOP_A, "capaciteit weer op orde", HOSPITAL_A))
                .expectEvents(new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)),
                        T0, "capaciteit weer op orde", HOSPITAL_A))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnEndedStop_whenEndedAgain_thenStopNotActive() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(new EndStop(BOARD, STOP_A, "again", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    // ------------------------------------------------------------------------------------------- lapsing

    @Test
    void givenActiveStops_whenTheMmaLapses_thenAllLapseAndTheirDeadlinesAreCancelled() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC),
                        declare(STOP_B, B, Duration.ofMinutes(90), ABC))
                .when(new LapseStops(BOARD, "laatste SEH belde", MMA))
                .expectEvents(new StopsLapsed(VR, CareKind.SEH, List.of(
                        new LapsedStop(STOP_A, A, org(A), T0, T0.plus(Duration.ofMinutes(60))),
                        new LapsedStop(STOP_B, B, org(B), T0, T0.plus(Duration.ofMinutes(90)))),
                        LapseCause.MMA_DECISION, "laatste SEH belde", T0, MMA))
                .expectResultMessagePayload(new Outcomes.Lapse(List.of(STOP_A, STOP_B)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenNoActiveStops_whenTheMmaLapses_thenNothingIsRecorded() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(new LapseStops(BOARD, "x", MMA))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcomes.Lapse(List.of()));
    }

    @Test
    void givenAProviderDropped_whenAllRemainingProvidersHaveAStop_thenAllStopsLapseAutomatically() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)), declared(STOP_B, B, T0, Duration.ofMinutes(60)))
                .when(new ReconcileProviders(BOARD, Set.of(A, B)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopsLapsed l && l.cause() == LapseCause.ALL_PROVIDERS_STOPPED
                                && l.stops().size() == 2 && l.lapsedBy().equals(Actor.SYSTEM)),
                        Matchers.andNoMore())));
    }

    @Test
    void givenAnOpenProviderLeft_whenProvidersAreReconciled_thenNothingLapses() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ReconcileProviders(BOARD, ABC))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------- announcements

    static AnnounceStop announce(String id, Instant start, Instant end) {
        return new AnnounceStop(BOARD, id, A, org(A), start, end, "onderhoud", ABC, HOSPITAL_A);
    }

    @Test
    void givenNoAnnouncements_whenAnnounced_thenAnnouncedWithReminderAndLapseDeadlines() {
        String id = BOARD.newMemberId();
        Instant start = T0.plus(Duration.ofHours(20));
        Instant end = start.plus(Duration.ofHours(4));
        fixture.givenCurrentTime(T0)
                .when(announce(id, start, end))
                .expectEvents(new StopAnnounced(id, VR, CareKind.SEH, A, org(A), start, end, "onderhoud", T0,
                        HOSPITAL_A))
                .expectScheduledDeadline(Duration.ofHours(20), new AnnouncedStartDue(id))
                .expectScheduledDeadline(Duration.ofHours(24), new AnnouncedEndDue(id));
    }

    @Test
    void givenAnAnnouncement_whenEndBeforeStart_thenInvalid() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(1))))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.INVALID_ANNOUNCEMENT)));
    }

    @Test
    void givenAnAnnouncement_whenItsPlannedStartComes_thenTheHospitalIsReminded() {
        String id = BOARD.newMemberId();
        Instant start = T0.plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(T0).andGivenCommands(announce(id, start, end))
                .whenTimeAdvancesTo(start)
                .expectEvents(new PlannedStopReminder(id, VR, CareKind.SEH, A, org(A), start, end, start));
    }

    @Test
    void givenAnAnnouncementNeverDeclared_whenItsPlannedEndPasses_thenItLapses() {
        String id = BOARD.newMemberId();
        Instant start = T0.plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(T0).andGivenCommands(announce(id, start, end))
                .whenTimeAdvancesTo(end)
                .expectEvents(new PlannedStopReminder(id, VR, CareKind.SEH, A, org(A), start, end, start),
                        new StopAnnouncementLapsed(id, VR, CareKind.SEH, A, org(A), end, end,
                        "planned end reached without a declared stop", Actor.SYSTEM));
    }

    @Test
    void givenAnAnnouncementBeforeItsStart_whenAPlannedStopIsDeclared_thenPlannedStopNotStarted() {
        String id = BOARD.newMemberId();
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(60), ABC);
        fixture.givenCurrentTime(T0).andGivenCommands(announce(id, T0.plus(Duration.ofHours(1)),
                        T0.plus(Duration.ofHours(3))))
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, StopType.PLANNED,
                        c.expectedDuration(), NORM, false, "onderhoud", null, ABC, c.actor()))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.PLANNED_STOP_NOT_STARTED)));
    }

    @Test
    void givenAStartedAnnouncement_whenThePlannedStopIsDeclared_thenItLinksAndClosesTheAnnouncement() {
        String id = BOARD.newMemberId();
        Instant start = T0.plus(Duration.ofHours(1));
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(60), ABC);
        fixture.givenCurrentTime(start)
                .andGiven(new StopAnnounced(id, VR, CareKind.SEH, A, org(A), start, T0.plus(Duration.ofHours(3)),
                        "onderhoud", T0, HOSPITAL_A))
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, StopType.PLANNED,
                        c.expectedDuration(), NORM, false, "onderhoud", null, ABC, c.actor()))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopDeclared d && id.equals(d.announcementId())
                                && d.type() == StopType.PLANNED),
                        Matchers.andNoMore())))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(60), Deadlines.EXPIRY + STOP_A);
    }

    // ------------------------------------------------------------- values no store downstream could hold

    static final String NUL_REASON = "piek\u0000";
    static final String UNPAIRED_SURROGATE_REASON = "piek \uD83D";
    static final Duration SENTINEL_DURATION = Duration.ofSeconds(Long.MAX_VALUE);

    static org.hamcrest.Matcher<Object> invalidField() {
        return Matchers.predicate(e -> e instanceof StopRejected r && r.kind() == StopRejected.Kind.INVALID
                && r.code().equals(StopRejected.INVALID_FIELD));
    }

    static DeclareStop withReason(DeclareStop c, String reason) {
        return new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), c.roazRegionId(),
                c.type(), c.expectedDuration(), c.normTime(), c.mkaContacted(), reason, c.announcementId(),
                c.providers(), c.actor());
    }

    @Test
    void givenAReasonWithANul_whenDeclared_thenInvalidFieldAndNothingRecordedOrScheduled() {
        fixture.givenCurrentTime(T0)
                .when(withReason(declare(STOP_A, A, Duration.ofMinutes(60), ABC), NUL_REASON))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenTheOnlyProviderWithAnUnstorableReason_whenItDeclares_thenNotEvenTheRefusalIsRecorded() {
        fixture.givenCurrentTime(T0)
                .when(withReason(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(A)), UNPAIRED_SURROGATE_REASON))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void givenADurationThatWouldEndAfterTheLatestInstant_whenDeclared_thenInvalidFieldAndNoDeadline() {
        DeclareStop c = declare(STOP_A, A, SENTINEL_DURATION, ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, true, c.reason(), null, ABC, c.actor()))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenADurationOfZero_whenDeclared_thenInvalidField() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ZERO, ABC))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void givenAnActiveStop_whenExtendedByASentinelDuration_thenInvalidFieldAndItsDeadlinesStay() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new ExtendStop(BOARD, STOP_A, SENTINEL_DURATION, true, "x", HOSPITAL_A))
                .expectException(invalidField())
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofMinutes(60), new ExpiryDue(STOP_A, T0.plus(Duration.ofMinutes(60))));
    }

    @Test
    void givenAnActiveStop_whenExtendedEndedOrLapsedWithAnUnstorableReason_thenInvalidField() {
        for (Object command : List.of(
                new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(90), false, NUL_REASON, HOSPITAL_A),
                new EndStop(BOARD, STOP_A, UNPAIRED_SURROGATE_REASON, HOSPITAL_A),
                new LapseStops(BOARD, "\u001Bbesluit", MMA))) {
            new AggregateTestFixture<>(StopBoard.class).givenCurrentTime(T0)
                    .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                    .when(command)
                    .expectException(invalidField())
                    .expectNoEvents();
        }
    }

    @Test
    void givenAnAnnouncementEndingBeyondThePlanningHorizon_whenAnnounced_thenInvalidFieldAndNoDeadline() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), T0.plus(Duration.ofHours(1)),
                        T0.plus(ValueRules.MAX_PLANNING_HORIZON).plusSeconds(1)))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnAnnouncementStartingAtTheUnixEpoch_whenAnnounced_thenInvalidField() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), Instant.EPOCH, T0.plus(Duration.ofHours(1))))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnAnnouncementEndingExactlyAtThePlanningHorizon_whenAnnounced_thenAnnounced() {
        String id = BOARD.newMemberId();
        Instant end = T0.plus(ValueRules.MAX_PLANNING_HORIZON);
        fixture.givenCurrentTime(T0)
                .when(announce(id, end.minus(Duration.ofHours(4)), end))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(ValueRules.MAX_PLANNING_HORIZON, new AnnouncedEndDue(id));
    }

    @Test
    void givenATokenSubjectWithAControlCharacter_whenDeclared_thenInvalidFieldAndNothingRecorded() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(60), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, false, c.reason(), null, ABC, new Actor("seh\u0007a", "org-a")))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAClockBeforeThePlatformEpoch_whenDeclared_thenNothingIsRecorded() {
        fixture.givenCurrentTime(ValueRules.PLATFORM_EPOCH.minusSeconds(1))
                .when(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void givenABoardState_whenSnapshottedWithTheAxonMapper_thenItReadsBack() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = nl.lpz.events.EventJson.mapper();
        StopBoard board = new StopBoard();
        java.lang.reflect.Method on = StopBoard.class.getDeclaredMethod("on", StopDeclared.class);
        on.setAccessible(true);
        on.invoke(board, declared(STOP_A, A, T0, Duration.ofMinutes(60)));
        String json = mapper.writeValueAsString(board);
        StopBoard back = mapper.readValue(json, StopBoard.class);
        assertThat(mapper.writeValueAsString(back)).isEqualTo(json).contains(STOP_A);
    }
}
