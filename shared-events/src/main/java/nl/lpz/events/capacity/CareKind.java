package nl.lpz.events.capacity;

import java.time.Duration;

/**
 * Kinds of acute care a location can offer and stop for: SEH (emergency department), SR (shock room / trauma room),
 * CTT (CT thrombolysis), EHH (first heart aid), CCU, PCI (seed 001), and VERLOSKUNDE (acute obstetric care; its stop
 * is the <i>presentatiestop geboortezorg</i>: ambulances and first-line midwives are asked not to present women in
 * labour for a while). Every kind goes through the same stop procedure (norm time, last-in-region rule per VR,
 * warnings, expiry, lapse by the MMA).
 * <p>
 * The default norm time of a stop is a regional setting; these are the national defaults. The seeds name none for
 * VERLOSKUNDE: its 4 hours are the team's assumption (all delivery rooms taken or no obstetrician free lasts longer
 * than an ED peak, and a stop past twice the norm, 8 hours, still needs the MKA/MMA called first), to be set per ROAZ
 * region like the others.
 * <p>
 * The names are the published language (events, API, the stores' {@code care_offered}): append new kinds at the end
 * and never rename one.
 */
public enum CareKind {
    SEH(Duration.ofHours(2)),
    SR(Duration.ofHours(1)),
    CTT(Duration.ofHours(2)),
    EHH(Duration.ofHours(2)),
    CCU(Duration.ofHours(2)),
    PCI(Duration.ofHours(2)),
    VERLOSKUNDE(Duration.ofHours(4));

    private final Duration defaultNormTime;

    CareKind(Duration defaultNormTime) {
        this.defaultNormTime = defaultNormTime;
    }

    public Duration defaultNormTime() {
        return defaultNormTime;
    }
}
