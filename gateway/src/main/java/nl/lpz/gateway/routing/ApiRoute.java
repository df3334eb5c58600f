package nl.lpz.gateway.routing;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One line of the route table: requests whose path matches one of {@code paths} (and whose method is in
 * {@code methods}, when given) go to {@code backend}.
 *
 * @param streaming a long-lived response (SSE): no time limit and no circuit breaker, flushed as it arrives
 */
public record ApiRoute(String id, Backend backend, List<String> paths, Set<HttpMethod> methods, boolean streaming) {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    public ApiRoute {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
    }

    static ApiRoute of(String id, Backend backend, String... paths) {
        return new ApiRoute(id, backend, List.of(paths), Set.of(), false);
    }

    ApiRoute onlyFor(HttpMethod... httpMethods) {
        return new ApiRoute(id, backend, paths, Set.of(httpMethods), streaming);
    }

    ApiRoute asStream() {
        return new ApiRoute(id, backend, paths, methods, true);
    }

    /** Whether a request (concrete path, method) is sent along this route. */
    public boolean matches(String path, HttpMethod method) {
        if (!methods.isEmpty() && !methods.contains(method)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (String pattern : paths) {
            PathPattern parsed = PARSER.parse(pattern);
            if (parsed.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
