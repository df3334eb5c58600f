package nl.lpz.capacity.command;

import java.util.List;
import java.util.UUID;

/** Outcome of {@link ReportBeds} and {@link ReportModuleFigures}: one entry per report, in the order of the command. */
public record ReportResult(List<Outcome> outcomes) {

    public enum Kind {
        ACCEPTED, STALE, DUPLICATE, REJECTED
    }

    /** {@code code} and {@code detail} only for {@link Kind#REJECTED}. */
    public record Outcome(UUID eventId, Kind kind, String code, String detail) {
        static Outcome of(UUID eventId, Kind kind) {
            return new Outcome(eventId, kind, null, null);
        }

        static Outcome rejected(UUID eventId, String code, String detail) {
            return new Outcome(eventId, Kind.REJECTED, code, detail);
        }
    }

    public ReportResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }
}
