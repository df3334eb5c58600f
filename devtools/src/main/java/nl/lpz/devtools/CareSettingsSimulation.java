package nl.lpz.devtools;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * GENERATED settings and first-line reports around the hospitals, deterministic by seed: the opening hours of some
 * EDs that are not open around the clock (Spoed v4 shows them CLOSED outside them), and refusals of women in labour
 * recorded by one simulated midwife practice per ROAZ region. Plausible, not real.
 */
final class CareSettingsSimulation {
    /** About one general hospital's ED in eight keeps hours (Dutch EDs that closed at night, e.g. after a merger). */
    private static final int ONE_IN = 8;
    private static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};
    private static final String[] WEEKEND = {"SATURDAY", "SUNDAY"};
    private static final String[] REASONS = {"NO_DELIVERY_ROOM", "NO_STAFF", "NO_NEONATAL_CARE", "PRESENTATIESTOP",
            "OTHER"};
    /** The reasons' weights: a full delivery ward is the common one. */
    private static final int[] REASON_WEIGHTS = {45, 25, 15, 10, 5};

    /** One refusal as POST /api/v1/birth-care/refusals takes it, with the practice and region that send it. */
    record Refusal(String practiceId, String roazRegionId, Map<String, Object> body) {
    }

    private final List<SimLocation> locations;
    private final Random random;

    CareSettingsSimulation(List<SimLocation> locations, long seed) {
        this.locations = List.copyOf(locations);
        this.random = new Random(seed);
    }

    /**
     * The EDs that keep hours, with their periods (PUT .../opening-hours/SEH): general hospitals, chosen by a hash of
     * the location id so the same ones keep hours on every start; weekdays 08:00–23:00, weekends 09:00–21:00.
     */
    Map<String, List<Map<String, String>>> openingHours() {
        Map<String, List<Map<String, String>>> hours = new LinkedHashMap<>();
        for (SimLocation l : locations) {
            if (l.careOffered().contains("SEH") && !l.academic()
                    && Math.floorMod(l.locationId().hashCode(), ONE_IN) == 0) {
                List<Map<String, String>> periods = new ArrayList<>();
                for (String day : WEEKDAYS) {
                    periods.add(Map.of("day", day, "opens", "08:00", "closes", "23:00"));
                }
                for (String day : WEEKEND) {
                    periods.add(Map.of("day", day, "opens", "09:00", "closes", "21:00"));
                }
                hours.put(l.locationId(), periods);
            }
        }
        return hours;
    }

    /**
     * A refusal at {@code now} by the practice of a random ROAZ region that has at least two locations offering
     * acute obstetric care: one refused, most often another of the region took her; empty when no region has two.
     */
    Optional<Refusal> nextRefusal(Instant now) {
        Map<String, List<SimLocation>> byRegion = new LinkedHashMap<>();
        for (SimLocation l : locations) {
            if (l.careOffered().contains("VERLOSKUNDE") && l.roazRegionId() != null) {
                byRegion.computeIfAbsent(l.roazRegionId(), k -> new ArrayList<>()).add(l);
            }
        }
        byRegion.values().removeIf(list -> list.size() < 2);
        if (byRegion.isEmpty()) {
            return Optional.empty();
        }
        List<String> regions = new ArrayList<>(byRegion.keySet());
        String region = regions.get(random.nextInt(regions.size()));
        List<SimLocation> units = byRegion.get(region);
        SimLocation refused = units.get(random.nextInt(units.size()));
        SimLocation taken = units.get(random.nextInt(units.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", UUID.randomUUID().toString());
        body.put("refusedLocationId", refused.locationId());
        body.put("occurredAt", OffsetDateTime.ofInstant(now.minusSeconds(60L + random.nextInt(600)),
                EpdSimulation.ZONE).toString());
        body.put("reason", reason());
        body.put("takenByLocationId", taken.equals(refused) || random.nextInt(10) == 0 ? null : taken.locationId());
        return Optional.of(new Refusal("VP-SIM-" + region, region, body));
    }

    private String reason() {
        int pick = random.nextInt(100);
        for (int i = 0; i < REASONS.length; i++) {
            pick -= REASON_WEIGHTS[i];
            if (pick < 0) {
                return REASONS[i];
            }
        }
        return REASONS[REASONS.length - 1];
    }
}
