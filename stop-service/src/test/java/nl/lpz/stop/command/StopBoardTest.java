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
        return new DeclareStop(BOARD.value(), stopId, at, org(at), ROAZ, StopType.UNPLANNED, duration, NORM, false,
                "piek", null, providers, new Actor("seh-" + at.value().substring(4), org(at).value()));
    }

    static StopDeclared declared(String stopId, LocationId at, Instant start, Duration duration) {
        return new StopDeclared(stopId, VR, CareKind.SEH, at, org(at), ROAZ, StopType.UNPLANNED, start,
                start.plus(duration), start.plus(Duration.ofMinutes(20)), duration.toMinutes(), NORM.toMinutes(),
                false, "piek", null, new Actor("seh-" + at.value().substring(4), org(at).value()));
    }

    // ------------------------------------------------------------------------------------------- declaring

    @Test
    void given_no_stops_when_a_provider_declares_then_the_stop_is_declared_with_grace_and_deadlines() {
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
    void given_a_location_that_does_not_offer_the_kind_when_it_declares_then_care_not_offered() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(B, C)))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.CARE_NOT_OFFERED)))
                .expectNoEvents();
    }

    @Test
    void given_an_active_stop_when_the_same_location_declares_again_then_stop_already_active() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, A, Duration.ofMinutes(60), ABC))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_ALREADY_ACTIVE)))
                .expectNoEvents();
    }

    @Test
    void given_a_stop_longer_than_twice_the_norm_without_mka_contact_when_declared_then_refused() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(241), ABC))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)))
                .expectNoEvents();
    }

    @Test
    void given_exactly_twice_the_norm_when_declared_then_no_mka_contact_is_needed() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(240), ABC))
                .expectEvents(declared(STOP_A, A, T0, Duration.ofMinutes(240)));
    }

    @Test
    void given_a_long_stop_with_mka_contact_when_declared_then_declared() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(300), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, true, c.reason(), null, ABC, c.actor()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopDeclared d && d.mkaContacted()), Matchers.andNoMore())));
    }

    @Test
    void given_a_region_without_stops_when_declared_then_stops_not_allowed() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(30), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), null, false, c.reason(), null, ABC, c.actor()))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOPS_NOT_ALLOWED)));
    }

    @Test
    void given_a_regional_norm_time_of_one_hour_when_a_stop_of_150_minutes_is_declared_then_mka_contact_is_needed() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(150), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), A, c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), Duration.ofHours(1), false, c.reason(), null, ABC, c.actor()))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)));
    }

    // ------------------------------------------------------------------------------------- last in region

    @Test
    void given_the_other_providers_stopped_when_the_last_declares_then_refused_and_the_refusal_recorded() {
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
    void given_the_only_provider_when_it_declares_then_refused() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(A)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopRefused), Matchers.andNoMore())));
    }

    @Test
    void given_one_other_provider_open_when_declared_then_declared() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, B, Duration.ofMinutes(60), ABC))
                .expectEvents(declared(STOP_B, B, T0, Duration.ofMinutes(60)));
    }

    @Test
    void given_a_stop_that_ended_when_the_last_declares_then_it_counts_as_open_again() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(declare(STOP_B, B, Duration.ofMinutes(60), Set.of(A, B)))
                .expectEvents(declared(STOP_B, B, T0, Duration.ofMinutes(60)));
    }

    @Test
    void given_a_stop_past_its_end_whose_expiry_has_not_fired_yet_when_the_location_declares_again_then_declared() {
        Instant later = T0.plus(Duration.ofMinutes(61));
        fixture.givenCurrentTime(later).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, A, Duration.ofMinutes(30), Set.of(A, B)))
                .expectEvents(declared(STOP_B, A, later, Duration.ofMinutes(30)));
    }

    @Test
    void given_the_other_provider_past_its_end_when_the_last_declares_then_the_other_counts_as_open() {
        Instant later = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(later).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(declare(STOP_B, B, Duration.ofMinutes(30), Set.of(A, B)))
                .expectEvents(declared(STOP_B, B, later, Duration.ofMinutes(30)));
    }

    // --------------------------------------------------------------------------------- deadlines & expiry

    @Test
    void given_a_declared_stop_when_time_passes_to_ten_minutes_before_the_end_then_expiry_is_warned() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .whenTimeElapses(Duration.ofMinutes(50))
                .expectDeadlinesMet(new ExpiryWarningDue(STOP_A, T0.plus(Duration.ofMinutes(60))))
                .expectEvents(new StopExpiryWarned(STOP_A, VR, CareKind.SEH, A, org(A),
                        T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofMinutes(50))));
    }

    @Test
    void given_a_declared_stop_when_time_passes_to_9_minutes_before_the_end_then_not_yet_expired() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .whenTimeElapses(Duration.ofMinutes(49))
                .expectNoEvents();
    }

    @Test
    void given_a_declared_stop_when_the_expected_end_passes_then_it_expires_exactly_once() {
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
    void given_a_stop_that_expired_when_its_expiry_deadline_fires_again_then_nothing_happens() {
        Instant end = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopExpired(STOP_A, VR, CareKind.SEH, A, org(A), T0, end, end, "expected end reached",
                                Actor.SYSTEM))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectNoEvents();
    }

    @Test
    void given_a_short_stop_when_declared_then_the_warning_is_due_at_once() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ofMinutes(5), ABC))
                .expectScheduledDeadlineWithName(Duration.ZERO, Deadlines.WARNING + STOP_A)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), Deadlines.EXPIRY + STOP_A);
    }

    // ----------------------------------------------------------------------------------------- extending

    @Test
    void given_an_active_stop_when_extended_then_the_deadlines_are_rescheduled() {
        Instant newEnd = T0.plus(Duration.ofMinutes(120));
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(120), false, "piek houdt aan",
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
    void given_an_extended_stop_when_the_old_end_passes_then_it_does_not_expire() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC),
                        new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .whenTimeElapses(Duration.ofMinutes(61))
                .expectNoEvents();
    }

    @Test
    void given_an_active_stop_when_the_new_duration_is_not_longer_then_not_an_extension() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(60), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.NOT_AN_EXTENSION)));
    }

    @Test
    void given_an_active_stop_when_extended_past_twice_the_norm_without_mka_contact_then_refused() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(241), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT)));
    }

    @Test
    void given_an_expired_stop_when_extended_then_stop_not_active() {
        Instant end = T0.plus(Duration.ofMinutes(60));
        fixture.givenCurrentTime(end.plusSeconds(1))
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopExpired(STOP_A, VR, CareKind.SEH, A, org(A), T0, end, end, "expected end reached",
                                Actor.SYSTEM))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    @Test
    void given_a_stop_past_its_end_before_the_expiry_fired_when_extended_then_stop_not_active() {
        fixture.givenCurrentTime(T0.plus(Duration.ofMinutes(60)))
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(120), false, "x", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    @Test
    void given_a_stop_of_another_organisation_when_extended_then_forbidden() {
        fixture.givenCurrentTime(T0).andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(90), false, "x", HOSPITAL_B))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.FORBIDDEN_ORGANISATION)))
                .expectNoEvents();
    }

    // -------------------------------------------------------------------------------------------- ending

    @Test
    void given_an_active_stop_when_ended_by_the_hospital_then_ended_and_deadlines_cancelled() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new EndStop(BOARD.value(), STOP_A, "capaciteit weer op orde", HOSPITAL_A))
                .expectEvents(new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)),
                        T0, "capaciteit weer op orde", HOSPITAL_A))
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_an_ended_stop_when_ended_again_then_stop_not_active() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(new EndStop(BOARD.value(), STOP_A, "again", HOSPITAL_A))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.STOP_NOT_ACTIVE)));
    }

    // ------------------------------------------------------------------------------------------- lapsing

    @Test
    void given_active_stops_when_the_mma_lapses_then_all_lapse_and_their_deadlines_are_cancelled() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC),
                        declare(STOP_B, B, Duration.ofMinutes(90), ABC))
                .when(new LapseStops(BOARD.value(), "laatste SEH belde", MMA))
                .expectEvents(new StopsLapsed(VR, CareKind.SEH, List.of(
                        new LapsedStop(STOP_A, A, org(A), T0, T0.plus(Duration.ofMinutes(60))),
                        new LapsedStop(STOP_B, B, org(B), T0, T0.plus(Duration.ofMinutes(90)))),
                        LapseCause.MMA_DECISION, "laatste SEH belde", T0, MMA))
                .expectResultMessagePayload(new Outcomes.Lapse(List.of(STOP_A, STOP_B)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_no_active_stops_when_the_mma_lapses_then_nothing_is_recorded() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)),
                        new StopEnded(STOP_A, VR, CareKind.SEH, A, org(A), T0, T0.plus(Duration.ofMinutes(60)), T0,
                                "ok", HOSPITAL_A))
                .when(new LapseStops(BOARD.value(), "x", MMA))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcomes.Lapse(List.of()));
    }

    @Test
    void given_a_provider_dropped_when_all_remaining_providers_have_a_stop_then_all_stops_lapse_automatically() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)), declared(STOP_B, B, T0, Duration.ofMinutes(60)))
                .when(new ReconcileProviders(BOARD.value(), Set.of(A, B)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof StopsLapsed l && l.cause() == LapseCause.ALL_PROVIDERS_STOPPED
                                && l.stops().size() == 2 && l.lapsedBy().equals(Actor.SYSTEM)),
                        Matchers.andNoMore())));
    }

    @Test
    void given_an_open_provider_left_when_providers_are_reconciled_then_nothing_lapses() {
        fixture.givenCurrentTime(T0)
                .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                .when(new ReconcileProviders(BOARD.value(), ABC))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------- announcements

    static AnnounceStop announce(String id, Instant start, Instant end) {
        return new AnnounceStop(BOARD.value(), id, A, org(A), start, end, "onderhoud", ABC, HOSPITAL_A);
    }

    @Test
    void given_no_announcements_when_announced_then_announced_with_reminder_and_lapse_deadlines() {
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
    void given_an_announcement_when_end_before_start_then_invalid() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(1))))
                .expectException(Matchers.predicate(e -> e instanceof StopRejected r
                        && r.code().equals(StopRejected.INVALID_ANNOUNCEMENT)));
    }

    @Test
    void given_an_announcement_when_its_planned_start_comes_then_the_hospital_is_reminded() {
        String id = BOARD.newMemberId();
        Instant start = T0.plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(T0).andGivenCommands(announce(id, start, end))
                .whenTimeAdvancesTo(start)
                .expectEvents(new PlannedStopReminder(id, VR, CareKind.SEH, A, org(A), start, end, start));
    }

    @Test
    void given_an_announcement_never_declared_when_its_planned_end_passes_then_it_lapses() {
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
    void given_an_announcement_before_its_start_when_a_planned_stop_is_declared_then_planned_stop_not_started() {
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
    void given_a_started_announcement_when_the_planned_stop_is_declared_then_it_links_and_closes_the_announcement() {
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
    void given_a_reason_with_a_nul_when_declared_then_invalid_field_and_nothing_recorded_or_scheduled() {
        fixture.givenCurrentTime(T0)
                .when(withReason(declare(STOP_A, A, Duration.ofMinutes(60), ABC), NUL_REASON))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_the_only_provider_with_an_unstorable_reason_when_it_declares_then_not_even_the_refusal_is_recorded() {
        fixture.givenCurrentTime(T0)
                .when(withReason(declare(STOP_A, A, Duration.ofMinutes(60), Set.of(A)), UNPAIRED_SURROGATE_REASON))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void given_a_duration_that_would_end_after_the_latest_instant_when_declared_then_invalid_field_and_no_deadline() {
        DeclareStop c = declare(STOP_A, A, SENTINEL_DURATION, ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, true, c.reason(), null, ABC, c.actor()))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_a_duration_of_zero_when_declared_then_invalid_field() {
        fixture.givenCurrentTime(T0)
                .when(declare(STOP_A, A, Duration.ZERO, ABC))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void given_an_active_stop_when_extended_by_a_sentinel_duration_then_invalid_field_and_its_deadlines_stay() {
        fixture.givenCurrentTime(T0).andGivenCommands(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .when(new ExtendStop(BOARD.value(), STOP_A, SENTINEL_DURATION, true, "x", HOSPITAL_A))
                .expectException(invalidField())
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofMinutes(60), new ExpiryDue(STOP_A, T0.plus(Duration.ofMinutes(60))));
    }

    @Test
    void given_an_active_stop_when_extended_ended_or_lapsed_with_an_unstorable_reason_then_invalid_field() {
        for (Object command : List.of(
                new ExtendStop(BOARD.value(), STOP_A, Duration.ofMinutes(90), false, NUL_REASON, HOSPITAL_A),
                new EndStop(BOARD.value(), STOP_A, UNPAIRED_SURROGATE_REASON, HOSPITAL_A),
                new LapseStops(BOARD.value(), "\u001Bbesluit", MMA))) {
            new AggregateTestFixture<>(StopBoard.class).givenCurrentTime(T0)
                    .andGiven(declared(STOP_A, A, T0, Duration.ofMinutes(60)))
                    .when(command)
                    .expectException(invalidField())
                    .expectNoEvents();
        }
    }

    @Test
    void given_an_announcement_ending_beyond_the_planning_horizon_when_announced_then_invalid_field_and_no_deadline() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), T0.plus(Duration.ofHours(1)),
                        T0.plus(ValueRules.MAX_PLANNING_HORIZON).plusSeconds(1)))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_an_announcement_starting_at_the_unix_epoch_when_announced_then_invalid_field() {
        fixture.givenCurrentTime(T0)
                .when(announce(BOARD.newMemberId(), Instant.EPOCH, T0.plus(Duration.ofHours(1))))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_an_announcement_ending_exactly_at_the_planning_horizon_when_announced_then_announced() {
        String id = BOARD.newMemberId();
        Instant end = T0.plus(ValueRules.MAX_PLANNING_HORIZON);
        fixture.givenCurrentTime(T0)
                .when(announce(id, end.minus(Duration.ofHours(4)), end))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(ValueRules.MAX_PLANNING_HORIZON, new AnnouncedEndDue(id));
    }

    @Test
    void given_a_token_subject_with_a_control_character_when_declared_then_invalid_field_and_nothing_recorded() {
        DeclareStop c = declare(STOP_A, A, Duration.ofMinutes(60), ABC);
        fixture.givenCurrentTime(T0)
                .when(new DeclareStop(c.boardId(), c.stopId(), c.locationId(), c.organisationId(), ROAZ, c.type(),
                        c.expectedDuration(), NORM, false, c.reason(), null, ABC, new Actor("seh\u0007a", "org-a")))
                .expectException(invalidField())
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void given_a_clock_before_the_platform_epoch_when_declared_then_nothing_is_recorded() {
        fixture.givenCurrentTime(ValueRules.PLATFORM_EPOCH.minusSeconds(1))
                .when(declare(STOP_A, A, Duration.ofMinutes(60), ABC))
                .expectException(invalidField())
                .expectNoEvents();
    }

    @Test
    void given_a_board_state_when_snapshotted_with_the_axon_mapper_then_it_reads_back() throws Exception {
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
