package nl.lpz.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
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
import nl.lpz.events.stops.StopEvent;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopType;
import nl.lpz.events.stops.StopsLapsed;
import nl.lpz.reporting.Fixtures.Published;

/** Stop events as stop-service publishes them on {@code lpz.stops.v1} (key = safety region id). */
public final class StopFixtures {
    public static final Actor NURSE = new Actor("nurse-1", null);
    public static final Actor MMA = new Actor("mma-1", null);

    private StopFixtures() {
    }

    public static Published publish(StopEvent event) {
        return new Published(Topics.STOPS, event.partitionKey(), EventJson.typeOf(event),
                UUID.randomUUID().toString(), EventJson.toBytes(event));
    }

    /** A stop of a location, to be turned into events. */
    public record Stop(String stopId, String vr, String roaz, CareKind kind, String locationId, String organisationId,
                       Instant startedAt, long minutes, long normMinutes) {

        public static Stop of(String vr, String roaz, CareKind kind, String locationId, String organisationId,
                              Instant startedAt, long minutes) {
            return new Stop(vr + "." + kind + "." + UUID.randomUUID().toString().replace("-", ""), vr, roaz, kind,
                    locationId, organisationId, startedAt, minutes, kind.defaultNormTime().toMinutes());
        }

        public Instant expectedEnd() {
            return startedAt.plus(Duration.ofMinutes(minutes));
        }

        public StopDeclared declared() {
            return declared(StopType.UNPLANNED, null);
        }

        public StopDeclared declared(StopType type, String announcementId) {
            return new StopDeclared(stopId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), roaz == null ? null : new RoazRegionId(roaz), type, startedAt,
                    expectedEnd(), startedAt.plus(Duration.ofMinutes(20)), minutes, normMinutes, false,
                    "druk op de SEH", announcementId, new Actor("nurse-1", organisationId));
        }

        public StopExtended extended(long newTotalMinutes, Instant at) {
            return new StopExtended(stopId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), startedAt, expectedEnd(),
                    startedAt.plus(Duration.ofMinutes(newTotalMinutes)), newTotalMinutes, true, "nog steeds druk",
                    at, new Actor("nurse-1", organisationId));
        }

        public Stop withMinutes(long newTotalMinutes) {
            return new Stop(stopId, vr, roaz, kind, locationId, organisationId, startedAt, newTotalMinutes,
                    normMinutes);
        }

        public StopEnded ended(Instant at) {
            return new StopEnded(stopId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), startedAt, expectedEnd(), at, "rustiger",
                    new Actor("nurse-1", organisationId));
        }

        public StopExpired expired() {
            return new StopExpired(stopId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), startedAt, expectedEnd(), expectedEnd().plusSeconds(1),
                    "expected end reached", Actor.SYSTEM);
        }

        public StopExpiryWarned warned() {
            return new StopExpiryWarned(stopId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), expectedEnd(), expectedEnd().minus(Duration.ofMinutes(10)));
        }

        public LapsedStop lapsed() {
            return new LapsedStop(stopId, LocationId.of(locationId), new OrganisationId(organisationId), startedAt,
                    expectedEnd());
        }
    }

    public static StopsLapsed lapse(String vr, CareKind kind, Instant at, Stop... stops) {
        return new StopsLapsed(SafetyRegionId.of(vr), kind, java.util.Arrays.stream(stops).map(Stop::lapsed).toList(),
                LapseCause.MMA_DECISION, "laatste aanbieder belde de MKA", at, MMA);
    }

    public static StopRefused refused(String vr, CareKind kind, String locationId, String organisationId, Instant at) {
        return new StopRefused(SafetyRegionId.of(vr), kind, LocationId.of(locationId), new OrganisationId(organisationId),
                StopType.UNPLANNED, 60, "LAST_IN_REGION", "druk", at, new Actor("nurse-2", organisationId));
    }

    public record Announcement(String announcementId, String vr, CareKind kind, String locationId,
                               String organisationId, Instant plannedStart, Instant plannedEnd) {

        public static Announcement of(String vr, CareKind kind, String locationId, String organisationId,
                                      Instant plannedStart, Instant plannedEnd) {
            return new Announcement(vr + "." + kind + "." + UUID.randomUUID().toString().replace("-", ""), vr, kind,
                    locationId, organisationId, plannedStart, plannedEnd);
        }

        public StopAnnounced announced(Instant at) {
            return new StopAnnounced(announcementId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), plannedStart, plannedEnd, "onderhoud CT", at,
                    new Actor("nurse-1", organisationId));
        }

        public StopAnnouncementLapsed lapsed() {
            return new StopAnnouncementLapsed(announcementId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), plannedEnd, plannedEnd, "not declared", Actor.SYSTEM);
        }

        public PlannedStopReminder reminder() {
            return new PlannedStopReminder(announcementId, SafetyRegionId.of(vr), kind, LocationId.of(locationId),
                    new OrganisationId(organisationId), plannedStart, plannedEnd, plannedStart);
        }
    }

    public static List<Published> all(StopEvent... events) {
        return java.util.Arrays.stream(events).map(StopFixtures::publish).toList();
    }
}
