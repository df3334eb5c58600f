package nl.lpz.gateway.web;

import nl.lpz.contract.Problems;
import nl.lpz.contract.ProblemCodes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose path and query are longer than {@link #MAX_URI} characters with {@code 414 URI_TOO_LONG}
 * as a problem, before it reaches a backend. No path of the contract comes near it (ids are at most 64 characters);
 * without this check a longer request line would meet a backend's own limit and get its bare error page instead of a
 * problem. Netty's request-line limit is raised above this one (application.yml) so that this filter sees it first.
 */
@Component
class UriLengthLimitFilter implements WebFilter, Ordered {
    static final int MAX_URI = 4096;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = raw.length() + (query == null ? 0 : query.length() + 1);
        if (length > MAX_URI) {
            return Mono.error(new ProblemException(Problems.of(HttpStatus.URI_TOO_LONG, ProblemCodes.URI_TOO_LONG,
                    "the request's path and query are " + length + " characters long; at most " + MAX_URI)));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before authentication (Spring Security's chain runs at -100): the length alone decides
        return -200;
    }
}
