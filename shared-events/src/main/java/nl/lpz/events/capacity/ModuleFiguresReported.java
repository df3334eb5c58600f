package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * A provider reported the figures of one unit of a module at {@code occurredAt}: {@code values} are its counts and
 * durations (whole numbers, in the unit the definition names), {@code statuses} its closed-list statuses. They mean
 * what definition {@code definitionVersion} of the module says, also after the definition changed. {@code stale} is
 * true when a later report of the same unit had already been applied: the unit's current figures stay, but the
 * report belongs to its history. {@code sourceEventId} is the sender's idempotency key (null for a snapshot).
 */
@Revision("1")
public record ModuleFiguresReported(String moduleId, int definitionVersion, String providerKind, String providerId,
                                    OrganisationId organisationId, String unitKind, String unitId,
                                    Map<String, Long> values, Map<String, String> statuses, Instant occurredAt,
                                    boolean stale, ModuleReportSource source, UUID sourceEventId)
        implements ModuleEvent {

    public ModuleFiguresReported {
        values = values == null ? Map.of() : Map.copyOf(values);
        statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
    }
}
