package nl.lpz.gateway.routing;

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
 * call. There is no retry filter: a POST/PUT is sent at most once.
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
                            return f;
                        })
                        .metadata(BACKEND_METADATA, route.backend().name())
                        .uri(route.backend().baseUrl(services));
            });
        }
        return routes.build();
    }
}
