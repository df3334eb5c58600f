package nl.lpz.platform.web;

import nl.lpz.platform.messaging.Failures;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Problems;
import java.util.stream.Collectors;
import nl.lpz.events.ids.InvalidIdException;
import nl.lpz.platform.axon.ConcurrentChangesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every 4xx/5xx of a service is {@code application/problem+json} with a stable {@code code} (api-contract, Errors).
 * Framework errors keep Spring's status and get the code of that status.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> handleApi(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(InvalidIdException.class)
    public ResponseEntity<Object> handleInvalidId(InvalidIdException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_ID, e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<Object> handleTooLarge(PayloadTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** A command that lost the append race to other instances on every attempt (CommandRetry, ADR 0009). */
    @ExceptionHandler(ConcurrentChangesException.class)
    public ResponseEntity<Object> handleConcurrentChanges(ConcurrentChangesException e) {
        return e.interrupted()
                ? respond(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE, e.getMessage()))
                : respond(problem(HttpStatus.CONFLICT, ProblemCodes.CONFLICT, e.getMessage()));
    }

    /**
     * A request the servlet container could not read: a query or form whose %-escapes are no UTF-8 (Tomcat's
     * InvalidParameterException, named here so that this module needs no Tomcat) or a multipart body without its
     * boundary. The client's fault, so 400, never the 500 of an unexpected error (issue 14's hostile input).
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.web.multipart.MultipartException
                    || t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return respond(problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST,
                        "the request's parameters or parts could not be read"));
            }
        }
        if (Failures.isTransient(e)) {
            // the database (or broker) is away for a moment. Whether the request was applied is not known, but sending
            // it again is safe (writes are idempotent by event id), so the client is told to retry, not that it hit a
            // bug (chaos suite: three 500s during a database crash)
            log.warn("a request failed on an outage ({}); answered 503", Failures.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                            "the service's database or broker is unavailable for a moment; send the same request again"));
        }
        log.error("unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return handleTooLarge(tooLarge);
            }
            if (t instanceof InvalidIdException invalidId) {
                return handleInvalidId(invalidId);
            }
            if (t instanceof StrictUtf8.Malformed malformed) {
                return respond(problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST, malformed.getMessage()));
            }
        }
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST, describe(e)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(problem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_FIELD, detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
        return respond(problem(status, codeOf(status), detail));
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        return Problems.of(status, code, detail);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String codeOf(HttpStatusCode status) {
        return ProblemCodes.ofStatus(status.value());
    }

    private static String describe(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DatabindException db) {
                String path = db.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return (path.isEmpty() ? "" : path + ": ") + db.getOriginalMessage();
            }
            if (t instanceof JacksonException je) {
                return "malformed JSON: " + je.getOriginalMessage();
            }
        }
        return "the request body could not be read";
    }
}
