package nl.lpz.devtools;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A hospital location as the topology API lists it; only what the simulator and the benchmark need. */
record SimLocation(String locationId, String organisationId, String name, String roazRegionId, String locationType,
                   List<String> careOffered) {
    private static final Pattern ACADEMIC_NAME =
            Pattern.compile("(?i)academisch|universitair|\\bUMC|erasmus medisch|VU medisch");

    SimLocation {
        careOffered = careOffered == null ? List.of() : List.copyOf(careOffered);
    }

    /**
     * Whether the location has inpatient beds: an academic or general hospital. Outpatient clinics
     * ("Buitenpolikliniek") and the children's hospitals listed as separate sites have none of their own here.
     */
    boolean hasBeds() {
        if (locationType != null && !locationType.isBlank()) {
            String t = locationType.toLowerCase(Locale.ROOT);
            return t.contains("academ") || t.contains("algemeen") || t.contains("general");
        }
        return careOffered.contains("SEH");
    }

    boolean academic() {
        if (locationType != null && !locationType.isBlank()) {
            return locationType.toLowerCase(Locale.ROOT).contains("academ");
        }
        return ACADEMIC_NAME.matcher(name == null ? "" : name).find();
    }
}
