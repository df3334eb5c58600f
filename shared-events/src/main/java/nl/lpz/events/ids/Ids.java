package nl.lpz.events.ids;

/** The one id rule of the contract: every id is 1..64 characters of {@code [A-Za-z0-9._-]}. */
public final class Ids {
    /** The rule as a regular expression, for OpenAPI schemas and tests; {@link #isValid} checks it without one. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    public static boolean isValid(String value) {
        // a loop, not the regex: every id of every event is checked on the way in and again when an event is read
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    static String require(String value, String kind) {
        if (!isValid(value)) {
            throw new InvalidIdException(kind, value);
        }
        return value;
    }
}
