package nl.lpz.events.capacity;

import java.time.Duration;

/**
 * Kinds of acute care a location can offer and stop for (seed 001): SEH (emergency department), SR (shock room /
 * trauma room), CTT (CT thrombolysis), EHH (first heart aid), CCU, PCI. The default norm time of a stop is a
 * regional setting; these are the national defaults.
 */
public enum CareKind {
    SEH(Duration.ofHours(2)),
    SR(Duration.ofHours(1)),
    CTT(Duration.ofHours(2)),
    EHH(Duration.ofHours(2)),
    CCU(Duration.ofHours(2)),
    PCI(Duration.ofHours(2));

    private final Duration defaultNormTime;

    CareKind(Duration defaultNormTime) {
        this.defaultNormTime = defaultNormTime;
    }

    public Duration defaultNormTime() {
        return defaultNormTime;
    }
}
