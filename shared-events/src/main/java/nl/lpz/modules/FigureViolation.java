package nl.lpz.modules;

/** Why a report's figures do not fit the module definition: a stable {@code code} (api-contract) and a detail. */
public record FigureViolation(String code, String detail) {
    public static final String UNKNOWN_UNIT_KIND = "UNKNOWN_UNIT_KIND";
    public static final String UNKNOWN_FIGURE = "UNKNOWN_FIGURE";
    public static final String MISSING_FIGURE = "MISSING_FIGURE";
    public static final String FIGURE_TYPE_MISMATCH = "FIGURE_TYPE_MISMATCH";
    public static final String FIGURE_OUT_OF_RANGE = "FIGURE_OUT_OF_RANGE";
    public static final String UNKNOWN_STATUS = "UNKNOWN_STATUS";
    public static final String INVARIANT_BROKEN = "INVARIANT_BROKEN";
    /** A passage (lead times) names a moment its unit kind does not have. */
    public static final String UNKNOWN_MOMENT = "UNKNOWN_MOMENT";
    /** A passage lacks the moment that starts every passage. */
    public static final String MISSING_MOMENT = "MISSING_MOMENT";
    /** A passage's moment lies before an earlier moment of the definition. */
    public static final String MOMENTS_OUT_OF_ORDER = "MOMENTS_OUT_OF_ORDER";
    /** The unit kind keeps no lead times. */
    public static final String NO_PASSAGES = "NO_PASSAGES";
}
