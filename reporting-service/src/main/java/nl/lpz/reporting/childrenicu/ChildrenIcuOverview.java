package nl.lpz.reporting.childrenicu;

import java.time.Instant;
import java.util.List;
import nl.lpz.reporting.capacity.RegionalCapacity.Figures;
import nl.lpz.reporting.capacity.RegionalCapacity.GroupFigures;

/**
 * {@code GET /api/v1/lcps/children-icu}: the national NICU/PICU overview (docs/services/reporting-service.md,
 * "National NICU/PICU overview"). Figures as the regional picture shows them to the caller.
 *
 * @param asOf     the instant of the picture (now when not asked)
 * @param elements the code list's elements counted in each group ({@code picu}, {@code nicu})
 * @param regions  every known ROAZ region, by id, with its locations that have PICU or NICU beds
 * @param national the sum of the regions
 */
record ChildrenIcuOverview(Instant asOf, Elements elements, List<Region> regions, Totals national) {

    record Elements(List<String> picu, List<String> nicu) {
    }

    /** A ROAZ region: its locations with PICU or NICU beds (by id) and their sum. */
    record Region(String roazRegionId, Totals totals, List<Location> locations) {
    }

    /**
     * A shared location (or the caller's own) with PICU or NICU beds at the instant. {@code available} as the caller
     * may see it (thresholds applied for other organisations); {@code lastEventAt} the newest report of its PICU and
     * NICU beds up to the instant, {@code ageSeconds} the instant minus it (0 for a report after it, null without).
     */
    record Location(String locationId, String name, String organisationId, String roazRegionId,
                    String safetyRegionId, boolean shared, boolean own, Instant lastEventAt, Long ageSeconds,
                    GroupFigures picu, GroupFigures nicu) {
    }

    /** Sums of the listed locations' figures ({@code available} as shown). */
    record Totals(int locations, Figures picu, Figures nicu) {
        static final Totals ZERO = new Totals(0, Figures.ZERO, Figures.ZERO);

        Totals plus(Totals o) {
            return new Totals(locations + o.locations, picu.plus(o.picu), nicu.plus(o.nicu));
        }

        static Totals of(Location l) {
            return new Totals(1, figures(l.picu()), figures(l.nicu()));
        }

        private static Figures figures(GroupFigures g) {
            return new Figures(g.capacity(), g.available(), g.occupied());
        }
    }
}
