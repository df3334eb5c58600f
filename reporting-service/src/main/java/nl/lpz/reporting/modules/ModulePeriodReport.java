package nl.lpz.reporting.modules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lpz.modules.LocalizedName;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;

/**
 * A module's report over a period of days for the ROAZ office, the answer of
 * {@code GET /api/v1/regions/{roazRegionId}/modules/{moduleId}/period-report}: per veiligheidsregio of the ROAZ region
 * ({@code safetyRegions}, by id) and for the whole region ({@code region}), from {@code periodStart} (the start of
 * {@code from} in {@code timeZone}) to {@code periodEnd} (the start of the day after {@code to}, exclusive), read with
 * the current definition ({@code definitionVersion}) where it decides the shape.
 */
public record ModulePeriodReport(String moduleId, LocalizedName moduleName, int definitionVersion,
                                 String roazRegionId, LocalDate from, LocalDate to, int days, String timeZone,
                                 Instant periodStart, Instant periodEnd, List<Area> safetyRegions, Area region) {

    /**
     * A veiligheidsregio of the ROAZ region, or the region as a whole ({@code safetyRegionId} null).
     * {@code providers}: its locations with at least one report of the module in the period; {@code expected}: its
     * locations the definition expects to deliver (delivery compliance's rule); {@code reports}: the unit reports in
     * the period (stale back-fills included, removals not).
     */
    public record Area(String safetyRegionId, int providers, int expected, int reports, List<UnitKind> units) {
    }

    /**
     * One unit kind: the current definition's kinds in its order (also without reports), then kinds only older
     * versions had. {@code levels}: per derived level how the kind's reports of the period fell in its bands;
     * {@code stops}: per stop kind the definition names, the stops at the area's locations active in the period
     * (null when the caller does not read the stops of every veiligheidsregio of the area); {@code leadTimes}: per
     * interval over the period's passages (empty when the kind keeps no passages).
     */
    public record UnitKind(String unitKind, int reports, List<Level> levels, List<StopFigures> stops,
                           List<IntervalFigures> leadTimes) {
    }

    /**
     * A derived level (docs/modules.md, "Levels"), each report read with the rule of the definition version it names
     * and the region's bounds. {@code reports}: those whose level could be derived (its figures present);
     * {@code bands}: the current definition's bands in order (also at 0), then bands only older versions had.
     */
    public record Level(String level, int reports, List<Band> bands) {
    }

    /** {@code share}: reports in this band per report with the level derived, three decimals (null without any). */
    public record Band(String value, int reports, Double share) {
    }

    /**
     * Stops of one kind: {@code stops}, those active at some moment of the period; {@code minutes}, their time within
     * it (each clipped to the period and to its end: ended or lapsed at {@code ended_at}, else its expected end, and a
     * running one up to now), rounded to whole minutes.
     */
    public record StopFigures(String kind, int stops, long minutes) {
    }
}
