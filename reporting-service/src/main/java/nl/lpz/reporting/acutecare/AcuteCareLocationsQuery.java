package nl.lpz.reporting.acutecare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.WeeklyHours;
import nl.lpz.modules.LevelRule;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.reporting.acutecare.AcuteCareLocations.Acute;
import nl.lpz.reporting.acutecare.AcuteCareLocations.Location;
import nl.lpz.reporting.acutecare.AcuteCareLocations.Period;
import nl.lpz.reporting.readmodel.ActiveStop;
import nl.lpz.reporting.readmodel.ActiveStops;
import nl.lpz.reporting.readmodel.OpeningHours;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.Visibility;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the acute-care map's locations from the registrations ({@code location}), the stops active now (the stop
 * view's {@link ActiveStops}), the opening hours that hold now ({@link OpeningHours}), the Spoed module's current ED
 * reports ({@code module_current}) and the organisations' visibility, in one snapshot and a fixed number of queries
 * whatever the number of locations.
 */
@Component
class AcuteCareLocationsQuery {
    /** The acute kinds in the map's order: the two the 45-minute norm is reckoned for first. */
    static final List<String> ACUTE_KINDS = List.of("SEH", "VERLOSKUNDE", "PCI", "SR", "EHH", "CTT", "CCU");
    static final String OPEN = "OPEN";
    static final String STOP = "STOP";
    static final String CLOSED = "CLOSED";
    static final String AROUND_THE_CLOCK = "24/7";
    /** The Spoed module's ED unit and the level it derives from its figures (spoed-v5.yaml). */
    static final String SPOED = "spoed";
    static final String ED_UNIT = "seh";
    static final String CROWDING = "crowding";
    /** The module read side's regional band bounds, {@code <module>.<level>.<ROAZ region>} (ModuleProperties). */
    private static final String LEVEL_BOUNDS = "lpz.reporting.modules.level-bounds";

    private static final TypeReference<Map<String, Long>> NUMBERS = new TypeReference<>() {
    };

    /** The map's extent: NATIONAL (id null), SAFETY_REGION or ROAZ_REGION. */
    record Scope(String kind, String id) {
        static final Scope NATIONAL = new Scope("NATIONAL", null);
    }

    /**
     * What the caller may see: the stops of which veiligheidsregio's (the stop view's rule), the Spoed figures of
     * which (ROAZ region, organisation) (the module picture's reader rules), and which organisation's hidden figures
     * are its own.
     */
    record Reader(Predicate<String> readsStopsOf, BiPredicate<String, String> readsSpoedOf,
                  String viewerOrganisation) {
    }

    private record Registration(String locationId, String name, String organisationId, String safetyRegionId,
                                String roazRegionId, double latitude, double longitude, List<String> careOffered,
                                String careProfile, boolean referenceProfile) {
        List<String> acuteKinds() {
            return ACUTE_KINDS.stream().filter(careOffered::contains).toList();
        }
    }

    private record Crowding(String level, int rank, Instant at, boolean stale) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ActiveStops activeStops;
    private final OpeningHours openingHours;
    private final ModuleCatalogue catalogue;
    private final Clock clock;
    private final Map<String, List<Double>> levelBounds;
    private final ObjectMapper json = EventJson.mapper();

    AcuteCareLocationsQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ActiveStops activeStops,
                            OpeningHours openingHours, ModuleCatalogue catalogue, Clock clock, Environment env) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.activeStops = activeStops;
        this.openingHours = openingHours;
        this.catalogue = catalogue;
        this.clock = clock;
        Bindable<Map<String, List<Double>>> bounds = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(List.class, Double.class)));
        this.levelBounds = Binder.get(env).bind(LEVEL_BOUNDS, bounds).orElse(Map.of());
    }

    boolean safetyRegionExists(String safetyRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where safety_region_id = ?)", Boolean.class, safetyRegionId));
    }

    AcuteCareLocations locations(Scope scope, Reader reader) {
        Instant now = clock.instant();
        return readOnly.execute(status -> new AcuteCareLocations(scope.id(), scope.kind(), now,
                read(scope, reader, now)));
    }

    private List<Location> read(Scope scope, Reader reader, Instant now) {
        List<Registration> registrations = registrations(scope);
        Map<String, Boolean> stopsRead = new HashMap<>();
        List<String> all = new ArrayList<>();
        List<String> stopsShown = new ArrayList<>();
        for (Registration r : registrations) {
            all.add(r.locationId());
            if (stopsRead.computeIfAbsent(r.safetyRegionId(), reader.readsStopsOf()::test)) {
                stopsShown.add(r.locationId());
            }
        }
        Map<String, List<ActiveStop>> stops = new HashMap<>();
        activeStops.activeAt(stopsShown, ACUTE_KINDS, now, false)
                .forEach(s -> stops.computeIfAbsent(s.locationId(), k -> new ArrayList<>()).add(s));
        Map<String, Map<String, WeeklyHours>> hours = openingHours.ofLocations(all, now);
        Map<String, Crowding> crowding = crowding(registrations, reader, now);
        List<Location> locations = new ArrayList<>();
        for (Registration r : registrations) {
            boolean shown = stopsRead.get(r.safetyRegionId());
            Map<String, WeeklyHours> own = hours.getOrDefault(r.locationId(), Map.of());
            List<Acute> acute = r.acuteKinds().stream().map(kind -> acute(kind, own.get(kind), shown,
                    stops.getOrDefault(r.locationId(), List.of()), now)).toList();
            Crowding c = crowding.get(r.locationId());
            locations.add(new Location(r.locationId(), r.name(), r.organisationId(), r.safetyRegionId(),
                    r.roazRegionId(), r.latitude(), r.longitude(), r.careOffered(), read(r.careProfile()),
                    r.referenceProfile(), acute, !shown, c == null ? null : c.level(), c == null ? null : c.at(), c == null ? null : c.stale()));
        }
        return locations;
    }

    /** STOP while a stop of the kind runs, else CLOSED outside its hours, else OPEN; null when stops are hidden. */
    static Acute acute(String kind, WeeklyHours hours, boolean stateShown, List<ActiveStop> locationStops,
                       Instant now) {
        Object shownHours = hours == null ? AROUND_THE_CLOCK : hours.periods().stream()
                .map(p -> new Period(p.day().name(), p.opens().toString(), p.closes().toString())).toList();
        if (!stateShown) {
            return new Acute(kind, shownHours, null, null, null, null);
        }
        List<ActiveStop> ofKind = locationStops.stream().filter(s -> s.kind().equals(kind)).toList();
        if (!ofKind.isEmpty()) {
            return new Acute(kind, shownHours, STOP,
                    ofKind.stream().map(ActiveStop::expectedEnd).max(Comparator.naturalOrder()).orElseThrow(), null,
                    ofKind.stream().map(ActiveStop::startedAt).min(Comparator.naturalOrder()).orElseThrow());
        }
        if (hours != null && !hours.openAt(now)) {
            return new Acute(kind, shownHours, CLOSED, null, hours.nextChange(now).orElse(null), null);
        }
        return new Acute(kind, shownHours, OPEN, null, null, null);
    }

    private List<Registration> registrations(Scope scope) {
        String safetyRegion = "SAFETY_REGION".equals(scope.kind()) ? scope.id() : null;
        String roazRegion = "ROAZ_REGION".equals(scope.kind()) ? scope.id() : null;
        return jdbc.query("""
                        select location_id, name, organisation_id, safety_region_id, roaz_region_id, latitude,
                               longitude, care_offered, care_profile::text as care_profile,
                               coalesce((select c.changed_by_subject = ? from location_change c
                                         where c.location_id = location.location_id and c.kind = 'CARE_PROFILE'
                                         order by c.changed_at desc, c.id desc limit 1), false) as reference_profile
                        from location
                        where latitude is not null and longitude is not null and care_offered <> ''
                          and (?::text is null or safety_region_id = ?) and (?::text is null or roaz_region_id = ?)
                        order by location_id""",
                (rs, i) -> new Registration(rs.getString("location_id"), rs.getString("name"),
                        rs.getString("organisation_id"), rs.getString("safety_region_id"),
                        rs.getString("roaz_region_id"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                        List.of(rs.getString("care_offered").split(",")), rs.getString("care_profile"),
                        rs.getBoolean("reference_profile")),
                Actor.REFERENCE_TOPOLOGY.subject(), safetyRegion, safetyRegion, roazRegion, roazRegion).stream()
                .filter(r -> !r.acuteKinds().isEmpty()).toList();
    }

    /**
     * Per location whose ED figures the caller reads (the Spoed module's reader rules for the location's ROAZ region,
     * and the organisation's figures shared now or its own), the most crowded level of its current ED reports.
     */
    private Map<String, Crowding> crowding(List<Registration> registrations, Reader reader, Instant now) {
        Map<String, Crowding> crowding = new HashMap<>();
        Optional<ModuleDefinition> spoed = catalogue.current(SPOED);
        Optional<LevelRule> rule = spoed.flatMap(m -> m.unit(ED_UNIT)).flatMap(u -> u.levels().stream()
                .filter(l -> l.id().equals(CROWDING)).findFirst());
        if (rule.isEmpty()) {
            return crowding;
        }
        Set<String> organisations = new HashSet<>();
        registrations.forEach(r -> organisations.add(r.organisationId()));
        Map<String, List<Visibility.Change>> visibility = visibility(organisations);
        Map<String, Boolean> sharedNow = new HashMap<>();
        Map<String, Registration> readable = new HashMap<>();
        for (Registration r : registrations) {
            boolean shared = r.organisationId().equals(reader.viewerOrganisation()) || sharedNow.computeIfAbsent(
                    r.organisationId(), o -> Visibility.sharedNow(visibility.getOrDefault(o, List.of())));
            if (shared && reader.readsSpoedOf().test(r.roazRegionId(), r.organisationId())) {
                readable.put(r.locationId(), r);
            }
        }
        if (readable.isEmpty()) {
            return crowding;
        }
        List<String> bands = rule.get().bands().stream().map(LevelRule.Band::level).toList();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select provider_id, definition_version, figure_values::text as figure_values, occurred_at
                    from module_current
                    where module_id = ? and provider_kind = ? and unit_kind = ? and provider_id = any(?)
                      and not removed""");
            ps.setString(1, SPOED);
            ps.setString(2, ProviderKind.HOSPITAL_LOCATION.name());
            ps.setString(3, ED_UNIT);
            ps.setArray(4, con.createArrayOf("text", readable.keySet().toArray(new String[0])));
            return ps;
        }, rs -> {
            Registration r = readable.get(rs.getString("provider_id"));
            Optional<ModuleDefinition> version = catalogue.version(SPOED, rs.getInt("definition_version"));
            Map<String, Long> values = readNumbers(rs.getString("figure_values"));
            Optional<String> level = version.flatMap(v -> v.unit(ED_UNIT))
                    .flatMap(u -> level(u, values, r.roazRegionId()));
            if (level.isEmpty()) {
                return;
            }
            Instant at = Sql.instant(rs, "occurred_at");
            Duration freshness = version.map(ModuleDefinition::freshness).orElse(spoed.get().freshness());
            Crowding c = new Crowding(level.get(), bands.indexOf(level.get()), at,
                    Duration.between(at, now).compareTo(freshness) > 0);
            crowding.merge(r.locationId(), c, (a, b) -> a.rank() >= b.rank() ? a : b);
        });
        return crowding;
    }

    /** The crowding level by the report's own definition, with the region's own bounds where it set them. */
    private Optional<String> level(UnitDefinition unit, Map<String, Long> values, String roazRegionId) {
        return unit.levels().stream().filter(l -> l.id().equals(CROWDING)).findFirst().flatMap(l -> {
            List<Double> regional = levelBounds.get(SPOED + "." + CROWDING + "." + roazRegionId);
            return l.level(values, regional != null && regional.size() == l.bounds().size() ? regional
                    : l.bounds());
        });
    }

    private Map<String, List<Visibility.Change>> visibility(Set<String> organisations) {
        Map<String, List<Visibility.Change>> visibility = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select organisation_id, changed_at, shared, release_history from visibility_history
                    where organisation_id = any(?) order by organisation_id, changed_at, id""");
            ps.setArray(1, con.createArrayOf("text", organisations.toArray(new String[0])));
            return ps;
        }, rs -> {
            visibility.computeIfAbsent(rs.getString("organisation_id"), k -> new ArrayList<>())
                    .add(new Visibility.Change(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                            rs.getBoolean("release_history")));
        });
        return visibility;
    }

    private CareProfile read(String text) {
        try {
            return text == null ? null : json.readValue(text, CareProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable care profile in the read model", e);
        }
    }

    private Map<String, Long> readNumbers(String text) {
        try {
            return json.readValue(text, NUMBERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable module figures in the read model", e);
        }
    }
}
