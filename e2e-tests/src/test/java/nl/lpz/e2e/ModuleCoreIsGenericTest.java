package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.UnitDefinition;
import org.junit.jupiter.api.Test;

/**
 * The module core knows no module: no module id and no unit kind of any definition appears in its sources (class
 * names, literals or comments). A module is a definition file (docs/modules.md); if this fails, something that
 * belongs in a definition was written into the core. Core = the catalogue (shared-events {@code nl.lpz.modules},
 * platform-support {@code nl.lpz.platform.modules}), capacity-service's module write path (its classes named
 * {@code Module*}) and reporting-service's {@code nl.lpz.reporting.modules} feature package.
 */
class ModuleCoreIsGenericTest {
    /** The checkout: Maven runs the tests in the e2e-tests directory, an IDE may run them in the root. */
    private static final Path ROOT = Files.exists(Path.of("").toAbsolutePath().resolve("e2e-tests"))
            ? Path.of("").toAbsolutePath() : Path.of("").toAbsolutePath().getParent();

    @Test
    void givenEveryModuleDefinition_thenNoneOfItsNamesAppearsInTheCoreSources() throws IOException {
        List<ModuleDefinition> definitions = definitions();
        assertThat(definitions).extracting(ModuleDefinition::id)
                .contains("spoed", "geboortezorg", "proefmodule");

        List<Path> core = coreSources();
        assertThat(core).as("core sources found under " + ROOT).hasSizeGreaterThan(10);
        List<String> findings = new ArrayList<>();
        for (Path source : core) {
            String text = Files.readString(source);
            String lower = text.toLowerCase(Locale.ROOT);
            for (ModuleDefinition definition : definitions) {
                if (lower.contains(definition.id())) {
                    findings.add(ROOT.relativize(source) + " names module " + definition.id());
                }
                for (UnitDefinition unit : definition.units()) {
                    if (Pattern.compile("\\b" + Pattern.quote(unit.kind()) + "\\b", Pattern.CASE_INSENSITIVE)
                            .matcher(text).find()) {
                        findings.add(ROOT.relativize(source) + " names unit kind " + unit.kind() + " of "
                                + definition.id());
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    private static List<ModuleDefinition> definitions() throws IOException {
        Map<String, ModuleCatalogue.InputStreamSource> sources = new TreeMap<>();
        for (String dir : List.of("shared-events/src/main/resources/lpz-modules",
                "test-support/src/main/resources/lpz-modules")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".yaml"))
                        .forEach(f -> sources.put(f.toString(), () -> Files.newInputStream(f)));
            }
        }
        return ModuleCatalogue.parse(sources).currentDefinitions();
    }

    private static List<Path> coreSources() throws IOException {
        List<Path> core = new ArrayList<>();
        core.addAll(javaFiles(ROOT.resolve("shared-events/src/main/java/nl/lpz/modules"), f -> true));
        core.addAll(javaFiles(ROOT.resolve("platform-support/src/main/java/nl/lpz/platform/modules"), f -> true));
        core.addAll(javaFiles(ROOT.resolve("reporting-service/src/main/java/nl/lpz/reporting/modules"), f -> true));
        core.addAll(javaFiles(ROOT.resolve("capacity-service/src/main/java/nl/lpz/capacity"),
                f -> f.getFileName().toString().startsWith("Module")));
        return core;
    }

    private static List<Path> javaFiles(Path dir, java.util.function.Predicate<Path> wanted) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(wanted).toList();
        }
    }
}
