package nl.lpz.events.ids;

/** An id outside {@link Ids#PATTERN}; web layers turn it into {@code 400 INVALID_ID}. */
public class InvalidIdException extends IllegalArgumentException {
    private final String kind;

    public InvalidIdException(String kind, String value) {
        super(kind + " must match " + Ids.PATTERN + " but was " + (value == null ? "missing" : "'" + value + "'"));
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
