package nl.lpz.capacity.command;

/** A command refused by a domain rule, with the contract's problem {@code code}. */
public class CommandRejected extends RuntimeException {
    public static final String OCCURRED_IN_FUTURE = "OCCURRED_IN_FUTURE";
    public static final String OCCURRED_TOO_EARLY = "OCCURRED_TOO_EARLY";
    public static final String EVENT_ID_CONFLICT = "EVENT_ID_CONFLICT";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String UNKNOWN_LABEL_ELEMENT = "UNKNOWN_LABEL_ELEMENT";
    public static final String DUPLICATE_BED = "DUPLICATE_BED";
    public static final String DUPLICATE_THRESHOLD = "DUPLICATE_THRESHOLD";
    public static final String DUPLICATE_UNIT = "DUPLICATE_UNIT";
    public static final String CARE_NOT_OFFERED = "CARE_NOT_OFFERED";
    public static final String OVERLAPPING_OPENING_HOURS = "OVERLAPPING_OPENING_HOURS";

    private final String code;

    public CommandRejected(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
