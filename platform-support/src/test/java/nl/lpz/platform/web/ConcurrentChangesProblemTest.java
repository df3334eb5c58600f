package nl.lpz.platform.web;

import nl.lpz.contract.ProblemCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import nl.lpz.platform.axon.CommandRetry;
import nl.lpz.platform.axon.ConcurrentChangesException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ConcurrentChangesProblemTest {

    @Test
    void givenACommandThatLostEveryRace_whenAnswered_then409ConflictWithTheSubjectInTheDetail() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("lost"));
        ConcurrentChangesException lost = catchLost(new CommandRetry(gateway, 2, Duration.ZERO));

        ResponseEntity<Object> answer = new ProblemHandler().handleConcurrentChanges(lost);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getProperties()).containsEntry("code", ProblemCodes.CONFLICT);
        assertThat(problem.getDetail())
                .isEqualTo("concurrent changes to loc-1 won 2 times in a row; retry the request");
    }

    private static ConcurrentChangesException catchLost(CommandRetry retry) {
        try {
            retry.sendAndWait(() -> "c", "loc-1");
        } catch (ConcurrentChangesException e) {
            return e;
        }
        throw new AssertionError("expected the retry to give up");
    }
}
