package nl.lpz.gateway.routing;

import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/** Which backend an exchange was routed to, for problems that name the service. */
public final class GatewayRoutes {

    private GatewayRoutes() {
    }

    public static Optional<Backend> backendOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return Optional.empty();
        }
        Object backend = route.getMetadata().get(RoutingConfig.BACKEND_METADATA);
        return backend == null ? Optional.empty() : Optional.of(Backend.valueOf(backend.toString()));
    }
}
