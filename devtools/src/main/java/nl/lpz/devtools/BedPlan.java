package nl.lpz.devtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated, deterministic bed counts for one hospital location. Real per-location bed counts are not published
 * openly, so these are plausible figures by location type (an academic hospital has PICU/NICU, a larger ICU and more
 * wards; a general hospital's size varies), the same on every run for the same location id. Nationally they add up
 * to about 33,000 staffed beds of which about 1,400 adult ICU beds (the real order of magnitude).
 */
final class BedPlan {
    /** One bed as the EPD knows it: where it is and its labels. */
    record BedSpec(String departmentId, String bedId, String specialistisch, String specialisme,
                   String snijdendBeschouwend, boolean covid) {
    }

    /**
     * A kind of unit: department code, label element, specialism, beds in a general / academic hospital, the share of
     * general hospitals that have one, and the share of its beds set up as COVID capacity.
     */
    private record Unit(String dept, String element, String specialisme, String sb, int genMin, int genMax,
                        int acaMin, int acaMax, double generalShare, double covidShare) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("IC", "IC_BEADEMD", null, null, 4, 12, 20, 32, 0.9, 0.25),
            new Unit("IC", "IC_NIET_BEADEMD", null, null, 1, 3, 4, 8, 0.9, 0),
            new Unit("PICU", "PICU", "KINDERGENEESKUNDE", null, 0, 0, 8, 14, 0, 0),
            new Unit("NICU", "NICU", "KINDERGENEESKUNDE", null, 0, 0, 12, 20, 0, 0),
            new Unit("MC", "MC", "INTERNE_GENEESKUNDE", "BESCHOUWEND", 4, 12, 14, 24, 0.95, 0.2),
            new Unit("CCU", "CCU", "CARDIOLOGIE", "BESCHOUWEND", 4, 10, 8, 14, 0.95, 0),
            new Unit("STROKE", "STROKE_UNIT", "NEUROLOGIE", "BESCHOUWEND", 4, 8, 6, 10, 0.5, 0),
            new Unit("ISO", "ISOLATIE", "INTERNE_GENEESKUNDE", "BESCHOUWEND", 2, 6, 6, 10, 0.9, 0.5),
            new Unit("ISOS", "ISOLATIE_SLUIS", "INTERNE_GENEESKUNDE", "BESCHOUWEND", 1, 2, 4, 8, 0.3, 0.5),
            new Unit("KIND", "KLINIEK_KINDEREN", "KINDERGENEESKUNDE", "BESCHOUWEND", 10, 24, 30, 50, 0.9, 0),
            new Unit("NEO", "NEONATOLOGIE_HC", "KINDERGENEESKUNDE", null, 4, 10, 8, 16, 0.85, 0),
            new Unit("VK", "VERLOSKAMER", "GYNAECOLOGIE", null, 4, 8, 6, 10, 0.85, 0),
            new Unit("KRAAM", "KRAAM", "GYNAECOLOGIE", null, 8, 16, 12, 20, 0.85, 0),
            new Unit("PAAZ", "PAAZ", "PSYCHIATRIE", "BESCHOUWEND", 16, 28, 0, 0, 0.5, 0));

    /** Adult wards (KLINIEK_VOLWASSENEN): every hospital has the first four, academic hospitals all of them. */
    private static final List<String[]> WARDS = List.of(
            new String[] {"CHIR", "CHIRURGIE", "SNIJDEND"},
            new String[] {"INT", "INTERNE_GENEESKUNDE", "BESCHOUWEND"},
            new String[] {"CARD", "CARDIOLOGIE", "BESCHOUWEND"},
            new String[] {"LONG", "LONGZIEKTEN", "BESCHOUWEND"},
            new String[] {"ORTH", "ORTHOPEDIE", "SNIJDEND"},
            new String[] {"GER", "GERIATRIE", "BESCHOUWEND"},
            new String[] {"NEUR", "NEUROLOGIE", "BESCHOUWEND"},
            new String[] {"MDL", "MDL", "BESCHOUWEND"},
            new String[] {"URO", "UROLOGIE", "SNIJDEND"},
            new String[] {"GYN", "GYNAECOLOGIE", "SNIJDEND"},
            new String[] {"KNO", "KNO", "SNIJDEND"},
            new String[] {"NCH", "NEUROCHIRURGIE", "SNIJDEND"},
            new String[] {"CTC", "CARDIOTHORACALE_CHIRURGIE", "SNIJDEND"},
            new String[] {"CHIR2", "CHIRURGIE", "SNIJDEND"},
            new String[] {"INT2", "INTERNE_GENEESKUNDE", "BESCHOUWEND"});

    private BedPlan() {
    }

    /** The beds of a location; {@code scale} (0..1] thins every unit out (at least one bed per unit stays). */
    static List<BedSpec> bedsFor(SimLocation location, double scale) {
        Random random = new Random(location.locationId().hashCode() * 31L + 7);
        boolean academic = location.academic();
        List<BedSpec> beds = new ArrayList<>();
        for (Unit u : UNITS) {
            int min = academic ? u.acaMin() : u.genMin();
            int max = academic ? u.acaMax() : u.genMax();
            boolean present = max > 0 && (academic || random.nextDouble() < u.generalShare());
            int n = between(random, min, max);
            if (present) {
                addUnit(beds, u.dept(), u.element(), u.specialisme(), u.sb(), scaled(n, scale), u.covidShare());
            }
        }
        int wards = academic ? WARDS.size() : 4 + random.nextInt(6);
        for (int w = 0; w < wards; w++) {
            String[] ward = WARDS.get(w);
            int n = between(random, academic ? 24 : 20, 32);
            double covid = ward[1].equals("LONGZIEKTEN") ? 0.3 : 0;
            addUnit(beds, ward[0], "KLINIEK_VOLWASSENEN", ward[1], ward[2], scaled(n, scale), covid);
        }
        return beds;
    }

    private static void addUnit(List<BedSpec> beds, String dept, String element, String specialisme, String sb,
                                int n, double covidShare) {
        int covidBeds = (int) Math.round(n * covidShare);
        int first = (int) beds.stream().filter(b -> b.departmentId().equals(dept)).count() + 1;
        for (int i = 0; i < n; i++) {
            String bedId = "%s-%02d".formatted(dept, first + i);
            beds.add(new BedSpec(dept, bedId, element, specialisme, sb, i < covidBeds));
        }
    }

    private static int between(Random random, int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }

    private static int scaled(int n, double scale) {
        return Math.max(1, (int) Math.round(n * scale));
    }
}
