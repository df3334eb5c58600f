package nl.lpz.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lpz.gateway.config.ServicesProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Builds the Spring Cloud Gateway routes from {@link RouteTable}. Every route drops the client's
 * {@code Authorization} header (the services never see the JWT; {@link IdentityHeadersFilter} relays its claims);
 * every non-streaming route runs through the circuit breaker named after its service, whose time limiter bounds the
 * call. A backend with one URL is routed to it directly, with no retry. A backend with several instance URLs is
 * routed to {@code lb://<service name>} ({@link BackendLoadBalancing}, round robin) and a request whose connection
 * to the chosen instance could not be made is sent to another instance (at most once to each): it never reached a
 * backend, so this is safe for POST/PUT too. Nothing else is retried: an answer, an error status or a time-out after
 * the request was sent ends the call.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfig {

    /** Route metadata key holding the {@link Backend} of a route. */
    static final String BACKEND_METADATA = "lpz-backend";

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder builder, ServicesProperties services) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        AtomicInteger order = new AtomicInteger();
        for (ApiRoute route : RouteTable.ROUTES) {
            int instances = route.backend().instanceUrls(services).size();
            URI target = instances > 1 ? URI.create("lb://" + route.backend().serviceName())
                    : route.backend().instanceUrls(services).get(0);
            routes.route(route.id(), r -> {
                BooleanSpec predicate = r.order(order.getAndIncrement())
                        .path(false, route.paths().toArray(String[]::new));
                if (!route.methods().isEmpty()) {
                    predicate = predicate.and().method(route.methods().toArray(HttpMethod[]::new));
                }
                return predicate
                        .filters(f -> {
                            f.removeRequestHeader(HttpHeaders.AUTHORIZATION);
                            if (!route.streaming()) {
                                f.circuitBreaker(c -> c.setName(route.backend().serviceName()));
                            }
                            if (instances > 1) {
                                // inside the circuit breaker: a refusal retried with success is no failure
                                f.retry(c -> c.setRetries(instances - 1)
                                        .allMethods()
                                        .setSeries()
                                        .setStatuses()
                                        .setExceptions(ConnectException.class));
                            }
                            return f;
                        })
                        .metadata(BACKEND_METADATA, route.backend().name())
                        .uri(target);
            });
        }
        return routes.build();
    }
}
