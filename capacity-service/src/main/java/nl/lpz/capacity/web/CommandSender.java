package nl.lpz.capacity.web;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.lpz.capacity.command.CommandRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.ProblemCodes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits until its transaction committed (the local command bus handles it in this thread), sends
 * it again when another instance changed the same aggregate first, and turns domain refusals into problem answers.
 */
@Component
class CommandSender {
    /**
     * Races are rare in practice (one EPD per location pushes sequentially), but a burst at one location through
     * several instances must settle: each attempt waits a random, growing pause so the contenders spread out.
     */
    static final int ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 20;
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command, String locationOrOrganisation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (CommandRejected e) {
                throw CapacityProblems.refusal(e.code(), e.getMessage(), Map.of());
            } catch (AggregateNotFoundException e) {
                throw CapacityProblems.unknownLocation(locationOrOrganisation);
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                // another instance appended to the same aggregate first and nothing of this attempt was written
                // (events and event-id receipts roll back together): decide again on the current state
                if (attempt >= ATTEMPTS) {
                    throw new ApiException(HttpStatus.CONFLICT, ProblemCodes.CONFLICT, "concurrent changes to "
                            + locationOrOrganisation + " won " + ATTEMPTS + " times in a row; retry the request");
                }
                log.debug("{} changed concurrently (attempt {}); sending the command again", locationOrOrganisation,
                        attempt);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, PAUSE_MILLIS * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE, "shutting down; retry");
        }
    }
}
