package nl.lpz.reporting.acutecare;

import java.time.LocalDate;
import java.util.List;

/**
 * A scenario replayed on the platform's own history (issue 21, docs/acute-care-map.md): per veiligheidsregio of the
 * closed EDs, the minutes a day without any open ED (every ED of the VR on SEH stop at once, the closed ones counted
 * as always closed) as it was and as it would have been; per receiving ED its minutes on SEH stop, which the scenario
 * would have made harder to bear. {@code receivingNotShown}: receiving EDs of VRs whose stops the caller may not read.
 */
public record Replay(LocalDate from, LocalDate to, String timeZone, int days, List<String> closeSeh,
                     List<RegionReplay> safetyRegions, List<ReceivingReplay> receiving,
                     List<String> receivingNotShown) {

    /**
     * {@code providers}: the VR's EDs as registered now; {@code providersAfter}: without the closed ones.
     */
    public record RegionReplay(String safetyRegionId, int providers, int providersAfter,
                               long baselineMinutesWithoutOpenEd, long scenarioMinutesWithoutOpenEd,
                               List<RegionDay> perDay) {
    }

    public record RegionDay(LocalDate date, long baselineMinutes, long scenarioMinutes) {
    }

    public record ReceivingReplay(String locationId, String name, String safetyRegionId, long minutesOnStop,
                                  long daysWithAStop) {
    }
}
