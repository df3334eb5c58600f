package nl.lpz.stop.command;

import java.time.Instant;
import java.util.List;

/** What a board command returns to its sender (after the events are stored). */
public final class Outcomes {
    private Outcomes() {
    }

    /** A declaration either declared a stop or was refused by the last-in-region rule (and the refusal recorded). */
    public record Declaration(boolean declared, String stopId, Instant startedAt, Instant expectedEnd,
                              Instant graceUntil, long normTimeMinutes, String refusal) {
        static Declaration declared(String stopId, Instant startedAt, Instant expectedEnd, Instant graceUntil,
                                    long normTimeMinutes) {
            return new Declaration(true, stopId, startedAt, expectedEnd, graceUntil, normTimeMinutes, null);
        }

        static Declaration refused(String detail) {
            return new Declaration(false, null, null, null, null, 0, detail);
        }
    }

    public record StopState(String stopId, Instant startedAt, Instant expectedEnd, Instant graceUntil,
                            Instant endedAt) {
    }

    public record Lapse(List<String> lapsedStopIds) {
        public Lapse {
            lapsedStopIds = List.copyOf(lapsedStopIds);
        }
    }
}
