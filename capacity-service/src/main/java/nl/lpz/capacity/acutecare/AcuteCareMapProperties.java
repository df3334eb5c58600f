package nl.lpz.capacity.acutecare;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The acute-care map's modelled ambulance times ({@code lpz.acute-care-map.*}, docs/acute-care-map.md). The norm chain
 * of the 45-minute rule is response + on scene + transport; the transport leg is the great-circle distance times the
 * detour factor, its first {@code urbanKm} at {@code urbanKmh} and the rest at {@code ruralKmh}, plus
 * {@code fixedMinutes} to leave and to hand over. The defaults put the national share within 45 minutes with the
 * reference topology at 99.80 %, the RIVM figure (99.8 %, bereikbaarheidsanalyse SEH's, April 2018).
 *
 * @param islandAreas           PC4 areas without a road to the mainland (the Wadden islands), whose transport leg
 *                              gets {@code islandPenaltyMinutes} for the crossing
 * @param ridesPer1000PerYear   ambulance rides per 1,000 inhabitants a year, for the estimated extra inflow of a
 *                              receiving ED (about 1.4 million rides for 17.5 million inhabitants)
 * @param sehVisitsPer1000PerYear ED visits per 1,000 inhabitants a year, the estimate of a closed ED's arrivals where
 *                              the Spoed module has no passages of it (about 1.9 million visits a year)
 * @param arrivalsDays          the days before a scenario's definition whose Spoed passages measure a closed ED's
 *                              arrivals
 * @param arrivalsMinDays       the days with passages needed to use them rather than the estimate
 */
@ConfigurationProperties("lpz.acute-care-map")
public record AcuteCareMapProperties(
        @DefaultValue("10") double responseMinutes,
        @DefaultValue("10") double onSceneMinutes,
        @DefaultValue("1.3") double detourFactor,
        @DefaultValue("5") double urbanKm,
        @DefaultValue("50") double urbanKmh,
        @DefaultValue("100") double ruralKmh,
        @DefaultValue("2") double fixedMinutes,
        @DefaultValue("60") double islandPenaltyMinutes,
        @DefaultValue({"1791", "1792", "1793", "1794", "1795", "1796", "1797", "8881", "8882", "8883", "8884", "8885",
                "8886", "8887", "8888", "8889", "8890", "8891", "8892", "8893", "8894", "8895", "8896", "8897", "8899",
                "9161", "9162", "9163", "9164", "9166"}) List<String> islandAreas,
        @DefaultValue("45") double normMinutes,
        @DefaultValue("80") double ridesPer1000PerYear,
        @DefaultValue("110") double sehVisitsPer1000PerYear,
        @DefaultValue("28") int arrivalsDays,
        @DefaultValue("7") int arrivalsMinDays) {

    /** The defaults, for tests and tools without Spring. */
    public static AcuteCareMapProperties defaults() {
        return new AcuteCareMapProperties(10, 10, 1.3, 5, 50, 100, 2, 60, List.of("1791", "1792", "1793", "1794",
                "1795", "1796", "1797", "8881", "8882", "8883", "8884", "8885", "8886", "8887", "8888", "8889", "8890",
                "8891", "8892", "8893", "8894", "8895", "8896", "8897", "8899", "9161", "9162", "9163", "9164", "9166"),
                45, 80, 110, 28, 7);
    }
}
