package nl.lpz.reporting.stops;

import java.time.Instant;
import nl.lpz.events.stops.AnnouncementEvent;
import nl.lpz.events.stops.PlannedStopReminder;
import nl.lpz.events.stops.StopAnnounced;
import nl.lpz.events.stops.StopAnnouncementLapsed;
import nl.lpz.events.stops.StopDeclared;
import nl.lpz.events.stops.StopEnded;
import nl.lpz.events.stops.StopEvent;
import nl.lpz.events.stops.StopExpired;
import nl.lpz.events.stops.StopExpiryWarned;
import nl.lpz.events.stops.StopExtended;
import nl.lpz.events.stops.StopOfLocation;
import nl.lpz.events.stops.StopRefused;
import nl.lpz.events.stops.StopsLapsed;

/** The columns of {@code stop_event} that the stop events carry: stop, announcement, location, business time. */
final class StopEvents {
    private StopEvents() {
    }

    static String stopIdOf(StopEvent e) {
        return e instanceof StopOfLocation s ? s.stopId() : null;
    }

    /** The announcement an event concerns; a declaration names the one it closes (null for an unplanned stop). */
    static String announcementIdOf(StopEvent e) {
        if (e instanceof AnnouncementEvent a) {
            return a.announcementId();
        }
        return e instanceof StopDeclared d ? d.announcementId() : null;
    }

    /** The location of the event; none for a lapse, which ends stops of several locations at once. */
    static String locationOf(StopEvent e) {
        if (e instanceof StopOfLocation s) {
            return s.locationId().value();
        } else if (e instanceof AnnouncementEvent a) {
            return a.locationId().value();
        } else if (e instanceof StopRefused r) {
            return r.locationId().value();
        }
        return null;
    }

    /**
     * When the event happened (its business time). Each event names it differently, so this is one branch per
     * record; Java 17 has no pattern {@code switch} to make the compiler check that all are here, so an unknown one
     * throws (ExtremeValuesProjectionTest projects every record of the sealed hierarchy).
     */
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
