package nl.lpz.modules;

/** What a figure holds: a count (whole, not negative), a duration in whole minutes, or a status from a closed list. */
public enum FigureType {
    COUNT, DURATION_MINUTES, STATUS;

    public boolean numeric() {
        return this != STATUS;
    }
}
