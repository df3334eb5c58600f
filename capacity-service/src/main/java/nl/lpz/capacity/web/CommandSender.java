package nl.lpz.capacity.web;

import java.util.Map;
import nl.lpz.capacity.command.CommandRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.ProblemCodes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits until its transaction committed (the local command bus handles it in this thread), and
 * turns domain refusals into problem answers.
 */
@Component
class CommandSender {
    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command, String locationOrOrganisation) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandRejected e) {
            throw CapacityProblems.refusal(e.code(), e.getMessage(), Map.of());
        } catch (AggregateNotFoundException e) {
            throw CapacityProblems.unknownLocation(locationOrOrganisation);
        } catch (ConcurrencyException e) {
            // another instance appended to the same aggregate first; nothing of this command was written
            throw new ApiException(HttpStatus.CONFLICT, ProblemCodes.CONFLICT,
                    "a concurrent change to " + locationOrOrganisation + " won; retry the request");
        }
    }
}
