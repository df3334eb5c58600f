package nl.lpz.capacity.acutecare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import nl.lpz.capacity.acutecare.Coverage.Figures;
import nl.lpz.capacity.topology.PopulationArea;
import nl.lpz.capacity.topology.PopulationAreas;
import nl.lpz.events.acutecare.ScenarioDefined;
import nl.lpz.events.acutecare.SehSite;
import org.springframework.stereotype.Component;

/**
 * The acute-care map (LAZK, docs/acute-care-map.md): who reaches an emergency department within the 45-minute norm,
 * and what a scenario (closing or opening EDs) changes. Pure computation over the reference population and a set of
 * EDs; the callers bring the EDs (the directory's now, or those a scenario was defined against).
 */
@Component
public class AcuteCareMap {
    private final PopulationAreas areas;
    private final TravelTimeModel model;
    private final AcuteCareMapProperties properties;

    public AcuteCareMap(PopulationAreas areas, TravelTimeModel model, AcuteCareMapProperties properties) {
        this.areas = areas;
        this.model = model;
        this.properties = properties;
    }

    /** The scope of figures: the whole country, one veiligheidsregio or one ROAZ region. */
    public record Scope(String kind, String id) {
        public static final Scope NATIONAL = new Scope("NATIONAL", null);

        public static Scope safetyRegion(String id) {
            return new Scope("SAFETY_REGION", id);
        }

        public static Scope roazRegion(String id) {
            return new Scope("ROAZ_REGION", id);
        }

        Predicate<PopulationArea> filter() {
            return switch (kind) {
                case "SAFETY_REGION" -> a -> a.safetyRegionId().equals(id);
                case "ROAZ_REGION" -> a -> a.roazRegionId().equals(id);
                default -> a -> true;
            };
        }
    }

    /**
     * {@code careKind}: SEH (emergency departments) or VERLOSKUNDE (acute obstetrics); {@code emergencyDepartments}:
     * the sites of that kind counted (named for the SEH, the contract's first question).
     */
    public record Reachability(String region, String regionKind, String careKind, String model, double normMinutes,
                               int emergencyDepartments, long populationTotal, long populationWithin45,
                               long populationBeyond45, Coverage.TransportBands transport,
                               List<RegionFigures> bySafetyRegion) {
    }

    public record RegionFigures(String safetyRegionId, String roazRegionId, long populationTotal,
                                long populationWithin45, long populationBeyond45) {
    }

    public String model() {
        return model.description();
    }

    public long population() {
        return areas.total();
    }

    public Reachability reachability(List<SehSite> sites, Scope scope, String careKind) {
        Coverage coverage = Coverage.of(areas, sites, model, properties);
        Figures f = coverage.figures(scope.filter());
        Map<String, String> roazOf = new TreeMap<>();
        areas.all().stream().filter(scope.filter()).forEach(a -> roazOf.put(a.safetyRegionId(), a.roazRegionId()));
        List<RegionFigures> byVr = roazOf.entrySet().stream().map(e -> {
            Figures vr = coverage.figures(a -> a.safetyRegionId().equals(e.getKey()));
            return new RegionFigures(e.getKey(), e.getValue(), vr.populationTotal(), vr.populationWithin45(),
                    vr.populationBeyond45());
        }).toList();
        return new Reachability(scope.id(), scope.kind(), careKind, model.description(), properties.normMinutes(),
                sites.size(), f.populationTotal(), f.populationWithin45(), f.populationBeyond45(), f.transport(),
                byVr);
    }

    /** An area's point, population and modelled minutes to its nearest open site (the map's shading). */
    public record AreaMinutes(String pc4, String place, String municipality, String safetyRegionId, double latitude,
                              double longitude, int population, String nearestLocationId, double transportMinutes,
                              double chainMinutes, boolean withinNorm) {
    }

    /** Every area of the scope with its modelled minutes to the nearest of these sites. */
    public List<AreaMinutes> areas(List<SehSite> sites, Scope scope) {
        Coverage coverage = Coverage.of(areas, sites, model, properties);
        Predicate<PopulationArea> in = scope.filter();
        List<AreaMinutes> out = new ArrayList<>();
        for (int a = 0; a < coverage.size(); a++) {
            PopulationArea area = coverage.area(a);
            if (in.test(area)) {
                out.add(new AreaMinutes(area.pc4(), area.place(), area.municipality(), area.safetyRegionId(),
                        area.latitude(), area.longitude(), area.population(), id(coverage.nearest(a)),
                        round(coverage.transportMinutes(a)), round(coverage.chainMinutes(a)), coverage.withinNorm(a)));
            }
        }
        return out;
    }

    /** The sites open while every limited site keeps its hours: the baseline without the closed, with the opened. */
    static List<SehSite> duringHours(ScenarioDefined s) {
        Set<String> closed = new HashSet<>(s.closeSeh());
        List<SehSite> sites = new ArrayList<>(s.baseline().stream()
                .filter(site -> site.locationId() == null || !closed.contains(site.locationId())).toList());
        sites.addAll(s.openSeh());
        return sites;
    }

    /** The sites open outside the limited sites' hours (the scenario's worst moment of the day). */
    static List<SehSite> after(ScenarioDefined s) {
        Set<String> limited = new HashSet<>();
        s.limitHours().forEach(l -> limited.add(l.locationId()));
        return duringHours(s).stream().filter(site -> site.locationId() == null
                || !limited.contains(site.locationId())).toList();
    }

    /**
     * The scenario against its baseline. With limited hours, {@code scenario} and the areas and receiving EDs are those
     * of the hours the limited sites are closed, {@code scenarioDuringHours} the figures while they are open; a
     * receiving ED's inflow from a limited site is its share of the day the site is closed.
     */
    public ScenarioResult scenario(ScenarioDefined s) {
        Coverage before = Coverage.of(areas, s.baseline(), model, properties);
        Coverage after = Coverage.of(areas, after(s), model, properties);
        Coverage duringHours = s.limitHours().isEmpty() ? null
                : Coverage.of(areas, duringHours(s), model, properties);
        Predicate<PopulationArea> inScope = s.scope() == null ? a -> true : a -> a.roazRegionId().equals(s.scope());
        Inflow inflow = new Inflow(s, before);
        List<ScenarioResult.AffectedArea> affected = new ArrayList<>();
        Set<String> changedVrs = new HashSet<>();
        Map<String, ScenarioResult.Receiving> receiving = new LinkedHashMap<>();
        for (int a = 0; a < before.size(); a++) {
            SehSite from = before.nearest(a);
            SehSite to = after.nearest(a);
            if (Objects.equals(from, to)) {
                continue;
            }
            PopulationArea area = before.area(a);
            changedVrs.add(area.safetyRegionId());
            affected.add(new ScenarioResult.AffectedArea(area.pc4(), area.place(), area.municipality(),
                    area.safetyRegionId(), area.population(), id(from), id(to), to == null ? null : to.name(),
                    round(before.chainMinutes(a)), round(after.chainMinutes(a)),
                    round(after.chainMinutes(a) - before.chainMinutes(a)), !before.withinNorm(a),
                    !after.withinNorm(a)));
            if (to != null) {
                receiving.merge(key(to), inflow.of(to, from, area), ScenarioResult.Receiving::plus);
            }
        }
        affected.sort(Comparator.comparing(ScenarioResult.AffectedArea::population).reversed()
                .thenComparing(ScenarioResult.AffectedArea::pc4));
        List<ScenarioResult.RegionChange> byVr = new ArrayList<>();
        Map<String, String> vrs = new TreeMap<>();
        areas.all().stream().filter(x -> changedVrs.contains(x.safetyRegionId()) || inScope.test(x))
                .forEach(x -> vrs.put(x.safetyRegionId(), x.roazRegionId()));
        vrs.forEach((vr, roaz) -> {
            Figures b = before.figures(x -> x.safetyRegionId().equals(vr));
            Figures c = after.figures(x -> x.safetyRegionId().equals(vr));
            byVr.add(new ScenarioResult.RegionChange(vr, roaz, b.populationTotal(), b.populationBeyond45(),
                    c.populationBeyond45()));
        });
        Map<String, long[]> municipalities = new TreeMap<>();
        for (int a = 0; a < before.size(); a++) {
            if (before.withinNorm(a) != after.withinNorm(a)) {
                PopulationArea area = before.area(a);
                long[] m = municipalities.computeIfAbsent(area.municipality() + "|" + area.safetyRegionId(),
                        k -> new long[2]);
                m[before.withinNorm(a) ? 1 : 0] += area.population();
            }
        }
        List<ScenarioResult.MunicipalityChange> byMunicipality = new ArrayList<>();
        municipalities.forEach((k, m) -> {
            String[] parts = k.split("\\|", 2);
            byMunicipality.add(new ScenarioResult.MunicipalityChange(parts[0], parts[1], m[1], m[0]));
        });
        List<ScenarioResult.Receiving> received = new ArrayList<>(receiving.values().stream()
                .map(ScenarioResult.Receiving::rounded).toList());
        received.sort(Comparator.comparing(ScenarioResult.Receiving::population).reversed());
        return new ScenarioResult(model.description(), properties.normMinutes(), before.figures(inScope),
                after.figures(inScope), duringHours == null ? null : duringHours.figures(inScope), byVr,
                byMunicipality, affected, received, inflow.sources());
    }

    /**
     * A receiving ED's extra inflow from the areas it takes over: per area its share of the population the giving ED
     * served, times that ED's arrivals a day as the Spoed module measured them (kept in the scenario), or where there
     * are too few days of them, the area's inhabitants times the ED visits per inhabitant a year. A limited site gives
     * only the share of the day it is closed (arrivals spread evenly over the day, an overestimate at night).
     */
    private final class Inflow {
        private final Map<String, Double> arrivalsPerDay = new HashMap<>();
        private final Map<String, Long> served = new HashMap<>();
        private final Map<String, Double> closedShare = new HashMap<>();
        private final Set<String> giving = new HashSet<>();

        Inflow(ScenarioDefined s, Coverage before) {
            s.measuredArrivals().stream().filter(m -> m.daysWithFigures() >= properties.arrivalsMinDays())
                    .forEach(m -> arrivalsPerDay.put(m.locationId(), m.perDay()));
            s.limitHours().forEach(l -> closedShare.put(l.locationId(), l.closedShareOfDay()));
            for (int a = 0; a < before.size(); a++) {
                SehSite site = before.nearest(a);
                if (site != null && site.locationId() != null) {
                    served.merge(site.locationId(), (long) before.area(a).population(), Long::sum);
                }
            }
        }

        ScenarioResult.Receiving of(SehSite to, SehSite from, PopulationArea area) {
            String giver = id(from);
            if (giver != null) {
                giving.add(giver);
            }
            double share = giver == null ? 1 : closedShare.getOrDefault(giver, 1.0);
            double rides = area.population() * properties.ridesPer1000PerYear() / 1000 / 365 * share;
            Double measured = giver == null ? null : arrivalsPerDay.get(giver);
            double arrivals = measured != null
                    ? measured * area.population() / served.get(giver) * share
                    : area.population() * properties.sehVisitsPer1000PerYear() / 1000 / 365 * share;
            String source = measured != null ? ScenarioResult.SPOED_FIGURES : ScenarioResult.ESTIMATE;
            return new ScenarioResult.Receiving(to.locationId(), to.name(), 1, area.population(), rides, arrivals,
                    source);
        }

        /** Per site that gives areas away, where its arrivals come from (and the measured ones a day). */
        List<ScenarioResult.InflowSource> sources() {
            return new TreeSet<>(giving).stream().map(id -> arrivalsPerDay.containsKey(id)
                    ? new ScenarioResult.InflowSource(id, ScenarioResult.SPOED_FIGURES, round(arrivalsPerDay.get(id)))
                    : new ScenarioResult.InflowSource(id, ScenarioResult.ESTIMATE, null)).toList();
        }
    }

    private static String key(SehSite site) {
        return site.locationId() != null ? site.locationId()
                : site.name() + "@" + site.latitude() + "," + site.longitude();
    }

    private static String id(SehSite site) {
        return site == null ? null : site.locationId();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10) / 10.0 : value;
    }
}
