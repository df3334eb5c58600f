package nl.lpz.devtools;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.lpz.devtools.BedPlan.BedSpec;

/**
 * The EPD side of every hospital: bed states and the changes an EPD would push, generated deterministically from a
 * seed. A tick picks beds at random (so larger hospitals change more often) and moves them through the day's rhythm:
 * admissions from the morning into the evening, discharges around midday, few changes at night, reservations for
 * planned admissions, beds blocked for lack of staff, COVID patients in COVID-capacity beds and a few elsewhere.
 * Each bed settles around a target occupancy for its element (ICU ~78 %, wards ~82 %, maternity lower).
 */
final class EpdSimulation {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Relative activity per hour of the day (local time); mean 1. */
    private static final double[] ACTIVITY = normalise(new double[] {
            0.35, 0.3, 0.3, 0.3, 0.3, 0.35, 0.5, 0.8, 1.2, 1.5, 1.6, 1.6,
            1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.7, 0.55, 0.45});
    /** Relative chance of an admission per hour; mean 1. */
    private static final double[] ADMIT = normalise(new double[] {
            0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.9, 1.2, 1.3, 1.3, 1.3,
            1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7});
    /** Relative chance of a discharge per hour; mean 1. */
    private static final double[] DISCHARGE = normalise(new double[] {
            0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.4, 1.8, 2.0, 2.0,
            2.0, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2});

    /** One bed's current state as the EPD sees it. */
    static final class Bed {
        final SimLocation location;
        final BedSpec spec;
        String status;
        String patientCovidStatus;

        Bed(SimLocation location, BedSpec spec) {
            this.location = location;
            this.spec = spec;
        }
    }

    private final List<Bed> beds = new ArrayList<>();
    private final Random random;
    private double carry;

    EpdSimulation(List<SimLocation> locations, double scale, long seed) {
        this.random = new Random(seed);
        for (SimLocation location : locations) {
            for (BedSpec spec : BedPlan.bedsFor(location, scale)) {
                Bed bed = new Bed(location, spec);
                initialise(bed);
                beds.add(bed);
            }
        }
    }

    List<Bed> beds() {
        return beds;
    }

    /** The full snapshot of one location's beds as they stand (bed events without eventId). */
    List<BedEvent> snapshot(SimLocation location, Instant now) {
        return beds.stream().filter(b -> b.location.equals(location)).map(b -> event(b, now).withoutEventId()).toList();
    }

    /**
     * The changes of one tick of {@code seconds} at {@code ratePerSecond} on average over a day (more in the day,
     * fewer at night). Every event changes its bed (status or patient status); no bed changes twice in one tick.
     */
    List<BedEvent> tick(Instant now, double seconds, double ratePerSecond) {
        int hour = now.atZone(ZONE).getHour();
        carry += ratePerSecond * seconds * ACTIVITY[hour];
        int wanted = (int) carry;
        carry -= wanted;
        List<BedEvent> events = new ArrayList<>(wanted);
        Set<Bed> touched = new HashSet<>();
        for (int attempts = 0; events.size() < wanted && attempts < wanted * 200 + 200 && !beds.isEmpty(); attempts++) {
            Bed bed = beds.get(random.nextInt(beds.size()));
            if (!touched.contains(bed) && change(bed, hour)) {
                touched.add(bed);
                events.add(event(bed, now));
            }
        }
        return events;
    }

    static double activity(int hour) {
        return ACTIVITY[hour];
    }

    /** Applies one possible change to the bed; false when nothing happened this time. */
    private boolean change(Bed bed, int hour) {
        double target = targetOccupancy(bed.spec.specialistisch());
        double discharge = 0.2 * DISCHARGE[hour];
        double admit = Math.min(0.95, 0.2 * target / (1 - target) * ADMIT[hour]);
        double r = random.nextDouble();
        switch (bed.status) {
            case "AVAILABLE" -> {
                if (r < 0.01) {
                    set(bed, "BLOCKED", null);
                } else if (r < 0.01 + admit) {
                    boolean planned = random.nextDouble() < 0.15 && !isIcu(bed);
                    set(bed, planned ? "RESERVED" : "OCCUPIED", planned ? null : patientFor(bed));
                } else {
                    return false;
                }
            }
            case "RESERVED" -> {
                if (r < 0.5) {
                    set(bed, "OCCUPIED", patientFor(bed));
                } else if (r < 0.55) {
                    set(bed, "AVAILABLE", null);
                } else {
                    return false;
                }
            }
            case "OCCUPIED" -> {
                if ("COVID".equals(bed.patientCovidStatus) && r < 0.03) {
                    set(bed, "OCCUPIED", "COVID_DELABELLED");
                } else if (r < discharge) {
                    set(bed, "AVAILABLE", null);
                } else {
                    return false;
                }
            }
            case "BLOCKED" -> {
                if (r < 0.1) {
                    set(bed, "AVAILABLE", null);
                } else {
                    return false;
                }
            }
            default -> throw new IllegalStateException(bed.status);
        }
        return true;
    }

    private void initialise(Bed bed) {
        double r = random.nextDouble();
        double target = targetOccupancy(bed.spec.specialistisch());
        if (r < 0.02) {
            set(bed, "BLOCKED", null);
        } else if (r < 0.02 + target) {
            set(bed, "OCCUPIED", patientFor(bed));
        } else if (r < 0.05 + target && !isIcu(bed)) {
            set(bed, "RESERVED", null);
        } else {
            set(bed, "AVAILABLE", null);
        }
    }

    private static void set(Bed bed, String status, String patientCovidStatus) {
        bed.status = status;
        bed.patientCovidStatus = patientCovidStatus;
    }

    /** The COVID status of a newly admitted patient: mostly COVID in COVID-capacity beds, a few elsewhere. */
    private String patientFor(Bed bed) {
        double r = random.nextDouble();
        double covid;
        double delabelled;
        if (bed.spec.covid()) {
            covid = 0.6;
            delabelled = 0.15;
        } else if (isIcu(bed)) {
            covid = 0.04;
            delabelled = 0.02;
        } else if (bed.spec.specialistisch().equals("KLINIEK_VOLWASSENEN") || bed.spec.specialistisch().equals("MC")) {
            covid = 0.015;
            delabelled = 0.01;
        } else {
            covid = 0.003;
            delabelled = 0.002;
        }
        return r < covid ? "COVID" : r < covid + delabelled ? "COVID_DELABELLED" : "NON_COVID";
    }

    private static boolean isIcu(Bed bed) {
        return bed.spec.specialistisch().startsWith("IC_") || bed.spec.specialistisch().endsWith("ICU");
    }

    static double targetOccupancy(String element) {
        return switch (element) {
            case "IC_BEADEMD", "IC_NIET_BEADEMD", "PICU", "NICU" -> 0.78;
            case "KLINIEK_VOLWASSENEN", "MC", "CCU", "PAAZ" -> 0.82;
            case "KRAAM" -> 0.55;
            case "VERLOSKAMER" -> 0.45;
            default -> 0.7;
        };
    }

    private BedEvent event(Bed bed, Instant now) {
        BedSpec s = bed.spec;
        // eventIds are unique across runs (the platform deduplicates on them forever), the rest is deterministic
        return new BedEvent(UUID.randomUUID(), bed.location.locationId(),
                s.departmentId(), s.bedId(), bed.status,
                new BedEvent.Labels(s.specialistisch(), s.specialisme(), s.snijdendBeschouwend(), s.covid()),
                "OCCUPIED".equals(bed.status) ? bed.patientCovidStatus : null,
                OffsetDateTime.ofInstant(now, ZONE));
    }

    private static double[] normalise(double[] perHour) {
        double sum = 0;
        for (double v : perHour) {
            sum += v;
        }
        double[] out = new double[perHour.length];
        for (int i = 0; i < perHour.length; i++) {
            out[i] = perHour[i] * perHour.length / sum;
        }
        return out;
    }
}
