package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.modules.Figures;

/**
 * One unit of a provider's full snapshot: its figures (read by the module definition) as of the snapshot, and since
 * when ({@code occurredAt}).
 */
public record ModuleUnitEntry(String unitKind, String unitId, Figures figures, Instant occurredAt) {
}
