package nl.lpz.reporting.modules;

import nl.lpz.modules.ModuleCatalogue;
import org.springframework.stereotype.Component;

/**
 * The regional module settings checked against the catalogue once, at start ({@link ModuleProperties#requireFits}):
 * a setting that names no level or interval of the catalogue stops the start rather than being silently ignored.
 */
@Component
class ModuleSettingsCheck {
    ModuleSettingsCheck(ModuleProperties properties, ModuleCatalogue catalogue) {
        properties.requireFits(catalogue);
    }
}
