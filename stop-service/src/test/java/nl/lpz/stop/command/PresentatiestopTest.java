package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.events.stops.LapseCause;
import nl.lpz.events.stops.LapsedStop;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopType;
import nl.lpz.events.stops.StopsLapsed;
import nl.lpz.stop.command.Commands.DeclareStop;
import nl.lpz.stop.command.Commands.ExtendStop;
import nl.lpz.stop.command.Commands.LapseStops;
import nl.lpz.stop.config.StopRulesProperties;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presentatiestop geboortezorg: a stop of kind VERLOSKUNDE, a request to ambulances and first-line midwives not to
 * present women in labour at a location's obstetric unit for a while. It has no procedure of its own: the same
 * {@link StopBoard}, one per veiligheidsregio and kind, with the kind's own norm time of 4 hours (national default)
 * resolved by the same regional settings as every other kind.
 */
class PresentatiestopTest {
    static final SafetyRegionId VR = SafetyRegionId.of("VR06");
    static final BoardId BOARD = BoardId.of(VR, CareKind.VERLOSKUNDE);
    static final RoazRegionId ROAZ = RoazRegionId.of("ROAZ-OOST");
    /** Three obstetric units (verloskamers) in the veiligheidsregio. */
    static final LocationId A = LocationId.of("verlos-a");
    static final LocationId B = LocationId.of("verlos-b");
    static final LocationId C = LocationId.of("verlos-c");
    static final Set<LocationId> UNITS = Set.of(A, B, C);
    static final Actor MMA = new Actor("mma-06", null);
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String STOP_A = BOARD.newMemberId();
    static final String STOP_B = BOARD.newMemberId();
    static final String STOP_C = BOARD.newMemberId();
    /** What StopDesk passes in the command: the ROAZ region's norm time, here without a regional setting. */
    static final Duration NORM = new StopRulesProperties().normTime(ROAZ.value(), CareKind.VERLOSKUNDE).orElseThrow();

    AggregateTestFixture<StopBoard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StopBoard.class);
    }

    static OrganisationId org(LocationId l) {
        return OrganisationId.of("org-" + l.value());
    }

    static Actor hospital(LocationId l) {
        return new Actor("verloskunde-" + l.value(), org(l).value());
    }

    static DeclareStop presentatiestop(String stopId, LocationId at, Duration duration, boolean mkaContacted) {
        return new DeclareStop(BOARD, stopId, at, org(at), ROAZ, StopType.UNPLANNED, duration, NORM, mkaContacted,
                "Alle verloskamers bezet", null, UNITS, hospital(at));
    }

    static StopDeclared declared(String stopId, LocationId at, Instant start, Duration duration) {
        return new StopDeclared(stopId, VR, CareKind.VERLOSKUNDE, at, org(at), ROAZ, StopType.UNPLANNED, start,
                start.plus(duration), start.plus(Duration.ofMinutes(20)), duration.toMinutes(), NORM.toMinutes(),
                false, "Alle verloskamers bezet", null, hospital(at));
    }

    static org.hamcrest.Matcher<Object> rejected(String code) {
        return Matchers.predicate(e -> e instanceof StopRejected r && r.code().equals(code));
    }

    @Test
    void givenNoRegionalSetting_thenThePresentatiestopsNormTimeIsFourHours() {
        assertThat(NORM).isEqualTo(Duration.ofHours(4)).isEqualTo(CareKind.VERLOSKUNDE.defaultNormTime());
    }

    @Test
    void givenTwoOtherUnitsOpen_whenAUnitDeclaresAPresentatiestopOfFourHours_thenDeclaredWithTheFourHourNorm() {
        Duration fourHours = Duration.ofHours(4);
        fixture.givenCurrentTime(T0)
                .when(presentatiestop(STOP_A, A, fourHours, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(declared(STOP_A, A, T0, fourHours))
                .expectResultMessagePayload(Outcomes.Declaration.declared(STOP_A, T0, T0.plus(fourHours),
                        T0.plus(Duration.ofMinutes(20)), 240))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(230), Deadlines.WARNING + STOP_A)
                .expectScheduledDeadlineWithName(fourHours, Deadlines.EXPIRY + STOP_A);
    }

    @Test
    void givenTheFourHourNorm_whenFiveHoursAreDeclaredWithoutMkaContact_thenDeclaredWhereAnSehStopWouldNeedIt() {
        // five hours is past twice an SEH norm (2 h) but within twice the presentatiestop's own norm (8 h)
        fixture.givenCurrentTime(T0)
                .when(presentatiestop(STOP_A, A, Duration.ofHours(5), false))
                .expectEvents(declared(STOP_A, A, T0, Duration.ofHours(5)));
    }

    @Test
    void givenTheFourHourNorm_whenMoreThanEightHoursAreDeclaredWithoutMkaContact_thenTheMkaMustBeCalledFirst() {
        fixture.givenCurrentTime(T0)
                .when(presentatiestop(STOP_A, A, Duration.ofMinutes(481), false))
                .expectException(rejected(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT))
                .expectNoEvents();
        new AggregateTestFixture<>(StopBoard.class).givenCurrentTime(T0)
                .when(presentatiestop(STOP_A, A, Duration.ofMinutes(481), true))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopDeclared d && d.mkaContacted()
                                && d.normTimeMinutes() == 240),
                        Matchers.andNoMore())));
    }

    @Test
    void givenAPresentatiestop_whenExtendedPastEightHoursWithoutMkaContact_thenRefusedAndToEightHoursAccepted() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofHours(4)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofMinutes(481), false, "nog steeds vol", hospital(A)))
                .expectException(rejected(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT));
        new AggregateTestFixture<>(StopBoard.class).givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofHours(4)))
                .when(new ExtendStop(BOARD, STOP_A, Duration.ofHours(8), false, "nog steeds vol", hospital(A)))
                .expectEvents(new StopExtended(STOP_A, VR, CareKind.VERLOSKUNDE, A, org(A), T0,
                        T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(8)), 480, false, "nog steeds vol", T0,
                        hospital(A)));
    }

    @Test
    void givenTheOtherUnitsOfTheRegionOnPresentatiestop_whenTheLastDeclares_thenRefusedLastInRegionAndRecorded() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofHours(4)), declared(STOP_B, B, T0, Duration.ofHours(3)))
                .when(presentatiestop(STOP_C, C, Duration.ofHours(2), false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StopRefused(VR, CareKind.VERLOSKUNDE, C, org(C), StopType.UNPLANNED, 120,
                        StopRejected.LAST_IN_REGION, "Alle verloskamers bezet", T0, hospital(C)))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Outcomes.Declaration d
                        && !d.declared() && d.refusal().contains("VERLOSKUNDE") && d.refusal().contains("MMA")));
    }

    @Test
    void givenPresentatiestops_whenTheMmaLapsesThem_thenAllLapseTheirDeadlinesGoAndTheLastUnitMayDeclare() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(presentatiestop(STOP_A, A, Duration.ofHours(4), false),
                        presentatiestop(STOP_B, B, Duration.ofHours(3), false))
                .when(new LapseStops(BOARD, "laatste verloskamers in de regio belden", MMA))
                .expectEvents(new StopsLapsed(VR, CareKind.VERLOSKUNDE, List.of(
                        new LapsedStop(STOP_A, A, org(A), T0, T0.plus(Duration.ofHours(4))),
                        new LapsedStop(STOP_B, B, org(B), T0, T0.plus(Duration.ofHours(3)))),
                        LapseCause.MMA_DECISION, "laatste verloskamers in de regio belden", T0, MMA))
                .expectResultMessagePayload(new Outcomes.Lapse(List.of(STOP_A, STOP_B)))
                .expectNoScheduledDeadlines();

        new AggregateTestFixture<>(StopBoard.class).givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofHours(4)), declared(STOP_B, B, T0, Duration.ofHours(3)),
                        new StopsLapsed(VR, CareKind.VERLOSKUNDE, List.of(
                                new LapsedStop(STOP_A, A, org(A), T0, T0.plus(Duration.ofHours(4))),
                                new LapsedStop(STOP_B, B, org(B), T0, T0.plus(Duration.ofHours(3)))),
                                LapseCause.MMA_DECISION, "besluit MMA", T0, MMA))
                .when(presentatiestop(STOP_C, C, Duration.ofHours(2), false))
                .expectEvents(declared(STOP_C, C, T0, Duration.ofHours(2)));
    }

    @Test
    void givenAPresentatiestop_whenItsFourHoursPass_thenWarnedTenMinutesBeforeAndExpiredAtTheEnd() {
        Instant end = T0.plus(Duration.ofHours(4));
        fixture.givenCurrentTime(T0).andGivenCommands(presentatiestop(STOP_A, A, Duration.ofHours(4), false))
                .whenTimeElapses(Duration.ofHours(4))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e.equals(new StopExpiryWarned(STOP_A, VR, CareKind.VERLOSKUNDE, A,
                                org(A), end, end.minus(Duration.ofMinutes(10))))),
                        Matchers.predicate(e -> e instanceof StopExpired x && x.stopId().equals(STOP_A)
                                && x.kind() == CareKind.VERLOSKUNDE && x.expiredAt().equals(end)),
                        Matchers.andNoMore())))
                .expectNoScheduledDeadlines();
    }
}
