package nl.lpz.reporting.modules;

import java.time.LocalDate;
import java.util.List;
import nl.lpz.modules.LocalizedName;
import nl.lpz.modules.ReaderRule;

/**
 * A module's lead times (doorlooptijden) in one ROAZ region, the answer of
 * {@code GET /api/v1/regions/{roazRegionId}/modules/{moduleId}/lead-times}: per provider, unit and day (the date of a
 * passage's first moment in {@code timeZone}) from {@code from} to {@code to} (inclusive), per interval of the unit
 * kind, the passages that reached both its moments, their median and p90 in minutes and how many took longer than the
 * norm; {@code totals} the same per unit kind and day over every provider the caller sees. {@code detail}
 * {@code AGGREGATE}: {@code providers} is empty. Days without passages are left out.
 */
public record ModuleLeadTimes(String moduleId, LocalizedName moduleName, String roazRegionId, LocalDate from,
                              LocalDate to, String timeZone, ReaderRule.Detail detail, List<Provider> providers,
                              List<KindTotals> totals) {

    /** A provider (a hospital location of the region) with the units that recorded passages in the period. */
    public record Provider(String providerId, String name, List<Unit> units) {
    }

    public record Unit(String unitKind, String unitId, List<Day> days) {
    }

    /** Per unit kind, over the units of every provider the caller sees. */
    public record KindTotals(String unitKind, List<Day> days) {
    }

    /**
     * One day: {@code passages}, those that started on it (read with a definition version this instance knows), and
     * per interval of the unit kind its figures (the current definition's intervals first, also without passages).
     * {@code suppressed}: null, or for an aggregate reader's totals {@code TOO_FEW_ORGANISATIONS} when the day's
     * passages are of fewer organisations than {@code lpz.reporting.modules.aggregate-minimum-organisations}; then
     * {@code passages} and every interval's figures but its norm are null.
     */
    public record Day(LocalDate day, Integer passages, List<IntervalFigures> intervals, String suppressed) {
        /** A day shown in full. */
        public Day(LocalDate day, Integer passages, List<IntervalFigures> intervals) {
            this(day, passages, intervals, null);
        }
    }

    /**
     * One interval on one day. {@code passages}: those that reached both its moments; {@code medianMinutes} and
     * {@code p90Minutes}: continuous percentiles of their spans, in minutes with one decimal (null without passages);
     * {@code normMinutes}: the region's norm if it set one, else that of the newest definition version among the
     * passages (null: no norm); {@code overNorm}: passages longer than their norm; {@code overNormShare}: overNorm per
     * passage held to a norm, three decimals (null without such passages). Both null when there is no norm.
     * {@code suppressed}: null, or for an aggregate reader's totals {@code SMALL_COUNT} when fewer passages than
     * {@code lpz.reporting.modules.aggregate-minimum-passages} reached the interval (median, p90, overNorm and its
     * share null), or {@code TOO_FEW_ORGANISATIONS} (see {@link Day}).
     */
    public record IntervalFigures(String interval, Integer passages, Double medianMinutes, Double p90Minutes,
                                  Double normMinutes, Integer overNorm, Double overNormShare, String suppressed) {
        public static final String SMALL_COUNT = "SMALL_COUNT";
        public static final String TOO_FEW_ORGANISATIONS = "TOO_FEW_ORGANISATIONS";

        /** An interval shown in full. */
        public IntervalFigures(String interval, Integer passages, Double medianMinutes, Double p90Minutes,
                               Double normMinutes, Integer overNorm, Double overNormShare) {
            this(interval, passages, medianMinutes, p90Minutes, normMinutes, overNorm, overNormShare, null);
        }
    }
}
