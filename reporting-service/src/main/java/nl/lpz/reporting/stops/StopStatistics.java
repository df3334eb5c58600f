package nl.lpz.reporting.stops;

import java.util.List;

/**
 * {@code GET /api/v1/stop-statistics}: per veiligheidsregio and kind, the stops that started in the period
 * ({@code from}..{@code to} inclusive, days of {@code timeZone}) and the refusals and lapses that happened in it.
 */
record StopStatistics(String from, String to, String timeZone, List<Row> statistics) {

    /**
     * {@code stops}: started in the period (ongoing ones included); {@code ended}: of those, ended by the hospital,
     * by expiry or by a lapse; {@code ongoing}: not ended yet. Durations (end/expiry/lapse − start) and
     * {@code pastNormTime} (duration > the norm time the stop was declared with) count the ended stops only;
     * {@code meanDurationMinutes} is null when none ended. {@code refusedLastInRegion}: declarations refused by the
     * last-in-region rule in the period; {@code lapses}: lapse decisions (one per MMA decision or automatic lapse) in
     * the period; {@code lapsedStops}: stops of the period that ended by a lapse.
     */
    public record Row(String safetyRegionId, String kind, long stops, long ended, long ongoing,
                      long totalDurationMinutes, Double meanDurationMinutes, long pastNormTime,
                      long refusedLastInRegion, long lapses, long lapsedStops) {
    }
}
