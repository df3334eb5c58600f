package nl.lpz.events.capacity;

/** Who caused a change: the token's subject and, for hospital users and EPD systems, their organisation. */
public record Actor(String subject, String organisation) {
    public static final Actor SYSTEM = new Actor("system", null);
    /**
     * The reference topology's loader: what it sets (a location's care profile) is plausible reference data, not a
     * hospital's statement, and readers say so.
     */
    public static final Actor REFERENCE_TOPOLOGY = new Actor("reference-topology", null);
}
