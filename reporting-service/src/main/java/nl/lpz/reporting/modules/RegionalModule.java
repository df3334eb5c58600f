package nl.lpz.reporting.modules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.modules.LocalizedName;
import nl.lpz.modules.ReaderRule;

/**
 * A module's figures in one ROAZ region, the answer of {@code GET /api/v1/regions/{roazRegionId}/modules/{moduleId}}.
 * {@code asOf}: the instant of the picture (now when not asked); {@code detail}: what the caller's reader rule lets it
 * see ({@code AGGREGATE}: {@code providers} is empty); {@code freshness}: of the module's current definition.
 * {@code notReporting}: the region's locations the current definition expects the module from (its {@code offering})
 * that have no unit in the picture, so that a dispatcher still sees such an ED and its stops; empty for an
 * aggregate reader.
 */
public record RegionalModule(String moduleId, LocalizedName moduleName, String roazRegionId, Instant asOf,
                             ReaderRule.Detail detail, Duration freshness, List<Provider> providers,
                             List<UnitTotals> totals, List<NotReporting> notReporting) {

    /**
     * An expected provider without units at the picture's instant; for a reader of its veiligheidsregio's stops, its
     * active stops of the kinds the definition's unit kinds name, and per such kind it offers OPEN or STOP.
     */
    public record NotReporting(String providerId, String name, List<UnitStop> stops, Map<String, String> care) {
    }

    /** A provider (a hospital location) with the units it reported, by unit kind and id. */
    public record Provider(String providerId, String name, List<Unit> units) {
    }

    /**
     * One unit as it stood: its figures read with {@code definitionVersion}, the version its report was written under.
     * {@code ageSeconds}: from {@code occurredAt} to the picture's instant (0 for a report timed after it);
     * {@code stale}: older than that version's freshness. {@code levels}: the levels that version derives from the
     * figures (an ED's crowding, a traffic light), with the region's own bounds where it set them.
     * For a unit kind whose current definition names stop kinds ({@code stops}), and a reader who may read the stops
     * of the provider's veiligheidsregio: {@code stops}, the location's stops of those kinds active at the picture's
     * instant; {@code care}, per such kind the location offers, OPEN or STOP; {@code availability}, the status figure
     * the definition names, or STOP with the stop's expected end while a stop of its kind is active (null when the
     * definition names none, the figure was not reported and no such stop is active, or the stops are not shown).
     */
    public record Unit(String unitKind, String unitId, int definitionVersion, Map<String, Long> values,
                       Map<String, String> statuses, Map<String, String> levels, Instant occurredAt, long ageSeconds,
                       boolean stale, List<UnitStop> stops, Map<String, String> care, Availability availability) {
    }

    /** An active stop shown with a unit; the stop view has the rest (reason, who declared it, extensions). */
    public record UnitStop(String stopId, String kind, String type, Instant startedAt, Instant expectedEnd,
                           Instant graceUntil, boolean expiresSoon) {
    }

    /**
     * {@code value}: STOP while a stop of the definition's kind runs ({@code stopKind}, {@code until} its expected
     * end); CLOSED outside the location's opening hours of the definition's care kind ({@code outsideHours},
     * {@code until} the instant it opens); else the status figure's value, with {@code closesAt} when the location
     * keeps hours (the end of the current opening).
     */
    public record Availability(String value, String stopKind, Instant until, boolean outsideHours, Instant closesAt) {
    }

    /**
     * Per unit kind, over the units the caller may see: how many, how many stale, the sum of each number figure and
     * per status figure how many units hold each value; per derived level how many units are at each level; how many
     * units are at each availability, and per stop kind how many are OPEN and on STOP (over the units whose stops
     * the caller sees; empty for an aggregate reader). {@code suppressed}: null, or for an aggregate reader
     * {@code TOO_FEW_ORGANISATIONS} when the units are of fewer organisations than
     * {@code lpz.reporting.modules.aggregate-minimum-organisations}: then only {@code units} and {@code staleUnits}.
     */
    public record UnitTotals(String unitKind, int units, int staleUnits, Map<String, Long> values,
                             Map<String, Map<String, Integer>> statuses, Map<String, Map<String, Integer>> levels,
                             Map<String, Integer> availability, Map<String, Map<String, Integer>> care,
                             String suppressed) {
        /** Why an aggregate reader sees no figures of a unit kind: they would stand for too few organisations. */
        public static final String TOO_FEW_ORGANISATIONS = "TOO_FEW_ORGANISATIONS";
    }
}
