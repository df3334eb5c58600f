package nl.lpz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import nl.lpz.contract.ProblemCodes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class OutageProblemTest {

    @Test
    void givenTheDatabaseAwayDuringARequest_whenAnswered_then503WithRetryAfterNotA500() {
        RuntimeException outage = new IllegalStateException("PreparedStatementCallback",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        ResponseEntity<Object> answer = new ProblemHandler().handleUnexpected(outage);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getProperties())
                .containsEntry("code", ProblemCodes.SERVICE_UNAVAILABLE);
        assertThat(new ProblemHandler().handleUnexpected(new RuntimeException(new ConnectException("refused")))
                .getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void givenAnUnexpectedErrorThatIsNoOutage_whenAnswered_thenItStaysA500InternalError() {
        ResponseEntity<Object> answer = new ProblemHandler().handleUnexpected(new NullPointerException("bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getProperties())
                .containsEntry("code", ProblemCodes.INTERNAL_ERROR);
    }
}
