package nl.lpz.reporting.acutecare;

import java.time.LocalDate;
import java.util.List;

/**
 * A scenario replayed on the platform's own history (issue 21, docs/acute-care-map.md, "Replay on the platform's
 * history"). For {@code careKind} SEH the providers are the emergency departments and the stops SEH stops; for
 * VERLOSKUNDE the acute obstetric units and their stops (the field names keep "Ed" for either, as the scenario's
 * {@code closeSeh} does). Per veiligheidsregio of the closed and limited providers: the minutes without any open one,
 * and without any available one (open and not over capacity), as it was and as it would have been; per receiving
 * provider its minutes on stop and over capacity, the load the scenario would have added to.
 * {@code receivingNotShown}: receiving providers of VRs whose stops the caller may not read.
 *
 * @param limitHours       the scenario's limited hours: closed outside them every day, on top of their stops
 * @param withOpeningHours the providers whose current opening hours for the kind (not around the clock) were applied
 *                         to the whole period, baseline and scenario alike
 * @param crowding         the rule over capacity was read by; null for VERLOSKUNDE, whose units have no crowding level
 */
public record Replay(LocalDate from, LocalDate to, String timeZone, int days, String careKind,
                     List<String> closeSeh, List<LimitedHours> limitHours, List<String> withOpeningHours,
                     Crowding crowding, List<RegionReplay> safetyRegions, List<ReceivingReplay> receiving,
                     List<String> receivingNotShown) {

    /** Open every day from {@code opens} to {@code closes} (HH:MM, Europe/Amsterdam; closes before opens: overnight). */
    public record LimitedHours(String locationId, String opens, String closes) {
    }

    /**
     * Over capacity: a report of the module's unit whose level is one of {@code overCapacityLevels}; a report stands
     * until the unit's next one, at most {@code freshness}.
     */
    public record Crowding(String moduleId, String unitKind, String level, List<String> overCapacityLevels,
                           String freshness) {
    }

    /**
     * {@code providers}: the VR's providers of the kind as registered now; {@code providersAfter}: without the closed
     * ones. The "without available" minutes are null without a crowding rule.
     */
    public record RegionReplay(String safetyRegionId, int providers, int providersAfter,
                               long baselineMinutesWithoutOpenEd, long scenarioMinutesWithoutOpenEd,
                               Long baselineMinutesWithoutAvailableEd, Long scenarioMinutesWithoutAvailableEd,
                               List<RegionDay> perDay) {
    }

    /** {@code baselineMinutes} / {@code scenarioMinutes}: without an open provider that day. */
    public record RegionDay(LocalDate date, long baselineMinutes, long scenarioMinutes,
                            Long baselineMinutesWithoutAvailableEd, Long scenarioMinutesWithoutAvailableEd) {
    }

    /**
     * The over-capacity figures are null without a crowding rule. {@code minutesCrowdingUnknown}: the minutes no
     * fresh report stood for it (neither over capacity nor known not to be).
     */
    public record ReceivingReplay(String locationId, String name, String safetyRegionId, long minutesOnStop,
                                  long daysWithAStop, Long minutesOverCapacity, Long daysOverCapacity,
                                  Long minutesOnStopOrOverCapacity, Long minutesCrowdingUnknown,
                                  List<ReceivingDay> perDay) {
    }

    public record ReceivingDay(LocalDate date, long minutesOnStop, Long minutesOverCapacity) {
    }
}
