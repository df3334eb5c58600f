package nl.lpz.modules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.lpz.events.capacity.CareKind;

/**
 * Every module definition the platform knows, every version of each (docs/modules.md). A definition is a YAML
 * resource; the services load all of {@code classpath*:lpz-modules/*.yaml}, so adding a module is adding a file.
 * Parsing is strict (an unknown key is an error, not a silently ignored typo) and a catalogue that does not parse
 * stops the service at start, never at the first report.
 */
public final class ModuleCatalogue {
    /** Where the services look for definitions on the class path. */
    public static final String LOCATION = "lpz-modules";

    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern UNIT_KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern FIGURE_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<String> ROLES = Set.of("HOSPITAL", "EPD_SYSTEM", "MKA", "MMA", "RCPS", "LCPS",
            "PUBLIC_AGGREGATE", "ADMIN", "MIDWIFE", "RAV", "HAP", "PRIVACY_OFFICER");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, NavigableMap<Integer, ModuleDefinition>> modules;

    private ModuleCatalogue(Map<String, NavigableMap<Integer, ModuleDefinition>> modules) {
        this.modules = modules;
    }

    /** The catalogue of these definitions, each named by its source (a file name) for the error messages. */
    public static ModuleCatalogue parse(Map<String, ? extends InputStreamSource> sources) {
        Map<String, NavigableMap<Integer, ModuleDefinition>> modules = new TreeMap<>();
        for (Map.Entry<String, ? extends InputStreamSource> source : sources.entrySet()) {
            ModuleDefinition definition = parse(source.getKey(), source.getValue());
            ModuleDefinition earlier = modules.computeIfAbsent(definition.id(), k -> new TreeMap<>())
                    .putIfAbsent(definition.version(), definition);
            if (earlier != null) {
                throw new InvalidModuleDefinition(source.getKey(), "module " + definition.id() + " version "
                        + definition.version() + " is defined twice");
            }
        }
        return new ModuleCatalogue(modules);
    }

    /** One definition from YAML. */
    public static ModuleDefinition parse(String source, InputStreamSource yaml) {
        RawModule raw;
        try (InputStream in = yaml.open()) {
            raw = YAML.readValue(in, RawModule.class);
        } catch (IOException e) {
            throw new InvalidModuleDefinition(source, "does not parse: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new InvalidModuleDefinition(source, "is empty");
        }
        return raw.validate(source);
    }

    /** The newest version of the module, the one new reports are written under. */
    public Optional<ModuleDefinition> current(String moduleId) {
        NavigableMap<Integer, ModuleDefinition> versions = moduleId == null ? null : modules.get(moduleId);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** The definition an event was written under. */
    public Optional<ModuleDefinition> version(String moduleId, int version) {
        NavigableMap<Integer, ModuleDefinition> versions = moduleId == null ? null : modules.get(moduleId);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The newest version of every module, by module id. */
    public List<ModuleDefinition> currentDefinitions() {
        return modules.values().stream().map(v -> v.lastEntry().getValue()).toList();
    }

    /** Every version of the module, oldest first. */
    public List<ModuleDefinition> versions(String moduleId) {
        NavigableMap<Integer, ModuleDefinition> versions = modules.get(moduleId);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** Something that opens a definition's bytes (a class path resource, a test string). */
    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }

    record RawName(String nl, String en) {
        LocalizedName validate(String source, String what) {
            if (nl == null || nl.isBlank() || en == null || en.isBlank()) {
                throw new InvalidModuleDefinition(source, what + " needs a name in nl and en");
            }
            return new LocalizedName(nl, en);
        }
    }

    record RawFigure(String id, RawName name, FigureType type, List<String> values, Long max, Boolean required) {
        FigureDefinition validate(String source, String unit) {
            String where = "unit " + unit + ", figure " + id;
            if (id == null || !FIGURE_ID.matcher(id).matches()) {
                throw new InvalidModuleDefinition(source, "unit " + unit + ": figure id '" + id + "' must match "
                        + FIGURE_ID);
            }
            if (type == null) {
                throw new InvalidModuleDefinition(source, where + " needs a type, one of "
                        + List.of(FigureType.values()));
            }
            List<String> statuses = values == null ? List.of() : values;
            if (type == FigureType.STATUS) {
                if (statuses.isEmpty() || new HashSet<>(statuses).size() != statuses.size()
                        || !statuses.stream().allMatch(s -> s != null && STATUS.matcher(s).matches())) {
                    throw new InvalidModuleDefinition(source, where + " needs distinct values matching " + STATUS);
                }
                if (max != null) {
                    throw new InvalidModuleDefinition(source, where + " is a status and has no max");
                }
            } else if (!statuses.isEmpty()) {
                throw new InvalidModuleDefinition(source, where + " is numeric and has no values");
            }
            long bound = max == null ? FigureDefinition.DEFAULT_MAX : max;
            if (bound < 1 || bound > 1_000_000_000L) {
                throw new InvalidModuleDefinition(source, where + ": max must lie in [1, 1000000000]");
            }
            return new FigureDefinition(id, name == null ? new LocalizedName(id, id) : name.validate(source, where),
                    type, statuses, bound, required == null || required);
        }
    }

    record RawBand(Double upTo, String level) {
    }

    record RawLevel(String id, RawName name, List<String> numerator, List<String> denominator, List<RawBand> bands) {
        LevelRule validate(String source, String unit, Set<String> numeric) {
            String where = "unit " + unit + ", level " + id;
            if (id == null || !FIGURE_ID.matcher(id).matches()) {
                throw new InvalidModuleDefinition(source, "unit " + unit + ": level id '" + id + "' must match "
                        + FIGURE_ID);
            }
            for (List<String> side : java.util.Arrays.asList(numerator, denominator)) {
                if (side == null || side.isEmpty() || !numeric.containsAll(side)) {
                    throw new InvalidModuleDefinition(source, where + ": numerator and denominator list count or "
                            + "duration figures of the unit");
                }
            }
            if (bands == null || bands.size() < 2) {
                throw new InvalidModuleDefinition(source, where + " needs at least two bands");
            }
            List<LevelRule.Band> parsed = new ArrayList<>();
            Set<String> levels = new HashSet<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < bands.size(); i++) {
                RawBand band = bands.get(i);
                boolean last = i == bands.size() - 1;
                if (band == null || band.level() == null || !STATUS.matcher(band.level()).matches()
                        || !levels.add(band.level())) {
                    throw new InvalidModuleDefinition(source, where + ": each band names a distinct level matching "
                            + STATUS);
                }
                if (last != (band.upTo() == null)
                        || (!last && (!(band.upTo() >= 0) || band.upTo().isInfinite() || band.upTo() <= previous))) {
                    throw new InvalidModuleDefinition(source, where + ": every band but the last has an ascending "
                            + "upTo of 0 or more; the last has none");
                }
                if (!last) {
                    previous = band.upTo();
                }
                parsed.add(new LevelRule.Band(band.upTo(), band.level()));
            }
            return new LevelRule(id, name == null ? new LocalizedName(id, id) : name.validate(source, where),
                    numerator, denominator, parsed);
        }
    }

    record RawAvailability(String figure, String stoppedBy, String hoursOf) {
    }

    record RawStops(List<String> kinds, RawAvailability availability) {
        UnitStops validate(String source, String unit, List<FigureDefinition> figures) {
            String where = "unit " + unit + ", stops";
            Set<String> careKinds = new LinkedHashSet<>();
            for (CareKind kind : CareKind.values()) {
                careKinds.add(kind.name());
            }
            if (kinds == null || kinds.isEmpty() || !careKinds.containsAll(kinds)
                    || new HashSet<>(kinds).size() != kinds.size()) {
                throw new InvalidModuleDefinition(source, where + ": kinds lists distinct care kinds of "
                        + careKinds);
            }
            if (availability == null) {
                return new UnitStops(kinds, Optional.empty());
            }
            FigureDefinition figure = figures.stream().filter(f -> f.id().equals(availability.figure())).findFirst()
                    .orElse(null);
            if (figure == null || figure.type() != FigureType.STATUS || figure.values().contains(UnitStops.STOP)) {
                throw new InvalidModuleDefinition(source, where + ": availability.figure names a status figure of "
                        + "the unit (without the value " + UnitStops.STOP + ", which a stop shows)");
            }
            if (!kinds.contains(availability.stoppedBy())) {
                throw new InvalidModuleDefinition(source, where + ": availability.stoppedBy is one of kinds");
            }
            if (availability.hoursOf() != null && (!careKinds.contains(availability.hoursOf())
                    || !figure.values().contains(UnitStops.CLOSED))) {
                throw new InvalidModuleDefinition(source, where + ": availability.hoursOf names a care kind of "
                        + careKinds + ", and the figure has the value " + UnitStops.CLOSED + ", which the unit shows "
                        + "outside those hours");
            }
            return new UnitStops(kinds, Optional.of(new UnitStops.Availability(figure.id(),
                    availability.stoppedBy(), Optional.ofNullable(availability.hoursOf()))));
        }
    }

    record RawInterval(String id, RawName name, String from, String to, Duration norm) {
    }

    record RawPassages(List<String> moments, List<RawInterval> intervals) {
        UnitPassages validate(String source, String unit) {
            String where = "unit " + unit + ", passages";
            if (moments == null || moments.size() < 2 || new HashSet<>(moments).size() != moments.size()
                    || !moments.stream().allMatch(m -> m != null && FIGURE_ID.matcher(m).matches())) {
                throw new InvalidModuleDefinition(source, where + ": moments lists at least two distinct names "
                        + "matching " + FIGURE_ID + ", the first starting every passage");
            }
            if (intervals == null || intervals.isEmpty()) {
                throw new InvalidModuleDefinition(source, where + " needs intervals");
            }
            List<UnitPassages.Interval> parsed = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (RawInterval interval : intervals) {
                String at = where + ", interval " + (interval == null ? null : interval.id());
                if (interval == null || interval.id() == null || !FIGURE_ID.matcher(interval.id()).matches()
                        || !ids.add(interval.id())) {
                    throw new InvalidModuleDefinition(source, where + ": each interval has a distinct id matching "
                            + FIGURE_ID);
                }
                int from = moments.indexOf(interval.from());
                int to = moments.indexOf(interval.to());
                if (from < 0 || to < 0 || from >= to) {
                    throw new InvalidModuleDefinition(source, at + ": from and to are moments, from before to");
                }
                if (interval.norm() != null && (interval.norm().isNegative() || interval.norm().isZero()
                        || interval.norm().compareTo(Duration.ofDays(7)) > 0)) {
                    throw new InvalidModuleDefinition(source, at + ": a norm is a duration of at most 7 days");
                }
                parsed.add(new UnitPassages.Interval(interval.id(), interval.name() == null
                        ? new LocalizedName(interval.id(), interval.id()) : interval.name().validate(source, at),
                        interval.from(), interval.to(), interval.norm()));
            }
            return new UnitPassages(moments, parsed);
        }
    }

    record RawUnit(String kind, RawName name, List<RawFigure> figures, List<String> invariants,
                   List<RawLevel> levels, RawStops stops, RawPassages passages) {
        UnitDefinition validate(String source) {
            if (kind == null || !UNIT_KIND.matcher(kind).matches()) {
                throw new InvalidModuleDefinition(source, "unit kind '" + kind + "' must match " + UNIT_KIND);
            }
            if (figures == null || figures.isEmpty()) {
                throw new InvalidModuleDefinition(source, "unit " + kind + " has no figures");
            }
            List<FigureDefinition> parsed = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Set<String> numeric = new HashSet<>();
            for (RawFigure figure : figures) {
                FigureDefinition definition = figure.validate(source, kind);
                if (!ids.add(definition.id())) {
                    throw new InvalidModuleDefinition(source, "unit " + kind + " has figure " + definition.id()
                            + " twice");
                }
                if (definition.type().numeric()) {
                    numeric.add(definition.id());
                }
                parsed.add(definition);
            }
            List<Invariant> rules = new ArrayList<>();
            for (String invariant : invariants == null ? List.<String>of() : invariants) {
                try {
                    rules.add(Invariant.parse(invariant, numeric));
                } catch (IllegalArgumentException e) {
                    throw new InvalidModuleDefinition(source, "unit " + kind + ": " + e.getMessage());
                }
            }
            List<LevelRule> derived = new ArrayList<>();
            for (RawLevel level : levels == null ? List.<RawLevel>of() : levels) {
                LevelRule rule = level.validate(source, kind, numeric);
                if (ids.contains(rule.id()) || derived.stream().anyMatch(d -> d.id().equals(rule.id()))) {
                    throw new InvalidModuleDefinition(source, "unit " + kind + ": level " + rule.id()
                            + " has the id of a figure or another level");
                }
                derived.add(rule);
            }
            return new UnitDefinition(kind, name == null ? new LocalizedName(kind, kind)
                    : name.validate(source, "unit " + kind), parsed, rules, derived,
                    stops == null ? UnitStops.NONE : stops.validate(source, kind, parsed),
                    passages == null ? UnitPassages.NONE : passages.validate(source, kind));
        }
    }

    record RawReader(String role, ReaderRule.Scope scope, ReaderRule.Detail detail) {
        ReaderRule validate(String source) {
            if (role == null || !ROLES.contains(role) || scope == null) {
                throw new InvalidModuleDefinition(source, "a reader needs a role of " + ROLES + " and a scope of "
                        + List.of(ReaderRule.Scope.values()));
            }
            return new ReaderRule(role, scope, detail == null ? ReaderRule.Detail.PROVIDER : detail);
        }
    }

    record RawKpi(LocalDate from, Double share, String source) {
        DeliveryKpi validate(String file) {
            if (from == null || share == null || !(share > 0 && share <= 1)) {
                throw new InvalidModuleDefinition(file, "a KPI needs a date 'from' and a share in (0, 1]");
            }
            return new DeliveryKpi(from, share, this.source);
        }
    }

    record RawModule(String id, Integer version, RawName name, List<ProviderKind> providerKinds,
                     List<String> offering, Duration freshness, List<RawUnit> units, List<RawReader> readers,
                     List<RawKpi> kpis) {
        ModuleDefinition validate(String source) {
            if (id == null || !MODULE_ID.matcher(id).matches()) {
                throw new InvalidModuleDefinition(source, "id '" + id + "' must match " + MODULE_ID);
            }
            if (version == null || version < 1) {
                throw new InvalidModuleDefinition(source, "module " + id + " needs a version of 1 or more");
            }
            if (providerKinds == null || providerKinds.isEmpty() || providerKinds.contains(null)) {
                throw new InvalidModuleDefinition(source, "module " + id + " needs providerKinds, of "
                        + List.of(ProviderKind.values()));
            }
            if (freshness == null || freshness.isNegative() || freshness.isZero()
                    || freshness.compareTo(Duration.ofDays(400)) > 0) {
                throw new InvalidModuleDefinition(source, "module " + id + " needs a freshness (ISO-8601 duration, "
                        + "e.g. PT30M) of at most 400 days");
            }
            if (units == null || units.isEmpty()) {
                throw new InvalidModuleDefinition(source, "module " + id + " has no units");
            }
            List<UnitDefinition> parsedUnits = new ArrayList<>();
            Set<String> kinds = new HashSet<>();
            for (RawUnit unit : units) {
                UnitDefinition parsed = unit.validate(source);
                if (!kinds.add(parsed.kind())) {
                    throw new InvalidModuleDefinition(source, "unit kind " + parsed.kind() + " is defined twice");
                }
                parsedUnits.add(parsed);
            }
            if (readers == null || readers.isEmpty()) {
                throw new InvalidModuleDefinition(source, "module " + id + " names no readers");
            }
            List<ReaderRule> parsedReaders = readers.stream().map(r -> r.validate(source)).toList();
            List<DeliveryKpi> parsedKpis = (kpis == null ? List.<RawKpi>of() : kpis).stream()
                    .map(k -> k.validate(source)).toList();
            if (new LinkedHashSet<>(parsedKpis.stream().map(DeliveryKpi::from).toList()).size() != parsedKpis.size()) {
                throw new InvalidModuleDefinition(source, "module " + id + " has two KPIs from the same date");
            }
            if (name == null) {
                throw new InvalidModuleDefinition(source, "module " + id + " needs a name in nl and en");
            }
            if (offering != null && !offering.stream().allMatch(o -> o != null && STATUS.matcher(o).matches())) {
                throw new InvalidModuleDefinition(source, "module " + id
                        + ": offering lists care kinds (a location's careOffered codes, upper case)");
            }
            return new ModuleDefinition(id, version, name.validate(source, "module " + id),
                    providerKinds, offering, freshness, parsedUnits, parsedReaders, parsedKpis);
        }
    }

    /** The token roles a reader rule may name; platform-support checks they are http-contract's {@code Role}s. */
    public static Collection<String> roles() {
        return ROLES;
    }
}
