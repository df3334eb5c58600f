package nl.lpz.stop.command;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.command.Commands.AnnounceStop;
import nl.lpz.stop.command.Commands.DeclareStop;
import nl.lpz.stop.command.Commands.EndStop;
import nl.lpz.stop.command.Commands.ExtendStop;
import nl.lpz.stop.command.Commands.LapseStops;
import nl.lpz.stop.command.Commands.ReconcileProviders;
import nl.lpz.stop.query.Boards;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.query.TopologyLocation;
import nl.lpz.platform.axon.CommandRetry;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns requests into board commands: resolves the topology and the regional norm time, checks that the caller acts
 * for the location's organisation, and sends the command. Within one instance Axon serialises the commands of a
 * board; a command that lost the race for the same sequence number against another instance is built and sent again
 * by platform-support's {@link CommandRetry} ({@code lpz.commands.retry}: 5 attempts at once, then 409
 * {@code CONFLICT}) and then decided on the winner's state.
 */
@Service
public class StopDesk {
    private static final Logger log = LoggerFactory.getLogger(StopDesk.class);

    private final CommandRetry commands;
    private final Topology topology;
    private final NormTimes normTimes;
    private final Boards boards;

    public StopDesk(CommandRetry commands, Topology topology, NormTimes normTimes, Boards boards) {
        this.commands = commands;
        this.topology = topology;
        this.normTimes = normTimes;
        this.boards = boards;
    }

    public Outcomes.Declaration declare(LocationId locationId, CareKind kind, StopType type, Duration expectedDuration,
                                        boolean mkaContacted, String reason, String announcementId, Actor actor) {
        TopologyLocation location = ownLocation(locationId, actor);
        BoardId board = BoardId.of(location.safetyRegionId(), kind);
        Duration norm = normTime(location.roazRegionId(), kind).orElse(null);
        String stopId = board.newMemberId();
        return send(board, () -> new DeclareStop(board, stopId, locationId, location.organisationId(),
                location.roazRegionId(), type, expectedDuration, norm, mkaContacted, reason, announcementId,
                topology.providers(location.safetyRegionId(), kind), actor));
    }

    /**
     * The norm time of every kind as a stop declared in this ROAZ region gets it (the same resolution as
     * {@link #declare}); a kind the region allows no stops of is left out. 404 {@code UNKNOWN_ROAZ_REGION} for a
     * region in which no location is known.
     */
    public Map<CareKind, Duration> normTimes(RoazRegionId roazRegionId) {
        if (!topology.hasRoazRegion(roazRegionId)) {
            throw StopRejected.unknownRoazRegion("no location is known in ROAZ region " + roazRegionId);
        }
        Map<CareKind, Duration> norms = new EnumMap<>(CareKind.class);
        for (CareKind kind : CareKind.values()) {
            normTime(roazRegionId, kind).ifPresent(norm -> norms.put(kind, norm));
        }
        return norms;
    }

    private Optional<Duration> normTime(RoazRegionId roazRegionId, CareKind kind) {
        return normTimes.normTime(roazRegionId.value(), kind);
    }

    public Outcomes.StopState extend(String stopId, Duration expectedDuration, boolean mkaContacted, String reason,
                                     Actor actor) {
        BoardId board = boardOf(stopId);
        return send(board, () -> new ExtendStop(board, stopId, expectedDuration, mkaContacted, reason, actor));
    }

    public Outcomes.StopState end(String stopId, String reason, Actor actor) {
        BoardId board = boardOf(stopId);
        return send(board, () -> new EndStop(board, stopId, reason, actor));
    }

    public Outcomes.Lapse lapse(SafetyRegionId safetyRegionId, CareKind kind, String reason, Actor actor) {
        BoardId board = BoardId.of(safetyRegionId, kind);
        if (!boards.exists(board.value())) {
            return new Outcomes.Lapse(java.util.List.of());
        }
        try {
            return send(board, () -> new LapseStops(board, reason, actor));
        } catch (AggregateNotFoundException noStopsEver) {
            return new Outcomes.Lapse(java.util.List.of());
        }
    }

    public String announce(LocationId locationId, CareKind kind, Instant plannedStart, Instant plannedEnd,
                           String reason, Actor actor) {
        TopologyLocation location = ownLocation(locationId, actor);
        BoardId board = BoardId.of(location.safetyRegionId(), kind);
        String announcementId = board.newMemberId();
        return send(board, () -> new AnnounceStop(board, announcementId, locationId, location.organisationId(),
                plannedStart, plannedEnd, reason, topology.providers(location.safetyRegionId(), kind), actor));
    }

    /** After a topology change: lapse the stops of every board of these regions whose providers are all stopped. */
    public void reconcile(Set<SafetyRegionId> safetyRegions) {
        for (SafetyRegionId region : safetyRegions) {
            for (CareKind kind : EnumSet.allOf(CareKind.class)) {
                BoardId board = BoardId.of(region, kind);
                if (!boards.exists(board.value())) {
                    continue;
                }
                try {
                    Outcomes.Lapse lapse = send(board, () -> new ReconcileProviders(board,
                            topology.providers(region, kind)));
                    if (!lapse.lapsedStopIds().isEmpty()) {
                        log.info("all {} providers in {} had a stop: lapsed {}", kind, region, lapse.lapsedStopIds());
                    }
                } catch (AggregateNotFoundException noStopsEver) {
                    // no stop was ever declared or announced for this kind here
                }
            }
        }
    }

    private TopologyLocation ownLocation(LocationId locationId, Actor actor) {
        TopologyLocation location = topology.find(locationId)
                .orElseThrow(() -> StopRejected.notFound("location " + locationId + " not found"));
        if (actor.organisation() == null || !actor.organisation().equals(location.organisationId().value())) {
            throw StopRejected.forbiddenOrganisation("the token's organisation may not act for location "
                    + locationId + " of organisation " + location.organisationId());
        }
        return location;
    }

    private static BoardId boardOf(String stopId) {
        return BoardId.ofMemberId(stopId).orElseThrow(() -> StopRejected.notFound("stop " + stopId + " not found"));
    }

    private <R> R send(BoardId board, Supplier<Object> command) {
        return commands.sendAndWait(command, "board " + board.value());
    }
}
