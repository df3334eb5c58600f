package nl.lpz.reporting.acutecare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;

/**
 * A unit's crowding reports as time. A report stands from its {@code occurredAt} until the unit's next report, but
 * no longer than the module's freshness: after that nobody knows how full the ED was, and the replay must not count
 * an old peak as lasting. Pure.
 */
final class CrowdingTimeline {
    private CrowdingTimeline() {
    }

    /**
     * One report of a unit. {@code known}: it carried the crowding figures (a removal or a report without them tells
     * nothing about crowding, but still ends the report before it); {@code over}: its level is one of over capacity.
     */
    record Report(Instant at, boolean known, boolean over) {
    }

    /** The time the unit's reports (in the order they hold: occurred_at, then arrival) said it was over capacity. */
    static List<Interval> overCapacity(List<Report> reports, Duration freshness) {
        return held(reports, freshness, true);
    }

    /** The time a report with the crowding figures stood for the unit, whatever its level. */
    static List<Interval> known(List<Report> reports, Duration freshness) {
        return held(reports, freshness, false);
    }

    private static List<Interval> held(List<Report> reports, Duration freshness, boolean overOnly) {
        List<Interval> held = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (!r.known() || overOnly && !r.over()) {
                continue;
            }
            Instant stale = r.at().plus(freshness);
            Instant next = i + 1 < reports.size() ? reports.get(i + 1).at() : stale;
            Instant until = next.isBefore(stale) ? next : stale;
            if (until.isAfter(r.at())) {
                held.add(new Interval(r.at(), until));
            }
        }
        return held;
    }
}
