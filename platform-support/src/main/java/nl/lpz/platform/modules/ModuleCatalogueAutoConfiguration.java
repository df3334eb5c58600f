package nl.lpz.platform.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.modules.ModuleCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The module catalogue of every service: the definitions on the class path ({@code lpz-modules/*.yaml}, shipped in
 * shared-events) and those an operator adds under {@code lpz.modules.definitions} (resource patterns such as
 * {@code file:/etc/lpz/modules/*.yaml}, a mounted ConfigMap). A definition that does not parse stops the start.
 */
@AutoConfiguration
@EnableConfigurationProperties(ModuleCatalogueAutoConfiguration.ModuleDefinitionsProperties.class)
public class ModuleCatalogueAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ModuleCatalogueAutoConfiguration.class);

    @ConfigurationProperties("lpz.modules")
    public record ModuleDefinitionsProperties(List<String> definitions) {
        public ModuleDefinitionsProperties {
            definitions = definitions == null ? List.of() : List.copyOf(definitions);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ModuleCatalogue moduleCatalogue(ModuleDefinitionsProperties properties) {
        List<String> patterns = new ArrayList<>();
        patterns.add("classpath*:" + ModuleCatalogue.LOCATION + "/*.yaml");
        patterns.addAll(properties.definitions());
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, ModuleCatalogue.InputStreamSource> sources = new LinkedHashMap<>();
        for (String pattern : patterns) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    String name = resource.getDescription();
                    sources.putIfAbsent(name, resource::getInputStream);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list module definitions " + pattern, e);
            }
        }
        ModuleCatalogue catalogue = ModuleCatalogue.parse(sources);
        log.info("module catalogue: {} from {} definition file(s)", catalogue.currentDefinitions().stream()
                .map(d -> d.id() + " v" + d.version()).toList(), sources.size());
        return catalogue;
    }
}
