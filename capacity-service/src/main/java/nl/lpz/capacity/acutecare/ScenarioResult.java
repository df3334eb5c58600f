package nl.lpz.capacity.acutecare;

import java.util.List;
import nl.lpz.capacity.acutecare.Coverage.Figures;

/**
 * What a scenario changes (docs/acute-care-map.md): the population figures of its scope before and after, per
 * veiligheidsregio (those of the scope and those where anything changes), per municipality whose inhabitants cross
 * the norm, the areas whose nearest ED changes, and per receiving ED the population it takes over with an estimate of
 * the ambulance rides a day that brings. All times are modelled ({@code model}).
 */
public record ScenarioResult(String model, double normMinutes, Figures baseline, Figures scenario,
                             List<RegionChange> bySafetyRegion, List<MunicipalityChange> byMunicipality,
                             List<AffectedArea> affectedAreas, List<Receiving> receiving) {

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

    /** A receiving ED: the areas and inhabitants it takes over and the estimated extra ambulance rides a day. */
    public record Receiving(String locationId, String name, int areas, long population, double estimatedRidesPerDay) {
        Receiving plus(Receiving other) {
            return new Receiving(locationId, name, areas + other.areas, population + other.population, 0);
        }

        Receiving withRides(double ridesPerDay) {
            return new Receiving(locationId, name, areas, population, ridesPerDay);
        }
    }
}
