package nl.lpz.gateway.security;

import nl.lpz.contract.Problems;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.gateway.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 of the gateway as problems, with the RFC 6750 {@code WWW-Authenticate} challenge on 401. */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemSecurityHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String detail = "a valid bearer token is required";
        String challenge = "Bearer";
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            detail = "the bearer token was rejected: " + error.getDescription();
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return writer.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHENTICATED, detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange, Problems.of(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ROLE,
                "the token's roles do not allow this request"));
    }
}
