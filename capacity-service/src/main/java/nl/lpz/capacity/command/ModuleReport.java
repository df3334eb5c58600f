package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.lpz.modules.Figures;

/**
 * One report of a unit's figures, already read by the module definition ({@code ModuleDefinition.read}), so its
 * figures fit the unit kind; {@code eventId} is the sender's idempotency key.
 */
public record ModuleReport(UUID eventId, String unitKind, String unitId, Figures figures, Instant occurredAt)
        implements ModuleBatchItem {

    @Override
    public Map<String, Instant> instants() {
        return Map.of("occurredAt", occurredAt);
    }

    /**
     * SHA-256 (hex) of what the report says ({@link PayloadHash}): module, provider, unit and the figures as the
     * definition read them (so {@code 7} and {@code 7.0}, or an optional figure sent as null and one left out, are the
     * same content), with {@code occurredAt} as an instant. Figures are in id order, each section counted, so a
     * number cannot pass for a status.
     */
    @Override
    public String payloadHash(ModuleProviderId provider) {
        List<Object> canonical = new ArrayList<>(List.of(provider.moduleId(), provider.providerId(), unitKind,
                unitId));
        section(canonical, figures.values());
        section(canonical, figures.statuses());
        canonical.add(occurredAt.getEpochSecond() + "." + occurredAt.getNano());
        return PayloadHash.of("module-report/1", canonical.toArray());
    }

    private static void section(List<Object> canonical, Map<String, ?> figures) {
        canonical.add(figures.size());
        new TreeMap<>(figures).forEach((id, value) -> {
            canonical.add(id);
            canonical.add(value);
        });
    }
}
