package nl.lpz.gateway.web;

import nl.lpz.contract.Problems;
import nl.lpz.contract.ProblemCodes;
import org.springframework.http.HttpStatus;

/** A request body over the limit, declared by Content-Length or found while reading a chunked body. */
public class PayloadTooLargeException extends ProblemException {
    public PayloadTooLargeException(long limit) {
        super(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                "the request body exceeds " + limit + " bytes"));
    }
}
