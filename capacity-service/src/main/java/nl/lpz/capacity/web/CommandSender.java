package nl.lpz.capacity.web;

import java.util.Map;
import nl.lpz.capacity.command.CommandRejected;
import nl.lpz.platform.axon.CommandRetry;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits until its transaction committed (the local command bus handles it in this thread), and
 * turns domain refusals into problem answers. A command that lost the append race to another instance is sent again
 * by platform-support's {@link CommandRetry} ({@code lpz.commands.retry}: 10 attempts with a random, growing pause,
 * then 409 {@code CONFLICT}).
 */
@Component
class CommandSender {
    private final CommandRetry retry;

    CommandSender(CommandRetry retry) {
        this.retry = retry;
    }

    <R> R send(Object command, String locationOrOrganisation) {
        try {
            return retry.sendAndWait(() -> command, locationOrOrganisation);
        } catch (CommandRejected e) {
            throw CapacityProblems.refusal(e.code(), e.getMessage(), Map.of());
        } catch (AggregateNotFoundException e) {
            throw CapacityProblems.unknownLocation(locationOrOrganisation);
        }
    }
}
