package nl.lpz.reporting.stops;

import java.time.Instant;
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
import nl.lpz.events.stops.StopsLapsed;

/** The fields the stop events share under different names: stop, announcement, location, business time. */
final class StopEvents {
    private StopEvents() {
    }

    static String stopIdOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.stopId();
        } else if (e instanceof StopExtended x) {
            return x.stopId();
        } else if (e instanceof StopEnded x) {
            return x.stopId();
        } else if (e instanceof StopExpired x) {
            return x.stopId();
        } else if (e instanceof StopExpiryWarned x) {
            return x.stopId();
        }
        return null;
    }

    static String announcementIdOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.announcementId();
        } else if (e instanceof StopAnnounced a) {
            return a.announcementId();
        } else if (e instanceof StopAnnouncementLapsed a) {
            return a.announcementId();
        } else if (e instanceof PlannedStopReminder p) {
            return p.announcementId();
        }
        return null;
    }

    static String locationOf(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.locationId().value();
        } else if (e instanceof StopExtended x) {
            return x.locationId().value();
        } else if (e instanceof StopEnded x) {
            return x.locationId().value();
        } else if (e instanceof StopExpired x) {
            return x.locationId().value();
        } else if (e instanceof StopExpiryWarned x) {
            return x.locationId().value();
        } else if (e instanceof StopRefused x) {
            return x.locationId().value();
        } else if (e instanceof StopAnnounced x) {
            return x.locationId().value();
        } else if (e instanceof StopAnnouncementLapsed x) {
            return x.locationId().value();
        } else if (e instanceof PlannedStopReminder x) {
            return x.locationId().value();
        }
        return null;
    }

    /** When the event happened (its business time). */
    static Instant occurredAt(StopEvent e) {
        if (e instanceof StopDeclared d) {
            return d.startedAt();
        } else if (e instanceof StopExtended x) {
            return x.extendedAt();
        } else if (e instanceof StopEnded x) {
            return x.endedAt();
        } else if (e instanceof StopExpired x) {
            return x.expiredAt();
        } else if (e instanceof StopExpiryWarned x) {
            return x.warnedAt();
        } else if (e instanceof StopsLapsed x) {
            return x.lapsedAt();
        } else if (e instanceof StopRefused x) {
            return x.refusedAt();
        } else if (e instanceof StopAnnounced x) {
            return x.announcedAt();
        } else if (e instanceof StopAnnouncementLapsed x) {
            return x.lapsedAt();
        } else if (e instanceof PlannedStopReminder x) {
            return x.remindedAt();
        }
        throw new IllegalArgumentException("unknown stop event " + e.getClass().getSimpleName());
    }
}
