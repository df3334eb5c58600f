package nl.lpz.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void givenACode_whenAProblemIsBuilt_thenTypeTitleStatusDetailAndCodeFollowTheContract() {
        ProblemDetail problem = Problems.of(409, ProblemCodes.CONFLICT, "won twice");

        assertThat(problem.getType()).hasToString("urn:lpz:problem:conflict");
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("won twice");
        assertThat(Problems.codeOf(problem)).isEqualTo("CONFLICT");
    }

    @Test
    void givenAStatusWithoutASpecificCode_whenAsked_thenTheGenericCodeOfItsClass() {
        assertThat(ProblemCodes.ofStatus(414)).isEqualTo(ProblemCodes.URI_TOO_LONG);
        assertThat(ProblemCodes.ofStatus(418)).isEqualTo(ProblemCodes.MALFORMED_REQUEST);
        assertThat(ProblemCodes.ofStatus(502)).isEqualTo(ProblemCodes.INTERNAL_ERROR);
    }
}
