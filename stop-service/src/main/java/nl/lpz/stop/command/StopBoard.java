package nl.lpz.stop.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.events.stops.LapseCause;
import nl.lpz.events.stops.LapsedStop;
import nl.lpz.events.stops.PlannedStopReminder;
import nl.lpz.events.stops.StopAnnounced;
import nl.lpz.events.stops.StopAnnouncementLapsed;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopEnded;
import nl.lpz.events.stops.StopEvent;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stops of one kind of care in one veiligheidsregio. The last-in-region rule compares a declaration with every
 * other active stop of the kind in the region, so it is decided here, in one aggregate: Axon handles one command per
 * aggregate at a time within an instance, and the event store's unique (aggregate, sequence) rejects the second of
 * two concurrent appends across instances (the sender retries it, and it is then decided on the new state).
 * <p>
 * Only what the rules need is kept: active stops and open announcements. Ended stops leave the state, so a snapshot
 * stays small however long the history is.
 */
@Aggregate(snapshotTriggerDefinition = "stopBoardSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class StopBoard {
    static final Duration GRACE = Duration.ofMinutes(20);
    static final Duration WARNING_BEFORE_END = Duration.ofMinutes(10);
    static final Actor SYSTEM = Actor.SYSTEM;

    @AggregateIdentifier
    private String boardId;
    private SafetyRegionId safetyRegionId;
    private CareKind kind;
    private Map<String, ActiveStop> active = new LinkedHashMap<>();
    /**
     * The organisation of every stop this board declared, kept after its end: a caller of another organisation is
     * refused for who it is before it learns the stop's state (no existence or state oracle). A few thousand ids a
     * year per board. A snapshot taken before this field existed restores it empty; its ended stops are then unknown.
     */
    private Map<String, String> owners = new HashMap<>();
    private Map<String, OpenAnnouncement> announcements = new LinkedHashMap<>();

    /** An active stop as the rules need it. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    record ActiveStop(String stopId, LocationId locationId, OrganisationId organisationId, Instant startedAt,
                      Instant expectedEnd, long normTimeMinutes, boolean warned) {
        ActiveStop withEnd(Instant end) {
            return new ActiveStop(stopId, locationId, organisationId, startedAt, end, normTimeMinutes, false);
        }

        ActiveStop warnedNow() {
            return new ActiveStop(stopId, locationId, organisationId, startedAt, expectedEnd, normTimeMinutes, true);
        }
    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    record OpenAnnouncement(String announcementId, LocationId locationId, OrganisationId organisationId,
                            Instant plannedStart, Instant plannedEnd) {
    }

    protected StopBoard() {
        // for Axon
    }

    // ---------------------------------------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Outcomes.Declaration handle(DeclareStop c, DeadlineManager deadlines) {
        BoardId board = c.boardId();
        Instant now = now();
        // before any rule: a refusal is stored too, and it carries the reason
        requireStorableText("reason", c.reason());
        Instant expectedEnd = endOf(now, c.expectedDuration());
        if (!c.providers().contains(c.locationId())) {
            throw StopRejected.unprocessable(StopRejected.CARE_NOT_OFFERED,
                    "location " + c.locationId() + " does not offer " + board.kind() + " care");
        }
        if (c.normTime() == null) {
            throw StopRejected.unprocessable(StopRejected.STOPS_NOT_ALLOWED,
                    "the ROAZ region " + c.roazRegionId() + " allows no " + board.kind() + " stops");
        }
        Optional<ActiveStop> current = activeAt(c.locationId());
        if (current.isPresent()) {
            throw StopRejected.conflict(StopRejected.STOP_ALREADY_ACTIVE, "location " + c.locationId()
                    + " already has an active " + board.kind() + " stop: " + current.get().stopId());
        }
        requireMkaContactForLongStop(c.expectedDuration(), c.normTime(), c.mkaContacted(), board.kind());
        String announcementId = c.type() == StopType.PLANNED ? announcementFor(c, now) : null;

        boolean anotherOpen = c.providers().stream()
                .anyMatch(p -> !p.equals(c.locationId()) && activeAt(p).isEmpty());
        if (!anotherOpen) {
            emit(new StopRefused(board.safetyRegionId(), board.kind(), c.locationId(), c.organisationId(), c.type(),
                    c.expectedDuration().toMinutes(), StopRejected.LAST_IN_REGION, c.reason(), now, c.actor()));
            return Outcomes.Declaration.refused("no other location in " + board.safetyRegionId() + " that offers "
                    + board.kind() + " would remain open, so this stop cannot be declared: call the dispatch centre"
                    + " (MKA) and ask for the MMA on duty, who can lapse all " + board.kind()
                    + " stops in the region");
        }

        Instant graceUntil = now.plus(GRACE);
        emit(new StopDeclared(c.stopId(), board.safetyRegionId(), board.kind(), c.locationId(), c.organisationId(),
                c.roazRegionId(), c.type(), now, expectedEnd, graceUntil, c.expectedDuration().toMinutes(),
                c.normTime().toMinutes(), c.mkaContacted(), c.reason(), announcementId, c.actor()));
        scheduleExpiry(deadlines, c.stopId(), now, expectedEnd);
        if (announcementId != null) {
            deadlines.cancelAllWithinScope(Deadlines.ANNOUNCED_START + announcementId);
            deadlines.cancelAllWithinScope(Deadlines.ANNOUNCED_END + announcementId);
        }
        return Outcomes.Declaration.declared(c.stopId(), now, expectedEnd, graceUntil, c.normTime().toMinutes());
    }

    @CommandHandler
    Outcomes.StopState handle(ExtendStop c, DeadlineManager deadlines) {
        requireStorableText("reason", c.reason());
        ActiveStop stop = requireActive(c.stopId(), c.actor());
        Instant now = now();
        if (!now.isBefore(stop.expectedEnd())) {
            throw StopRejected.conflict(StopRejected.STOP_NOT_ACTIVE,
                    "stop " + c.stopId() + " reached its end; declare a new stop instead");
        }
        Instant newEnd = endOf(stop.startedAt(), c.expectedDuration());
        if (!newEnd.isAfter(stop.expectedEnd())) {
            throw StopRejected.unprocessable(StopRejected.NOT_AN_EXTENSION, "the new duration of "
                    + c.expectedDuration().toMinutes() + " minutes from the start does not pass the current end "
                    + stop.expectedEnd());
        }
        requireMkaContactForLongStop(c.expectedDuration(), Duration.ofMinutes(stop.normTimeMinutes()),
                c.mkaContacted(), kind);
        emit(new StopExtended(c.stopId(), safetyRegionId, kind, stop.locationId(), stop.organisationId(),
                stop.startedAt(), stop.expectedEnd(), newEnd, c.expectedDuration().toMinutes(), c.mkaContacted(),
                c.reason(), now, c.actor()));
        cancelExpiry(deadlines, c.stopId());
        scheduleExpiry(deadlines, c.stopId(), now, newEnd);
        return new Outcomes.StopState(c.stopId(), stop.startedAt(), newEnd, stop.startedAt().plus(GRACE), null);
    }

    @CommandHandler
    Outcomes.StopState handle(EndStop c, DeadlineManager deadlines) {
        requireStorableText("reason", c.reason());
        ActiveStop stop = requireActive(c.stopId(), c.actor());
        Instant now = now();
        if (!now.isBefore(stop.expectedEnd())) {
            throw StopRejected.conflict(StopRejected.STOP_NOT_ACTIVE, "stop " + c.stopId() + " already ended");
        }
        emit(new StopEnded(c.stopId(), safetyRegionId, kind, stop.locationId(), stop.organisationId(),
                stop.startedAt(), stop.expectedEnd(), now, c.reason(), c.actor()));
        cancelExpiry(deadlines, c.stopId());
        return new Outcomes.StopState(c.stopId(), stop.startedAt(), stop.expectedEnd(),
                stop.startedAt().plus(GRACE), now);
    }

    @CommandHandler
    Outcomes.Lapse handle(LapseStops c, DeadlineManager deadlines) {
        requireStorableText("reason", c.reason());
        return lapseAll(LapseCause.MMA_DECISION, c.reason(), c.actor(), deadlines);
    }

    @CommandHandler
    Outcomes.Lapse handle(ReconcileProviders c, DeadlineManager deadlines) {
        boolean allStopped = !active.isEmpty()
                && c.providers().stream().allMatch(p -> activeAt(p).isPresent());
        if (!allStopped) {
            return new Outcomes.Lapse(List.of());
        }
        return lapseAll(LapseCause.ALL_PROVIDERS_STOPPED,
                "every location in " + safetyRegionId + " that offers " + kind + " had a stop", SYSTEM, deadlines);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(AnnounceStop c, DeadlineManager deadlines) {
        BoardId board = c.boardId();
        Instant now = now();
        requireStorableText("reason", c.reason());
        // both instants become deadlines: the scheduler must never be handed one decades away
        requirePlannable("plannedStart", c.plannedStart(), now);
        requirePlannable("plannedEnd", c.plannedEnd(), now);
        if (!c.providers().contains(c.locationId())) {
            throw StopRejected.unprocessable(StopRejected.CARE_NOT_OFFERED,
                    "location " + c.locationId() + " does not offer " + board.kind() + " care");
        }
        if (!c.plannedEnd().isAfter(c.plannedStart())) {
            throw StopRejected.unprocessable(StopRejected.INVALID_ANNOUNCEMENT,
                    "plannedEnd must be after plannedStart");
        }
        if (!c.plannedEnd().isAfter(now)) {
            throw StopRejected.unprocessable(StopRejected.INVALID_ANNOUNCEMENT, "plannedEnd is in the past");
        }
        emit(new StopAnnounced(c.announcementId(), board.safetyRegionId(), board.kind(), c.locationId(),
                c.organisationId(), c.plannedStart(), c.plannedEnd(), c.reason(), now, c.actor()));
        deadlines.schedule(c.plannedStart().isAfter(now) ? c.plannedStart() : now,
                Deadlines.ANNOUNCED_START + c.announcementId(), new AnnouncedStartDue(c.announcementId()));
        deadlines.schedule(c.plannedEnd(), Deadlines.ANNOUNCED_END + c.announcementId(),
                new AnnouncedEndDue(c.announcementId()));
        return c.announcementId();
    }

    // --------------------------------------------------------------------------------------------- deadlines

    @DeadlineHandler
    void on(ExpiryWarningDue due, @Timestamp Instant dueAt) {
        ActiveStop stop = active.get(due.stopId());
        if (stop == null || stop.warned() || !stop.expectedEnd().equals(due.expectedEnd())) {
            return; // ended, extended or warned already: this deadline outlived its reason
        }
        apply(new StopExpiryWarned(stop.stopId(), safetyRegionId, kind, stop.locationId(), stop.organisationId(),
                stop.expectedEnd(), dueAt));
    }

    @DeadlineHandler
    void on(ExpiryDue due, DeadlineManager deadlines) {
        ActiveStop stop = active.get(due.stopId());
        if (stop == null || !stop.expectedEnd().equals(due.expectedEnd())) {
            return;
        }
        apply(new StopExpired(stop.stopId(), safetyRegionId, kind, stop.locationId(), stop.organisationId(),
                stop.startedAt(), stop.expectedEnd(), now(), "expected end reached", SYSTEM));
        deadlines.cancelAllWithinScope(Deadlines.WARNING + stop.stopId());
    }

    @DeadlineHandler
    void on(AnnouncedStartDue due, @Timestamp Instant dueAt) {
        OpenAnnouncement a = announcements.get(due.announcementId());
        if (a == null || activeAt(a.locationId()).isPresent()) {
            return; // declared or lapsed already, or the location is already stopped
        }
        apply(new PlannedStopReminder(a.announcementId(), safetyRegionId, kind, a.locationId(), a.organisationId(),
                a.plannedStart(), a.plannedEnd(), dueAt));
    }

    @DeadlineHandler
    void on(AnnouncedEndDue due, @Timestamp Instant dueAt) {
        OpenAnnouncement a = announcements.get(due.announcementId());
        if (a == null) {
            return;
        }
        apply(new StopAnnouncementLapsed(a.announcementId(), safetyRegionId, kind, a.locationId(),
                a.organisationId(), a.plannedEnd(), dueAt, "planned end reached without a declared stop", SYSTEM));
    }

    // ------------------------------------------------------------------------------------------------ events

    @EventSourcingHandler
    void on(StopDeclared e) {
        identify(e);
        owners.put(e.stopId(), e.organisationId().value());
        active.put(e.stopId(), new ActiveStop(e.stopId(), e.locationId(), e.organisationId(), e.startedAt(),
                e.expectedEnd(), e.normTimeMinutes(), false));
        if (e.announcementId() != null) {
            announcements.remove(e.announcementId());
        }
    }

    @EventSourcingHandler
    void on(StopRefused e) {
        identify(e);
    }

    @EventSourcingHandler
    void on(StopExtended e) {
        active.computeIfPresent(e.stopId(), (id, s) -> s.withEnd(e.expectedEnd()));
    }

    @EventSourcingHandler
    void on(StopExpiryWarned e) {
        active.computeIfPresent(e.stopId(), (id, s) -> s.warnedNow());
    }

    @EventSourcingHandler
    void on(StopEnded e) {
        active.remove(e.stopId());
    }

    @EventSourcingHandler
    void on(StopExpired e) {
        active.remove(e.stopId());
    }

    @EventSourcingHandler
    void on(StopsLapsed e) {
        e.stops().forEach(s -> active.remove(s.stopId()));
    }

    @EventSourcingHandler
    void on(StopAnnounced e) {
        identify(e);
        announcements.put(e.announcementId(), new OpenAnnouncement(e.announcementId(), e.locationId(),
                e.organisationId(), e.plannedStart(), e.plannedEnd()));
    }

    @EventSourcingHandler
    void on(StopAnnouncementLapsed e) {
        announcements.remove(e.announcementId());
    }

    @EventSourcingHandler
    void on(PlannedStopReminder e) {
        // the announcement stays open until declared or lapsed
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void identify(StopEvent e) {
        if (boardId == null) {
            boardId = BoardId.of(e.safetyRegionId(), e.kind()).value();
            safetyRegionId = e.safetyRegionId();
            kind = e.kind();
        }
    }

    /** The location's stop that still runs now; one past its expected end is over even before its expiry fired. */
    private Optional<ActiveStop> activeAt(LocationId location) {
        Instant now = now();
        return active.values().stream()
                .filter(s -> s.locationId().equals(location) && s.expectedEnd().isAfter(now))
                .findFirst();
    }

    /**
     * The caller's own stop that still runs. Who it is comes first: a stop of another organisation, or one this board
     * never declared, is refused alike ({@code FORBIDDEN_ORGANISATION}, naming no owner), whether it runs or ended;
     * only the owner learns that its stop is no longer active.
     */
    private ActiveStop requireActive(String stopId, Actor actor) {
        ActiveStop stop = active.get(stopId);
        String owner = stop != null ? stop.organisationId().value() : owners.get(stopId);
        if (owner == null || actor.organisation() == null || !actor.organisation().equals(owner)) {
            throw StopRejected.forbiddenOrganisation("stop " + stopId + " is no stop of organisation "
                    + actor.organisation());
        }
        if (stop == null) {
            throw StopRejected.conflict(StopRejected.STOP_NOT_ACTIVE, "stop " + stopId + " is not active");
        }
        return stop;
    }

    private String announcementFor(DeclareStop c, Instant now) {
        List<OpenAnnouncement> own = new ArrayList<>(announcements.values().stream()
                .filter(a -> a.locationId().equals(c.locationId()))
                .filter(a -> c.announcementId() == null || a.announcementId().equals(c.announcementId()))
                .sorted(Comparator.comparing(OpenAnnouncement::plannedStart))
                .toList());
        if (c.announcementId() != null && own.isEmpty()) {
            throw StopRejected.unprocessable(StopRejected.INVALID_ANNOUNCEMENT,
                    "no open announcement " + c.announcementId() + " of location " + c.locationId());
        }
        Optional<OpenAnnouncement> started = own.stream().filter(a -> !a.plannedStart().isAfter(now)).findFirst();
        if (started.isPresent()) {
            return started.get().announcementId();
        }
        if (!own.isEmpty()) {
            throw StopRejected.unprocessable(StopRejected.PLANNED_STOP_NOT_STARTED, "the planned stop starts at "
                    + own.get(0).plannedStart() + "; a planned stop cannot be declared before its start");
        }
        return null;
    }

    private static void requireMkaContactForLongStop(Duration expected, Duration norm, boolean mkaContacted,
                                                     CareKind kind) {
        if (expected.compareTo(norm.multipliedBy(2)) > 0 && !mkaContacted) {
            throw StopRejected.unprocessable(StopRejected.LONG_STOP_NEEDS_MKA_CONTACT, "a " + kind + " stop of "
                    + expected.toMinutes() + " minutes is more than twice the norm time of " + norm.toMinutes()
                    + " minutes: phone the MKA/MMA first and confirm with mkaContacted");
        }
    }

    private Outcomes.Lapse lapseAll(LapseCause cause, String reason, Actor actor, DeadlineManager deadlines) {
        if (active.isEmpty()) {
            return new Outcomes.Lapse(List.of());
        }
        List<LapsedStop> stops = active.values().stream()
                .map(s -> new LapsedStop(s.stopId(), s.locationId(), s.organisationId(), s.startedAt(),
                        s.expectedEnd()))
                .toList();
        emit(new StopsLapsed(safetyRegionId, kind, stops, cause, reason, now(), actor));
        stops.forEach(s -> cancelExpiry(deadlines, s.stopId()));
        return new Outcomes.Lapse(stops.stream().map(LapsedStop::stopId).toList());
    }

    private static void requireStorableText(String field, String text) {
        String violation = ValueRules.textViolation(text);
        if (violation != null) {
            throw StopRejected.invalid(field + " " + violation);
        }
    }

    /**
     * The end of a stop that lasts {@code duration} from {@code start}. Checked before adding, so that an absurd
     * duration is refused instead of overflowing, and the expiry deadline is never scheduled beyond what a store
     * downstream can hold.
     */
    private static Instant endOf(Instant start, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw StopRejected.invalid("expectedDuration must be positive");
        }
        if (duration.compareTo(Duration.between(start, ValueRules.LATEST_INSTANT)) > 0) {
            throw StopRejected.invalid("expectedDuration of " + duration.toMinutes() + " minutes would end after "
                    + ValueRules.LATEST_INSTANT);
        }
        return start.plus(duration);
    }

    private static void requirePlannable(String field, Instant instant, Instant now) {
        if (instant == null) {
            throw StopRejected.invalid(field + " is required");
        }
        Instant horizon = now.plus(ValueRules.MAX_PLANNING_HORIZON);
        if (instant.isBefore(ValueRules.PLATFORM_EPOCH) || instant.isAfter(horizon)) {
            throw StopRejected.invalid(field + " " + instant + " is not between " + ValueRules.PLATFORM_EPOCH
                    + " and " + horizon + " (" + ValueRules.MAX_PLANNING_HORIZON.toDays() + " days ahead)");
        }
    }

    /**
     * Applies an event of a command handler unless a value in it breaks {@link ValueRules}: the handlers' own checks
     * cover the request's values with a precise message, this covers the rest (the actor from the token, the
     * clock). Deadline handlers apply directly: their values come from state these checks admitted, and a deadline
     * that throws is retried by the scheduler over and over.
     */
    private static void emit(StopEvent event) {
        Optional<String> violation = ValueRules.firstViolation(event);
        if (violation.isPresent()) {
            throw StopRejected.invalid(violation.get());
        }
        apply(event);
    }

    private static void scheduleExpiry(DeadlineManager deadlines, String stopId, Instant now, Instant end) {
        Instant warnAt = end.minus(WARNING_BEFORE_END);
        deadlines.schedule(warnAt.isAfter(now) ? warnAt : now, Deadlines.WARNING + stopId,
                new ExpiryWarningDue(stopId, end));
        deadlines.schedule(end, Deadlines.EXPIRY + stopId, new ExpiryDue(stopId, end));
    }

    private static void cancelExpiry(DeadlineManager deadlines, String stopId) {
        deadlines.cancelAllWithinScope(Deadlines.WARNING + stopId);
        deadlines.cancelAllWithinScope(Deadlines.EXPIRY + stopId);
    }

    /**
     * Microsecond precision, as PostgreSQL stores it: the instants of the 201 answer, the events and every read
     * model are then the same value, not the same value up to rounding.
     */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
