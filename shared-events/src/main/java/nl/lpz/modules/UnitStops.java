package nl.lpz.modules;

import java.util.List;
import java.util.Optional;

/**
 * Which stops of stop-service belong with a unit: a dispatcher deciding where an ambulance goes reads an ED's
 * openness and its stop in one place, not on two screens. The stops are not figures the provider reports; the
 * regional picture joins the active stops of these care kinds at the unit's location (the stop procedure, seed 001,
 * stays stop-service's). Taken from the module's current definition for every unit, because it changes how a unit
 * is shown, never what a report meant.
 *
 * @param kinds        care kinds ({@code CareKind} names) whose active stops are shown with the unit, and whose
 *                     availability (open, or on stop) is derived for a location offering them
 * @param availability optional: the unit's availability reads this status figure, or {@code STOP} while a stop of
 *                     {@code stoppedBy} is active, or {@code CLOSED} outside the location's opening hours of
 *                     {@code hoursOf} (when set; an ED that is not open around the clock)
 */
public record UnitStops(List<String> kinds, Optional<Availability> availability) {
    /** The value availability takes while a stop of {@link Availability#stoppedBy()} is active. */
    public static final String STOP = "STOP";
    /** A care kind offered at the location with no active stop. */
    public static final String OPEN = "OPEN";
    /** The value availability takes outside the opening hours of {@link Availability#hoursOf()}. */
    public static final String CLOSED = "CLOSED";

    public static final UnitStops NONE = new UnitStops(List.of(), Optional.empty());

    public UnitStops {
        kinds = List.copyOf(kinds);
    }

    /**
     * @param figure    a status figure of the unit
     * @param stoppedBy one of the stop kinds
     * @param hoursOf   optional: the care kind whose opening hours at the location bound the availability
     */
    public record Availability(String figure, String stoppedBy, Optional<String> hoursOf) {
        public Availability(String figure, String stoppedBy) {
            this(figure, stoppedBy, Optional.empty());
        }
    }
}
