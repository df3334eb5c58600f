package nl.lpz.events.ids;

import java.util.regex.Pattern;

/** The one id rule of the contract: every id is 1..64 characters of {@code [A-Za-z0-9._-]}. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    static String require(String value, String kind) {
        if (!isValid(value)) {
            throw new InvalidIdException(kind, value);
        }
        return value;
    }
}
