package nl.lpz.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import nl.lpz.modules.FigureDefinition;
import nl.lpz.modules.FigureType;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.modules.UnitDefinition;

/**
 * Generated figures for every module of the catalogue that hospital locations deliver: one unit of each unit kind
 * per location expected to deliver it, with figures that drift a little each round and always keep the definition
 * (every candidate is checked with {@link ModuleDefinition#read}, as the platform will). Nothing here knows a module:
 * it reads the definitions shipped in shared-events. GENERATED, not real figures.
 */
final class ModuleSimulation {
    /** Whole numbers of a generated figure stay below this, whatever the definition's upper bound. */
    private static final long TYPICAL_MAX = 40;
    private static final int ATTEMPTS = 200;

    record Report(UUID eventId, String providerId, String unitKind, String unitId, Map<String, Object> figures,
                  OffsetDateTime occurredAt) {
    }

    /** One generated patient passage: the moments it reached, no identity (there is none to generate). */
    record Passage(UUID eventId, String providerId, String unitKind, String unitId, Map<String, Instant> moments) {
    }

    private final List<ModuleDefinition> modules;
    private final List<SimLocation> locations;
    private final Random random;
    private final Map<String, Map<String, Object>> current = new LinkedHashMap<>();

    ModuleSimulation(List<ModuleDefinition> modules, List<SimLocation> locations, long seed) {
        this.modules = modules.stream().filter(m -> m.providerKinds().contains(ProviderKind.HOSPITAL_LOCATION))
                .toList();
        this.locations = locations;
        this.random = new Random(seed);
    }

    /** The definitions shipped on this class path (shared-events' {@code lpz-modules/*.yaml}), newest versions. */
    static List<ModuleDefinition> shippedDefinitions() {
        Map<String, ModuleCatalogue.InputStreamSource> sources = new TreeMap<>();
        try {
            Path origin = Path.of(ModuleCatalogue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(origin)) {
                Path dir = origin.resolve(ModuleCatalogue.LOCATION);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(f -> f.toString().endsWith(".yaml"))
                                .forEach(f -> sources.put(f.getFileName().toString(), () -> Files.newInputStream(f)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(origin.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                        if (entry.getName().startsWith(ModuleCatalogue.LOCATION + "/")
                                && entry.getName().endsWith(".yaml")) {
                            byte[] bytes = jar.getInputStream(entry).readAllBytes();
                            sources.put(entry.getName(), () -> new java.io.ByteArrayInputStream(bytes));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ModuleCatalogue.parse(sources).currentDefinitions();
    }

    List<ModuleDefinition> modules() {
        return modules;
    }

    /** One round: every unit of every location of the module, with figures drifted from the last round. */
    Map<String, List<Report>> round(ModuleDefinition module, Instant now) {
        Map<String, List<Report>> byOrganisation = new LinkedHashMap<>();
        for (SimLocation location : locations) {
            if (!module.expectedFrom(location.careOffered())) {
                continue;
            }
            for (UnitDefinition unit : module.units()) {
                String unitId = unit.kind().toUpperCase(java.util.Locale.ROOT) + "-1";
                String key = module.id() + "/" + location.locationId() + "/" + unitId;
                Map<String, Object> figures = figures(module, unit, current.get(key));
                if (figures == null) {
                    continue;
                }
                current.put(key, figures);
                byOrganisation.computeIfAbsent(location.organisationId(), k -> new ArrayList<>())
                        .add(new Report(UUID.randomUUID(), location.locationId(), unit.kind(), unitId, figures,
                                OffsetDateTime.ofInstant(now, EpdSimulation.ZONE)));
            }
        }
        return byOrganisation;
    }

    /**
     * Passages that ended in the last round for every unit kind that keeps lead times: per unit a few, each spanning
     * 20 minutes to 6 hours back from {@code now}, its moments at increasing random points in between; now and then a
     * middle moment is missing (a patient who left before being seen). Every passage is checked with
     * {@link ModuleDefinition#checkPassage}, as the platform will.
     */
    Map<String, List<Passage>> passages(ModuleDefinition module, Instant now) {
        Map<String, List<Passage>> byOrganisation = new LinkedHashMap<>();
        for (SimLocation location : locations) {
            if (!module.expectedFrom(location.careOffered())) {
                continue;
            }
            for (UnitDefinition unit : module.units()) {
                List<String> moments = unit.passages().moments();
                if (moments.isEmpty()) {
                    continue;
                }
                String unitId = unit.kind().toUpperCase(java.util.Locale.ROOT) + "-1";
                for (int n = random.nextInt(4); n > 0; n--) {
                    long spanSeconds = 1200 + random.nextInt(6 * 3600 - 1200);
                    Instant arrival = now.minusSeconds(spanSeconds);
                    Map<String, Instant> passage = new LinkedHashMap<>();
                    passage.put(moments.get(0), arrival);
                    double at = 0;
                    for (int i = 1; i < moments.size(); i++) {
                        boolean last = i == moments.size() - 1;
                        // early moments come soon after arrival, the last one ends the span
                        at = last ? 1.0 : at + (1.0 - at) * random.nextDouble() * 0.4;
                        if (!last && random.nextInt(20) == 0) {
                            continue;
                        }
                        passage.put(moments.get(i), arrival.plusSeconds(Math.round(spanSeconds * at)));
                    }
                    if (module.checkPassage(unit.kind(), passage).isEmpty()) {
                        byOrganisation.computeIfAbsent(location.organisationId(), k -> new ArrayList<>())
                                .add(new Passage(UUID.randomUUID(), location.locationId(), unit.kind(), unitId,
                                        passage));
                    }
                }
            }
        }
        return byOrganisation;
    }

    /** Figures near {@code last} (or fresh ones) that the definition accepts, or null when none was found. */
    Map<String, Object> figures(ModuleDefinition module, UnitDefinition unit, Map<String, Object> last) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            for (FigureDefinition figure : unit.figures()) {
                if (!figure.required() && random.nextInt(4) == 0) {
                    continue;
                }
                Object previous = last == null || attempt > ATTEMPTS / 2 ? null : last.get(figure.id());
                candidate.put(figure.id(), value(figure, previous));
            }
            if (module.read(unit.kind(), candidate).ok()) {
                return candidate;
            }
        }
        return null;
    }

    private Object value(FigureDefinition figure, Object previous) {
        if (figure.type() == FigureType.STATUS) {
            // mostly the first (the normal state), sometimes another
            List<String> values = figure.values();
            return random.nextInt(10) < 8 ? values.get(0) : values.get(random.nextInt(values.size()));
        }
        long bound = Math.min(figure.max(), figure.type() == FigureType.DURATION_MINUTES ? 240 : TYPICAL_MAX);
        if (previous instanceof Long p) {
            return Math.max(0, Math.min(bound, p + random.nextInt(5) - 2));
        }
        return (long) random.nextInt((int) bound + 1);
    }
}
