package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One patient passage through a unit, already checked by the module definition ({@code ModuleDefinition
 * .checkPassage}), so its moments are the unit kind's, the first one present and none before an earlier one;
 * {@code moments} in the definition's order. It carries no identity of the patient: {@code eventId}, the sender's
 * idempotency key, is its only key.
 */
public record ModulePassage(UUID eventId, String unitKind, String unitId, Map<String, Instant> moments)
        implements ModuleBatchItem {

    public ModulePassage {
        Objects.requireNonNull(eventId, "eventId");
        if (moments == null || moments.isEmpty()) {
            throw new IllegalArgumentException("a passage has at least the moment that starts it");
        }
        moments.forEach((name, at) -> {
            Objects.requireNonNull(name, "moment name");
            Objects.requireNonNull(at, "moment " + name);
        });
        moments = Collections.unmodifiableMap(new LinkedHashMap<>(moments));
    }

    /** Its latest moment: by then the sender knew all of it. */
    @Override
    public Instant occurredAt() {
        return Collections.max(moments.values());
    }

    /** Each moment, as {@code moments.<name>}. */
    @Override
    public Map<String, Instant> instants() {
        Map<String, Instant> instants = new LinkedHashMap<>();
        moments.forEach((name, at) -> instants.put("moments." + name, at));
        return instants;
    }

    /**
     * SHA-256 (hex) of what the passage says ({@link PayloadHash}): module, provider, unit and the moments as instants
     * in name order (so the same moment written with another offset, or the moments in another order, are the same
     * content). Its own kind keeps it apart from a module report or a bed event with the same id.
     */
    @Override
    public String payloadHash(ModuleProviderId provider) {
        List<Object> canonical = new ArrayList<>(List.of(provider.moduleId(), provider.providerId(), unitKind,
                unitId, moments.size()));
        new TreeMap<>(moments).forEach((name, at) -> {
            canonical.add(name);
            canonical.add(at.getEpochSecond() + "." + at.getNano());
        });
        return PayloadHash.of("module-passage/1", canonical.toArray());
    }
}
