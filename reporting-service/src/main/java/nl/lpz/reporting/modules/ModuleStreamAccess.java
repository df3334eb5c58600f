package nl.lpz.reporting.modules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.modules.RegionalModuleQuery.Reading;
import nl.lpz.reporting.readmodel.StreamAudience;
import org.springframework.stereotype.Component;

/**
 * Which {@code module} events of a region's stream a subscriber is told about: those the module's reader rules let it
 * read per provider, as the regional picture would show them. The event names no figures, but its provider and time
 * say who reported what; a reader without a rule for the module, an aggregate reader, or one that reads only its
 * own organisation's providers is not told about the others.
 */
@Component
class ModuleStreamAccess implements StreamAudience {
    private final ModuleReaders readers;

    ModuleStreamAccess(ModuleReaders readers) {
        this.readers = readers;
    }

    @Override
    public String kind() {
        return ModuleProjection.CHANGE_KIND_MODULE;
    }

    /**
     * The caller's filter for the region; each module's reading is decided once per subscription, at its first event
     * (reader rules change with a deployment, which ends the stream).
     */
    @Override
    public Teller forCaller(Caller caller, String roazRegionId) {
        Map<String, Optional<Reading>> readings = new ConcurrentHashMap<>();
        return (subject, organisation) -> {
            if (!(subject instanceof String moduleId)) {
                return false; // a row this version cannot read is told to nobody rather than to everybody
            }
            Optional<Reading> reading = readings.computeIfAbsent(moduleId, id -> {
                try {
                    ModuleDefinition module = readers.module(id);
                    return Optional.of(readers.reading(caller, module, roazRegionId));
                } catch (ApiException refused) {
                    return Optional.empty();
                }
            });
            return reading.filter(r -> r.detail() == ReaderRule.Detail.PROVIDER)
                    .map(r -> r.onlyOrganisation() == null || r.onlyOrganisation().equals(organisation))
                    .orElse(false);
        };
    }

    /** The change's module. */
    @Override
    public Object subject(String payload) {
        return StreamAudience.textField(payload, "moduleId");
    }
}
