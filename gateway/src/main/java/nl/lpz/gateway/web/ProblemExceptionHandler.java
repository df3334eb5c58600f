package nl.lpz.gateway.web;

import org.springframework.http.ProblemDetail;
import nl.lpz.contract.Problems;
import nl.lpz.contract.ProblemCodes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import nl.lpz.gateway.config.GatewayProperties;
import nl.lpz.gateway.routing.Backend;
import nl.lpz.gateway.routing.GatewayRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway itself answers into a problem with a code: unknown paths (404), framework errors
 * (their status), oversize bodies (413) and an unreachable, slow or circuit-broken backend
 * ({@code 503 SERVICE_UNAVAILABLE} naming the service). Answers that came from a backend never pass here.
 * Runs before Spring Boot's default handler (order -1).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;
    private final GatewayProperties properties;

    ProblemExceptionHandler(ProblemWriter writer, GatewayProperties properties) {
        this.writer = writer;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return writer.write(exchange, problemOf(exchange, error));
    }

    private ProblemDetail problemOf(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem.problem();
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return new PayloadTooLargeException(properties.maxBodySize().toBytes()).problem();
        }
        Optional<Backend> backend = GatewayRoutes.backendOf(exchange);
        if (backend.isPresent() && !(error instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError())) {
            return unavailable(backend.get(), error);
        }
        if (error instanceof ServerWebInputException input) {
            return Problems.of(400, ProblemCodes.MALFORMED_REQUEST,
                    input.getReason() != null ? input.getReason() : "the request could not be read");
        }
        if (error instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            return Problems.of(status, ProblemCodes.ofStatus(status), detailOf(rse, status));
        }
        log.error("unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.of(500, ProblemCodes.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
    }

    private ProblemDetail unavailable(Backend backend, Throwable error) {
        String service = backend.serviceName();
        String detail;
        if (causedBy(error, CallNotPermittedException.class)
                || error instanceof org.springframework.cloud.gateway.support.ServiceUnavailableException) {
            detail = service + " is unavailable: its circuit breaker is open after repeated failures";
        } else if (causedBy(error, TimeoutException.class)
                || error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
            detail = service + " did not answer within " + properties.backendTimeout().toMillis() + " ms";
        } else if (causedBy(error, ConnectException.class)) {
            detail = service + " is unavailable: it cannot be reached";
        } else if (error instanceof org.springframework.cloud.gateway.support.NotFoundException) {
            detail = service + " is unavailable: none of its instances can be reached";
        } else {
            detail = service + " is unavailable: " + error.getClass().getSimpleName();
        }
        log.warn("{}: {}", detail, error.toString());
        return Problems.of(503, ProblemCodes.SERVICE_UNAVAILABLE, detail);
    }

    private static String detailOf(ResponseStatusException e, int status) {
        if (status == 404) {
            return "there is no endpoint at this path";
        }
        if (e.getReason() != null) {
            return e.getReason();
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "error " + status;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
