package nl.lpz.gateway.web;

import org.springframework.http.ProblemDetail;

/** Ends a request handled by the gateway itself with a problem answer. */
public class ProblemException extends RuntimeException {
    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
