package nl.lpz.devtools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Occasional realistic stops of the regional procedure (issue 3), generated from a seed: now and then a hospital
 * location declares a stop of a kind of care it offers — mostly SEH, sometimes CT-trombolyse, shock room, CCU or PCI,
 * rarely EHH or a presentatiestop of its obstetric unit (VERLOSKUNDE) — for 30 to 120 minutes with a Dutch reason;
 * some are ended early, some extended once (with the MKA called when the new total passes twice the norm time), the
 * rest run until they expire. More stops by day than at night ({@link EpdSimulation#activity(int)}).
 *
 * <p>What the platform answers is fed back: {@link #declared} starts the follow-up of a stop, {@link #refused} (e.g.
 * {@code 409 LAST_IN_REGION} or {@code STOP_ALREADY_ACTIVE}) frees the location and kind again, {@link #gone} forgets a
 * stop the platform no longer has (lapsed by the MMA). A location never gets a second declaration of a kind while
 * the simulation believes one is active or pending. Thread-safe: the platform's answers may arrive on another thread.
 */
final class StopSimulation {
    /**
     * The kinds a simulated hospital stops, with their relative frequency. The presentatiestop (VERLOSKUNDE) gets a
     * small share: enough to show the birth-care stop in the regional picture and its statistics, while the stops stay
     * mostly about the ED as in the seeds.
     */
    static final Map<String, Double> KIND_WEIGHTS = orderedWeights(
            "SEH", 0.54, "CTT", 0.15, "SR", 0.10, "CCU", 0.10, "PCI", 0.07, "EHH", 0.03, "VERLOSKUNDE", 0.02);
    /**
     * National default norm times (domain: SEH 2 h, shock room 1 h, the others 2 h; the presentatiestop 4 h, the
     * team's assumption in CareKind).
     */
    static final Map<String, Integer> NORM_MINUTES = Map.of(
            "SEH", 120, "SR", 60, "CTT", 120, "EHH", 120, "CCU", 120, "PCI", 120, "VERLOSKUNDE", 240);
    /** Expected durations a hospital enters, in minutes, with their relative frequency. */
    static final int[] DURATIONS = {30, 45, 60, 60, 75, 90, 90, 120};
    /** Extensions, in minutes added to the total. */
    static final int[] EXTENSIONS = {15, 30, 30, 45, 60};
    static final double END_EARLY = 0.25;
    static final double EXTEND_ONCE = 0.20;

    /** Reasons per kind, as a hospital would type them. */
    static final Map<String, List<String>> REASONS = Map.of(
            "SEH", List.of(
                    "SEH vol, wachtkamer overvol",
                    "Alle behandelkamers SEH bezet",
                    "Tijdelijk geen CT beschikbaar (storing)",
                    "Personeelstekort SEH (ziekte verpleging)",
                    "Geen SEH-arts beschikbaar, dienstdoende bij calamiteit",
                    "Geen opnamebedden, patiënten wachten op de SEH",
                    "Storing ziekenhuisinformatiesysteem, terugval op papier"),
            "CTT", List.of(
                    "Tijdelijk geen CT beschikbaar (storing)",
                    "CT-scanner in onderhoud, geen trombolyse mogelijk",
                    "Geen neuroloog beschikbaar voor trombolyse"),
            "SR", List.of(
                    "Shockroom bezet door meerdere traumapatiënten",
                    "Traumateam niet compleet",
                    "Shockroom buiten gebruik (technische storing)"),
            "CCU", List.of(
                    "CCU vol, geen bewaakt bed beschikbaar",
                    "Personeelstekort CCU",
                    "CCU vol, overplaatsing loopt"),
            "PCI", List.of(
                    "Cathlab storing",
                    "Beide cathlabs bezet met spoedprocedures",
                    "Interventiecardioloog niet beschikbaar"),
            "EHH", List.of(
                    "EHH vol, geen bewaakt bed beschikbaar",
                    "Personeelstekort EHH"),
            "VERLOSKUNDE", List.of(
                    "Alle verloskamers bezet",
                    "Geen gynaecoloog beschikbaar, dienstdoende bij spoedsectio",
                    "Personeelstekort verloskamers (klinisch verloskundigen)",
                    "Kraamafdeling vol, geen bed na de bevalling"));
    static final String END_REASON = "Weer open: capaciteit hersteld";
    static final String EXTEND_REASON = "Situatie duurt langer dan verwacht";

    /** What the simulator should ask the platform. */
    sealed interface Action permits Declare, Extend, End {
    }

    /** {@code POST /api/v1/stops} as HOSPITAL of the location's organisation. */
    record Declare(SimLocation location, String kind, int minutes, String reason) implements Action {
    }

    /** {@code POST /api/v1/stops/{stopId}/extend}: {@code totalMinutes} counted from the start. */
    record Extend(SimLocation location, String kind, String stopId, int totalMinutes, boolean mkaContacted,
                  String reason) implements Action {
    }

    /** {@code POST /api/v1/stops/{stopId}/end}. */
    record End(SimLocation location, String kind, String stopId, String reason) implements Action {
    }

    private enum FollowUp { NONE, END, EXTEND }

    private static final class Active {
        final Declare declaration;
        final String stopId;
        final Instant startedAt;
        Instant expectedEnd;
        int totalMinutes;
        FollowUp followUp;
        Instant followUpAt;
        int extendTo;

        Active(Declare declaration, String stopId, Instant startedAt) {
            this.declaration = declaration;
            this.stopId = stopId;
            this.startedAt = startedAt;
            this.totalMinutes = declaration.minutes();
            this.expectedEnd = startedAt.plus(Duration.ofMinutes(declaration.minutes()));
        }
    }

    private final List<SimLocation> locations;
    private final double declarationsPerHour;
    private final Random random;
    private final Map<String, Active> active = new LinkedHashMap<>();
    private final Set<String> busy = new HashSet<>();

    /**
     * @param locations           the hospital locations (only those offering a stoppable kind ever declare)
     * @param declarationsPerHour nationally, on average over a day; 0 = no stops
     */
    StopSimulation(List<SimLocation> locations, double declarationsPerHour, long seed) {
        this.locations = locations.stream().filter(l -> l.careOffered().stream().anyMatch(KIND_WEIGHTS::containsKey))
                .toList();
        this.declarationsPerHour = Math.max(0, declarationsPerHour);
        this.random = new Random(seed);
    }

    /**
     * The actions due in a tick of {@code seconds} ending at {@code now}: follow-ups (end early, extend once) of the
     * stops that are due and still running, then new declarations (a Poisson number with the tick's mean).
     */
    synchronized List<Action> tick(Instant now, double seconds) {
        List<Action> actions = new ArrayList<>();
        for (Iterator<Active> it = active.values().iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (!now.isBefore(a.expectedEnd)) {
                it.remove(); // expired in the platform
                busy.remove(key(a.declaration.location(), a.declaration.kind()));
                continue;
            }
            if (a.followUp == FollowUp.NONE || now.isBefore(a.followUpAt)) {
                continue;
            }
            Declare d = a.declaration;
            if (a.followUp == FollowUp.END) {
                actions.add(new End(d.location(), d.kind(), a.stopId, END_REASON));
                it.remove();
                busy.remove(key(d.location(), d.kind()));
            } else {
                boolean mka = a.extendTo > 2 * NORM_MINUTES.get(d.kind());
                actions.add(new Extend(d.location(), d.kind(), a.stopId, a.extendTo, mka, EXTEND_REASON));
            }
            a.followUp = FollowUp.NONE;
        }
        int hour = now.atZone(EpdSimulation.ZONE).getHour();
        double mean = declarationsPerHour / 3600.0 * seconds * EpdSimulation.activity(hour);
        for (int n = poisson(mean); n > 0; n--) {
            Declare d = newDeclaration();
            if (d != null) {
                busy.add(key(d.location(), d.kind()));
                actions.add(d);
            }
        }
        return actions;
    }

    /** The platform declared the stop: plan its follow-up (end early, extend once, or let it expire). */
    synchronized void declared(Declare d, String stopId, Instant startedAt) {
        Active a = new Active(d, stopId, startedAt);
        double r = random.nextDouble();
        if (r < END_EARLY) {
            a.followUp = FollowUp.END;
            long minutes = Math.max(5, Math.round(d.minutes() * (0.3 + 0.55 * random.nextDouble())));
            a.followUpAt = startedAt.plus(Duration.ofMinutes(Math.min(minutes, d.minutes() - 1)));
        } else if (r < END_EARLY + EXTEND_ONCE) {
            a.followUp = FollowUp.EXTEND;
            a.extendTo = d.minutes() + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
            long before = 5 + random.nextInt(11); // 5..15 minutes before the end, around the expiry warning
            a.followUpAt = a.expectedEnd.minus(Duration.ofMinutes(Math.min(before, d.minutes() - 1)));
        } else {
            a.followUp = FollowUp.NONE;
        }
        active.put(stopId, a);
        busy.add(key(d.location(), d.kind()));
    }

    /** The platform refused the declaration (last in region, already active, ...) or did not answer: forget it. */
    synchronized void refused(Declare d) {
        busy.remove(key(d.location(), d.kind()));
    }

    /** The platform extended the stop: its new end. */
    synchronized void extended(String stopId, Instant expectedEnd) {
        Active a = active.get(stopId);
        if (a != null) {
            a.expectedEnd = expectedEnd;
            a.totalMinutes = a.extendTo;
        }
    }

    /** The platform no longer has the stop (e.g. lapsed by the MMA): forget it. */
    synchronized void gone(String stopId) {
        Active a = active.remove(stopId);
        if (a != null) {
            busy.remove(key(a.declaration.location(), a.declaration.kind()));
        }
    }

    /** Stops the simulation believes are running. */
    synchronized int activeStops() {
        return active.size();
    }

    private Declare newDeclaration() {
        if (locations.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            SimLocation location = locations.get(random.nextInt(locations.size()));
            String kind = pickKind(location);
            if (kind == null) {
                continue;
            }
            int minutes = DURATIONS[random.nextInt(DURATIONS.length)];
            List<String> reasons = REASONS.get(kind);
            return new Declare(location, kind, minutes, reasons.get(random.nextInt(reasons.size())));
        }
        return null;
    }

    /** A kind the location offers and has no stop of, by {@link #KIND_WEIGHTS}; null when there is none. */
    private String pickKind(SimLocation location) {
        double total = 0;
        List<String> kinds = new ArrayList<>();
        for (Map.Entry<String, Double> k : KIND_WEIGHTS.entrySet()) {
            if (location.careOffered().contains(k.getKey()) && !busy.contains(key(location, k.getKey()))) {
                kinds.add(k.getKey());
                total += k.getValue();
            }
        }
        double r = random.nextDouble() * total;
        for (String kind : kinds) {
            r -= KIND_WEIGHTS.get(kind);
            if (r < 0) {
                return kind;
            }
        }
        return kinds.isEmpty() ? null : kinds.get(kinds.size() - 1);
    }

    /** Knuth's method; fine for the small means of a tick. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int n = 0;
        while (p > limit) {
            n++;
            p *= random.nextDouble();
        }
        return n;
    }

    private static String key(SimLocation location, String kind) {
        return location.locationId() + "/" + kind;
    }

    private static Map<String, Double> orderedWeights(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
