package nl.lpz.events.capacity;

/** Who caused a change: the token's subject and, for hospital users and EPD systems, their organisation. */
public record Actor(String subject, String organisation) {
    public static final Actor SYSTEM = new Actor("system", null);
}
