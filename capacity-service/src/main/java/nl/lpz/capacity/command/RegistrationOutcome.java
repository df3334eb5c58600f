package nl.lpz.capacity.command;

/** What {@link RegisterLocation} did. */
public enum RegistrationOutcome {
    CREATED, UPDATED, UNCHANGED
}
