package nl.lpz.capacity.command;

import nl.lpz.events.ValueRules;

/**
 * The aggregates' last guard before {@code apply}: an event a downstream store cannot hold is refused here, whatever
 * the edge let through (a new endpoint, a loader, a test), because once appended it is published and replayed forever.
 */
final class Projectable {
    private Projectable() {
    }

    static <E> E require(E event) {
        ValueRules.firstViolation(event).ifPresent(violation -> {
            throw new CommandRejected(CommandRejected.INVALID_FIELD, violation);
        });
        return event;
    }
}
