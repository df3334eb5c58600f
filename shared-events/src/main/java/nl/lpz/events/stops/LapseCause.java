package nl.lpz.events.stops;

/** Why all stops of a kind in a veiligheidsregio lapsed (seed 001 §5.2, §6). */
public enum LapseCause {
    /** The MMA of the region lapsed them, typically after the last open provider called the dispatch centre. */
    MMA_DECISION,
    /** Every provider of the kind in the region had a stop at once, e.g. after a topology change. */
    ALL_PROVIDERS_STOPPED
}
