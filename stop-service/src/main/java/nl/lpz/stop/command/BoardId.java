package nl.lpz.stop.command;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.SafetyRegionId;

/**
 * Identity of a {@link StopBoard}: one per veiligheidsregio and kind. Stop and announcement ids embed it
 * ({@code <VR>.<KIND>.<32 hex>}), so a command on a stop finds its board without a lookup table.
 * <p>
 * The board is stored under {@link #value()}, {@code <VR>/<KIND>} (e.g. {@code VR13/SEH}), and {@link #toString()}
 * is that same string: Axon takes the {@code toString()} of a command's target identifier as the aggregate
 * identifier, so changing either format would orphan every stored board.
 */
public record BoardId(SafetyRegionId safetyRegionId, CareKind kind) {

    public BoardId {
        Objects.requireNonNull(safetyRegionId, "safetyRegionId");
        Objects.requireNonNull(kind, "kind");
    }

    public static BoardId of(SafetyRegionId safetyRegionId, CareKind kind) {
        return new BoardId(safetyRegionId, kind);
    }

    /** The board of a stop or announcement id; empty when the id was not made by {@link #newMemberId()}. */
    public static Optional<BoardId> ofMemberId(String memberId) {
        if (memberId == null) {
            return Optional.empty();
        }
        int last = memberId.lastIndexOf('.');
        int kindDot = last <= 0 ? -1 : memberId.lastIndexOf('.', last - 1);
        if (kindDot <= 0 || memberId.length() - last - 1 != 32) {
            return Optional.empty();
        }
        try {
            CareKind kind = CareKind.valueOf(memberId.substring(kindDot + 1, last));
            return Optional.of(new BoardId(SafetyRegionId.of(memberId.substring(0, kindDot)), kind));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** A new id for a stop or announcement of this board. */
    public String newMemberId() {
        return safetyRegionId.value() + "." + kind.name() + "." + UUID.randomUUID().toString().replace("-", "");
    }

    /** The aggregate identifier as stored in the event store: {@code <VR>/<KIND>}. */
    public String value() {
        return safetyRegionId.value() + "/" + kind.name();
    }

    @Override
    public String toString() {
        return value();
    }
}
