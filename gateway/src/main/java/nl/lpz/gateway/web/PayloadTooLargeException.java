package nl.lpz.gateway.web;

import org.springframework.http.HttpStatus;

/** A request body over the limit, declared by Content-Length or found while reading a chunked body. */
public class PayloadTooLargeException extends ProblemException {
    public PayloadTooLargeException(long limit) {
        super(Problem.of(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                "the request body exceeds " + limit + " bytes"));
    }
}
