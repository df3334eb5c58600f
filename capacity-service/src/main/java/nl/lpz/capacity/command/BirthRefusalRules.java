package nl.lpz.capacity.command;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.capacity.CareKind;

/**
 * Which hospital locations a refusal may name: the refused one and the one that took the woman (when sent) must be
 * registered and offer acute obstetric care ({@link CareKind#VERLOSKUNDE}), and must differ. Either may lie in any
 * ROAZ region: midwives near a border refer across it. Checked at the edge with the location directory, per refusal;
 * a refusal that breaks a rule is rejected with the code, the others of its batch are taken.
 */
public final class BirthRefusalRules {
    /** A named location is not registered (404 when every refusal of a batch is rejected). */
    public static final String UNKNOWN_LOCATION = "UNKNOWN_LOCATION";
    /** A named location does not offer VERLOSKUNDE (422 when every refusal of a batch is rejected). */
    public static final String NO_BIRTH_CARE = "NO_BIRTH_CARE";
    /** The location that took the woman is the one that refused her (400 when every refusal is rejected). */
    public static final String SAME_LOCATION = "SAME_LOCATION";

    /** Why a refusal was rejected. */
    public record Violation(String code, String detail) {
    }

    private BirthRefusalRules() {
    }

    /**
     * The first rule the refusal breaks, or empty; {@code careOffered}: the care each registered location among those
     * named offers (a location absent from it is not registered).
     */
    public static Optional<Violation> check(String refusedLocationId, String takenByLocationId,
                                            Map<String, Set<CareKind>> careOffered) {
        Optional<Violation> refused = birthCare("refusedLocationId", refusedLocationId, careOffered);
        if (refused.isPresent() || takenByLocationId == null) {
            return refused;
        }
        if (takenByLocationId.equals(refusedLocationId)) {
            return Optional.of(new Violation(SAME_LOCATION, "takenByLocationId " + takenByLocationId
                    + " is the location that refused; leave it null when she was not taken elsewhere"));
        }
        return birthCare("takenByLocationId", takenByLocationId, careOffered);
    }

    private static Optional<Violation> birthCare(String field, String locationId,
                                                 Map<String, Set<CareKind>> careOffered) {
        Set<CareKind> care = careOffered.get(locationId);
        if (care == null) {
            return Optional.of(new Violation(UNKNOWN_LOCATION, field + " " + locationId
                    + " is not a registered location"));
        }
        if (!care.contains(CareKind.VERLOSKUNDE)) {
            return Optional.of(new Violation(NO_BIRTH_CARE, field + " " + locationId
                    + " does not offer acute obstetric care (VERLOSKUNDE)"));
        }
        return Optional.empty();
    }
}
