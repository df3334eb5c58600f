package nl.lpz.reporting.modules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.WeeklyHours;
import nl.lpz.modules.FigureDefinition;
import nl.lpz.modules.FigureType;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.ReaderRule;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitStops;
import nl.lpz.reporting.modules.RegionalModule.Availability;
import nl.lpz.reporting.modules.RegionalModule.NotReporting;
import nl.lpz.reporting.modules.RegionalModule.Provider;
import nl.lpz.reporting.modules.RegionalModule.Unit;
import nl.lpz.reporting.modules.RegionalModule.UnitTotals;
import nl.lpz.reporting.readmodel.ActiveStop;
import nl.lpz.reporting.readmodel.ActiveStops;
import nl.lpz.reporting.readmodel.OpeningHours;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a module's regional picture from the module read model: now from {@code module_current}, at an earlier
 * instant from {@code module_history} (per unit the latest report with {@code occurred_at} at or before it, stale
 * back-filled reports included; a removal hides the unit from its {@code occurred_at} on). A provider belongs to the
 * region of the registered location with its id. Every unit is read with the definition version its report names:
 * which figures it has, which of them are numbers and which statuses, and how long it stays fresh.
 */
@Component
class RegionalModuleQuery {
    private static final TypeReference<Map<String, Long>> NUMBERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ModuleCatalogue catalogue;
    private final Clock clock;
    private final ObjectMapper json = EventJson.mapper();
    private final ModuleProperties properties;
    private final ActiveStops activeStops;
    private final OpeningHours openingHours;

    RegionalModuleQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ModuleCatalogue catalogue,
                        Clock clock, ModuleProperties properties, ActiveStops activeStops,
                        OpeningHours openingHours) {
        this.jdbc = jdbc;
        this.activeStops = activeStops;
        this.openingHours = openingHours;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.catalogue = catalogue;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Which providers and how much of them a caller sees (decided from the module's reader rules), and of which
     * veiligheidsregio's the caller reads the stops (the stop view's rule).
     */
    record Reading(ReaderRule.Detail detail, String onlyOrganisation, Predicate<String> readsStopsOf) {
        Reading(ReaderRule.Detail detail, String onlyOrganisation) {
            this(detail, onlyOrganisation, vr -> false);
        }
    }

    private record Row(String providerId, String name, String organisationId, String safetyRegionId,
                       Set<String> careOffered,
                       String unitKind, String unitId, int definitionVersion, String values, String statuses,
                       Instant occurredAt) {
    }

    /**
     * The rows of the picture and, per provider location whose stops the reader sees, its stops of the kinds asked
     * and, per care kind whose opening hours bound an availability, the hours of those locations that have them.
     */
    private record Read(List<Row> rows, Map<String, List<ActiveStop>> stops, Set<String> stopsShown,
                        Map<String, Map<String, WeeklyHours>> hours, List<Place> notReporting) {
    }

    /** A registered location of the region, as the topology projection holds it. */
    private record Place(String locationId, String name, String safetyRegionId, Set<String> careOffered) {
    }

    /**
     * @param module  the module's current definition
     * @param asOf    the instant of the picture; null for now
     * @param reading the caller's reading; a non-null {@code onlyOrganisation} limits the providers to that
     *                organisation's
     */
    RegionalModule find(ModuleDefinition module, String roazRegionId, Instant asOf, Reading reading) {
        Instant pictureAt = asOf != null ? asOf : clock.instant();
        Read read = readOnly.execute(status -> read(module, roazRegionId, asOf, pictureAt, reading));
        Comparator<String> kindOrder = ModuleTotals.kindOrder(module);
        Map<String, List<Unit>> unitsByProvider = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Row row : read.rows()) {
            names.put(row.providerId(), row.name());
            Unit unit = unit(module, row, pictureAt, roazRegionId);
            if (read.stopsShown().contains(row.providerId())) {
                unit = UnitAvailability.withStops(module, unit, row.providerId(), row.careOffered(),
                        read.stops().getOrDefault(row.providerId(), List.of()), read.hours(), pictureAt);
            }
            unitsByProvider.computeIfAbsent(row.providerId(), k -> new ArrayList<>()).add(unit);
        }
        List<Provider> providers = new ArrayList<>();
        List<Unit> all = new ArrayList<>();
        unitsByProvider.forEach((providerId, units) -> {
            units.sort(Comparator.comparing(Unit::unitKind, kindOrder).thenComparing(Unit::unitId));
            providers.add(new Provider(providerId, names.get(providerId), List.copyOf(units)));
            all.addAll(units);
        });
        List<UnitTotals> totals = ModuleTotals.totals(module, all, kindOrder);
        if (reading.detail() == ReaderRule.Detail.AGGREGATE) {
            Map<String, Set<String>> organisations = new HashMap<>();
            read.rows().forEach(r -> organisations.computeIfAbsent(r.unitKind(), k -> new HashSet<>())
                    .add(r.organisationId()));
            totals = ModuleTotals.suppressFew(totals, organisations, properties.aggregateMinimumOrganisations());
        }
        Set<String> kinds = stopKinds(module);
        List<NotReporting> notReporting = read.notReporting().stream().map(p -> {
            boolean stopsShown = read.stopsShown().contains(p.locationId());
            List<RegionalModule.UnitStop> stops = stopsShown ? UnitAvailability.stops(
                    read.stops().getOrDefault(p.locationId(), List.of()), kinds) : List.of();
            return new NotReporting(p.locationId(), p.name(), stops,
                    stopsShown ? UnitAvailability.care(stops, kinds, p.careOffered()) : Map.of());
        }).toList();
        return new RegionalModule(module.id(), module.name(), roazRegionId, pictureAt, reading.detail(),
                module.freshness(), reading.detail() == ReaderRule.Detail.AGGREGATE ? List.of() : providers, totals,
                notReporting);
    }

    /**
     * The rows, and the stops of the stop kinds the current definition names, at the picture's instant, for the
     * providers whose veiligheidsregio's stops the reader sees (none for an aggregate reader). One snapshot for both.
     */
    private Read read(ModuleDefinition module, String roazRegionId, Instant asOf, Instant pictureAt, Reading reading) {
        List<Row> rows = rows(module.id(), roazRegionId, asOf, reading.onlyOrganisation());
        Set<String> kinds = stopKinds(module);
        Set<String> reported = new HashSet<>();
        rows.forEach(r -> reported.add(r.providerId()));
        List<Place> notReporting = reading.detail() != ReaderRule.Detail.PROVIDER ? List.of()
                : places(roazRegionId, reading.onlyOrganisation()).stream()
                        .filter(p -> !reported.contains(p.locationId()) && module.expectedFrom(p.careOffered()))
                        .toList();
        Set<String> shown = new HashSet<>();
        if (!kinds.isEmpty() && reading.detail() == ReaderRule.Detail.PROVIDER) {
            rows.stream().filter(r -> reading.readsStopsOf().test(r.safetyRegionId()))
                    .forEach(r -> shown.add(r.providerId()));
            notReporting.stream().filter(p -> reading.readsStopsOf().test(p.safetyRegionId()))
                    .forEach(p -> shown.add(p.locationId()));
        }
        Map<String, List<ActiveStop>> stops = new HashMap<>();
        activeStops.activeAt(shown, kinds, pictureAt, asOf != null)
                .forEach(stop -> stops.computeIfAbsent(stop.locationId(), k -> new ArrayList<>()).add(stop));
        Map<String, Map<String, WeeklyHours>> hours = new HashMap<>();
        module.units().forEach(u -> u.stops().availability().flatMap(UnitStops.Availability::hoursOf)
                .ifPresent(kind -> hours.computeIfAbsent(kind, k -> openingHours.at(shown, k, pictureAt))));
        return new Read(rows, stops, shown, hours, notReporting);
    }

    /** The stop kinds any unit kind of the definition names. */
    private static Set<String> stopKinds(ModuleDefinition module) {
        Set<String> kinds = new LinkedHashSet<>();
        module.units().forEach(u -> kinds.addAll(u.stops().kinds()));
        return kinds;
    }

    /** The region's registered locations (of one organisation, when the reader reads only its own), by id. */
    private List<Place> places(String roazRegionId, String onlyOrganisation) {
        return jdbc.query("""
                        select location_id, name, safety_region_id, care_offered from location
                        where roaz_region_id = ? and (?::text is null or organisation_id = ?)
                        order by location_id""",
                (rs, i) -> new Place(rs.getString("location_id"), rs.getString("name"),
                        rs.getString("safety_region_id"), careOffered(rs.getString("care_offered"))),
                roazRegionId, new SqlParameterValue(Types.VARCHAR, onlyOrganisation),
                new SqlParameterValue(Types.VARCHAR, onlyOrganisation));
    }

    private List<Row> rows(String moduleId, String roazRegionId, Instant asOf, String onlyOrganisation) {
        return jdbc.query(con -> {
            PreparedStatement ps;
            int p = 1;
            if (asOf == null) {
                ps = con.prepareStatement("""
                        select c.provider_id, l.name, l.organisation_id, l.safety_region_id, l.care_offered,
                               c.unit_kind, c.unit_id, c.definition_version,
                               c.figure_values::text as figure_values, c.figure_statuses::text as figure_statuses,
                               c.occurred_at
                        from module_current c join location l on l.location_id = c.provider_id
                        where c.module_id = ? and c.provider_kind = ? and l.roaz_region_id = ?
                          and (?::text is null or l.organisation_id = ?) and not c.removed""");
            } else {
                // every unit that ever reported has a module_current row: per unit one index probe into its history
                ps = con.prepareStatement("""
                        select c.provider_id, l.name, l.organisation_id, l.safety_region_id, l.care_offered,
                               h.unit_kind, h.unit_id, h.definition_version,
                               h.figure_values::text as figure_values, h.figure_statuses::text as figure_statuses,
                               h.occurred_at
                        from module_current c join location l on l.location_id = c.provider_id
                        cross join lateral (
                            select unit_kind, unit_id, definition_version, figure_values, figure_statuses,
                                   occurred_at, removed
                            from module_history b
                            where b.module_id = c.module_id and b.provider_kind = c.provider_kind
                              and b.provider_id = c.provider_id and b.unit_kind = c.unit_kind
                              and b.unit_id = c.unit_id and b.occurred_at <= ?
                            order by b.occurred_at desc, b.id desc limit 1) h
                        where c.module_id = ? and c.provider_kind = ? and l.roaz_region_id = ?
                          and (?::text is null or l.organisation_id = ?) and not h.removed""");
                ps.setObject(p++, Sql.ts(asOf));
            }
            ps.setString(p++, moduleId);
            ps.setString(p++, ProviderKind.HOSPITAL_LOCATION.name());
            ps.setString(p++, roazRegionId);
            ps.setObject(p++, onlyOrganisation, Types.VARCHAR);
            ps.setObject(p, onlyOrganisation, Types.VARCHAR);
            return ps;
        }, (rs, i) -> new Row(rs.getString("provider_id"), rs.getString("name"), rs.getString("organisation_id"),
                rs.getString("safety_region_id"),
                careOffered(rs.getString("care_offered")), rs.getString("unit_kind"), rs.getString("unit_id"),
                rs.getInt("definition_version"), rs.getString("figure_values"), rs.getString("figure_statuses"),
                Sql.instant(rs, "occurred_at")));
    }

    /** The location's care kinds as the topology projection stores them: names joined by commas. */
    private static Set<String> careOffered(String column) {
        Set<String> kinds = new HashSet<>();
        for (String kind : column == null ? new String[0] : column.split(",")) {
            if (!kind.isBlank()) {
                kinds.add(kind.trim());
            }
        }
        return kinds;
    }

    /**
     * A unit read with its own definition version. A version this instance does not know (a definition file not
     * given to it yet) is shown as the event carried it, with the current version's freshness, rather than hidden.
     */
    private Unit unit(ModuleDefinition current, Row row, Instant pictureAt, String roazRegionId) {
        Map<String, Long> reportedValues = read(row.values(), NUMBERS);
        Map<String, String> reportedStatuses = read(row.statuses(), TEXTS);
        Optional<ModuleDefinition> version = catalogue.version(current.id(), row.definitionVersion());
        Optional<UnitDefinition> unitDefinition = version.flatMap(v -> v.unit(row.unitKind()));
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        if (unitDefinition.isPresent()) {
            for (FigureDefinition figure : unitDefinition.get().figures()) {
                if (figure.type() == FigureType.STATUS) {
                    if (reportedStatuses.containsKey(figure.id())) {
                        statuses.put(figure.id(), reportedStatuses.get(figure.id()));
                    }
                } else if (reportedValues.containsKey(figure.id())) {
                    values.put(figure.id(), reportedValues.get(figure.id()));
                }
            }
        } else {
            values.putAll(new TreeMap<>(reportedValues));
            statuses.putAll(new TreeMap<>(reportedStatuses));
        }
        Map<String, String> levels = unitDefinition
                .map(d -> properties.levelsOf(current.id(), d, values, roazRegionId)).orElse(Map.of());
        Duration freshness = version.map(ModuleDefinition::freshness).orElse(current.freshness());
        Duration age = Duration.between(row.occurredAt(), pictureAt);
        return new Unit(row.unitKind(), row.unitId(), row.definitionVersion(), values, statuses, levels,
                row.occurredAt(), Math.max(0, age.getSeconds()), age.compareTo(freshness) > 0, List.of(), Map.of(),
                null);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
