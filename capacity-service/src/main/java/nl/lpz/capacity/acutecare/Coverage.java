package nl.lpz.capacity.acutecare;

import java.util.List;
import java.util.function.Predicate;
import nl.lpz.capacity.topology.PopulationArea;
import nl.lpz.capacity.topology.PopulationAreas;
import nl.lpz.events.acutecare.SehSite;

/**
 * Per population area its nearest emergency department among a set and the modelled transport minutes to it; and
 * the population figures over any selection of the areas. Immutable.
 */
public final class Coverage {
    private final PopulationAreas areas;
    private final List<SehSite> sites;
    private final int[] nearest;
    private final double[] transport;
    private final double chainExtra;
    private final double norm;

    private Coverage(PopulationAreas areas, List<SehSite> sites, int[] nearest, double[] transport, double chainExtra,
                     double norm) {
        this.areas = areas;
        this.sites = sites;
        this.nearest = nearest;
        this.transport = transport;
        this.chainExtra = chainExtra;
        this.norm = norm;
    }

    /** Every area against every site: areas × sites distances, a few milliseconds for the whole country. */
    public static Coverage of(PopulationAreas areas, List<SehSite> sites, TravelTimeModel model,
                              AcuteCareMapProperties p) {
        List<PopulationArea> all = areas.all();
        int[] nearest = new int[all.size()];
        double[] transport = new double[all.size()];
        for (int a = 0; a < all.size(); a++) {
            PopulationArea area = all.get(a);
            int best = -1;
            double minutes = Double.POSITIVE_INFINITY;
            for (int s = 0; s < sites.size(); s++) {
                double m = model.transportMinutes(area, sites.get(s).latitude(), sites.get(s).longitude());
                if (m < minutes) {
                    minutes = m;
                    best = s;
                }
            }
            nearest[a] = best;
            transport[a] = minutes;
        }
        return new Coverage(areas, List.copyOf(sites), nearest, transport, p.responseMinutes() + p.onSceneMinutes(),
                p.normMinutes());
    }

    public int size() {
        return nearest.length;
    }

    public PopulationArea area(int a) {
        return areas.all().get(a);
    }

    /** The area's nearest site, or null when there is none. */
    public SehSite nearest(int a) {
        return nearest[a] < 0 ? null : sites.get(nearest[a]);
    }

    /** Transport minutes to the nearest site (infinite without one). */
    public double transportMinutes(int a) {
        return transport[a];
    }

    /** The norm chain: response, on scene and transport. */
    public double chainMinutes(int a) {
        return chainExtra + transport[a];
    }

    public boolean withinNorm(int a) {
        return chainMinutes(a) <= norm;
    }

    /** The population figures over the areas the filter takes. */
    public Figures figures(Predicate<PopulationArea> in) {
        long total = 0;
        long within = 0;
        long t15 = 0;
        long t30 = 0;
        long t45 = 0;
        for (int a = 0; a < nearest.length; a++) {
            PopulationArea area = area(a);
            if (!in.test(area)) {
                continue;
            }
            int people = area.population();
            total += people;
            within += withinNorm(a) ? people : 0;
            t15 += transport[a] <= 15 ? people : 0;
            t30 += transport[a] <= 30 ? people : 0;
            t45 += transport[a] <= 45 ? people : 0;
        }
        return new Figures(total, within, total - within, new TransportBands(t15, t30, t45, total - t45));
    }

    /**
     * The 45-minute norm over the chain (response + on scene + transport): {@code populationWithin45} reach an ED
     * within it. {@code transport}: the population by the transport leg alone (the map's shading).
     */
    public record Figures(long populationTotal, long populationWithin45, long populationBeyond45,
                          TransportBands transport) {
    }

    public record TransportBands(long within15, long within30, long within45, long beyond45) {
    }
}
