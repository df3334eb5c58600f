package nl.lpz.capacity.acutecare;

import java.util.Set;
import nl.lpz.capacity.topology.PopulationArea;

/**
 * The default travel-time model: great-circle distance times a detour factor, the first kilometres at an urban speed
 * and the rest at a rural one, a fixed time to leave and hand over, and a crossing penalty for the Wadden islands
 * (docs/acute-care-map.md has the calibration against the RIVM figure).
 */
public final class GreatCircleTravelTimes implements TravelTimeModel {
    private static final double EARTH_KM = 6371.0;

    private final AcuteCareMapProperties p;
    private final Set<String> islands;

    public GreatCircleTravelTimes(AcuteCareMapProperties properties) {
        this.p = properties;
        this.islands = Set.copyOf(properties.islandAreas());
    }

    @Override
    public double transportMinutes(PopulationArea from, double latitude, double longitude) {
        double road = kilometres(from.latitude(), from.longitude(), latitude, longitude) * p.detourFactor();
        double urban = Math.min(road, p.urbanKm());
        double minutes = p.fixedMinutes() + urban / p.urbanKmh() * 60 + (road - urban) / p.ruralKmh() * 60;
        return islands.contains(from.pc4()) ? minutes + p.islandPenaltyMinutes() : minutes;
    }

    @Override
    public String description() {
        return "modelled, not measured: great-circle distance x " + p.detourFactor() + ", first " + p.urbanKm()
                + " km at " + p.urbanKmh() + " km/h, then " + p.ruralKmh() + " km/h, +" + p.fixedMinutes()
                + " min; Wadden islands +" + p.islandPenaltyMinutes() + " min";
    }

    /** Haversine distance in kilometres. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
    }
}
