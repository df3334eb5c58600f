package nl.lpz.capacity.command;

import nl.lpz.events.ids.Ids;

/**
 * Which {@link MidwifePractice} a command is for. As an aggregate identifier it is {@code midwife-practice:<id>}: the
 * event store keys aggregates by identifier alone, and an id cannot hold a colon, so it meets no location (a bare
 * id), no organisation ({@code organisation:<id>}) and no module provider ({@code module:<m>:<p>}).
 */
public record MidwifePracticeId(String practiceId) {
    static final String PREFIX = "midwife-practice:";

    public MidwifePracticeId {
        if (!Ids.isValid(practiceId)) {
            throw new IllegalArgumentException("a practice id must match " + Ids.PATTERN);
        }
    }

    public static MidwifePracticeId of(String practiceId) {
        return new MidwifePracticeId(practiceId);
    }

    @Override
    public String toString() {
        return PREFIX + practiceId;
    }
}
