package nl.lpz.capacity.acutecare;

import java.util.List;
import nl.lpz.capacity.acutecare.Coverage.Figures;

/**
 * What a scenario changes (docs/acute-care-map.md): the population figures of its scope before and after, per
 * veiligheidsregio (those of the scope and those where anything changes), per municipality whose inhabitants cross
 * the norm, the areas whose nearest ED changes, and per receiving ED the population it takes over with an estimate of
 * the ambulance rides and ED arrivals a day that brings. All times are modelled ({@code model}). With limited hours,
 * {@code scenario} is the part of the day the limited sites are closed and {@code scenarioDuringHours} the rest (null
 * without limits). {@code inflowSources}: per site that gives areas away, whether its arrivals were measured by the
 * Spoed module or estimated.
 */
public record ScenarioResult(String model, double normMinutes, Figures baseline, Figures scenario,
                             Figures scenarioDuringHours, List<RegionChange> bySafetyRegion,
                             List<MunicipalityChange> byMunicipality, List<AffectedArea> affectedAreas,
                             List<Receiving> receiving, List<InflowSource> inflowSources) {
    /** Arrivals measured from the Spoed module's passages. */
    public static final String SPOED_FIGURES = "SPOED_FIGURES";
    /** Arrivals estimated from the population. */
    public static final String ESTIMATE = "ESTIMATE";
    /** Some of both. */
    public static final String MIXED = "MIXED";

    public record RegionChange(String safetyRegionId, String roazRegionId, long populationTotal,
                               long baselineBeyond45, long scenarioBeyond45) {
    }

    /** Inhabitants that cross the norm: {@code newlyBeyond45} lose it, {@code newlyWithin45} gain it. */
    public record MunicipalityChange(String municipality, String safetyRegionId, long newlyBeyond45,
                                     long newlyWithin45) {
    }

    /**
     * An area whose nearest ED changes: from and to (location ids; null for an ED the scenario opens), the chain
     * minutes (response + on scene + transport) before and after, and whether it lies beyond the norm before and
     * after.
     */
    public record AffectedArea(String pc4, String place, String municipality, String safetyRegionId, int population,
                               String fromLocationId, String toLocationId, String toName, double minutesBefore,
                               double minutesAfter, double extraMinutes, boolean beyond45Before,
                               boolean beyond45After) {
    }

    /**
     * A receiving ED: the areas and inhabitants it takes over, the estimated extra ambulance rides a day (from the
     * population) and the expected extra ED arrivals a day ({@code inflowSource}: from the giving EDs' Spoed figures,
     * an estimate, or mixed).
     */
    public record Receiving(String locationId, String name, int areas, long population, double estimatedRidesPerDay,
                            double expectedExtraArrivalsPerDay, String inflowSource) {
        Receiving plus(Receiving other) {
            return new Receiving(locationId, name, areas + other.areas, population + other.population,
                    estimatedRidesPerDay + other.estimatedRidesPerDay,
                    expectedExtraArrivalsPerDay + other.expectedExtraArrivalsPerDay,
                    inflowSource.equals(other.inflowSource) ? inflowSource : MIXED);
        }

        Receiving rounded() {
            return new Receiving(locationId, name, areas, population, Math.round(estimatedRidesPerDay * 10) / 10.0,
                    Math.round(expectedExtraArrivalsPerDay * 10) / 10.0, inflowSource);
        }
    }

    /** A site that gives areas away: where its arrivals come from, and the measured arrivals a day (else null). */
    public record InflowSource(String locationId, String source, Double arrivalsPerDay) {
    }
}
