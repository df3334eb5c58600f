package nl.lpz.gateway.routing;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * Which {@code /api} paths go to which service (docs/architecture.md). The first matching line wins; a path that
 * matches none is answered by the gateway with {@code 404 NOT_FOUND}. The same table filters the aggregated
 * OpenAPI document, so it advertises exactly what is routed.
 */
public final class RouteTable {

    public static final List<ApiRoute> ROUTES = List.of(
            // reporting-service: the birth-care refusals read per location, ROAZ region and midwife practice, and a
            // location's profile page; before capacity-service's lines, which take the rest of /locations/** and
            // /birth-care/**
            ApiRoute.of("reporting-location-reads", Backend.REPORTING,
                    "/api/v1/locations/*/refusals",
                    "/api/v1/locations/*/profile",
                    "/api/v1/regions/*/refusals/**",
                    "/api/v1/birth-care/refusals/mine"),
            // reporting-service: a scenario of the acute-care map replayed on the stop history; before capacity-service's
            // line, which takes the rest of /acute-care-map/**
            ApiRoute.of("reporting-acute-care-replay", Backend.REPORTING,
                    "/api/v1/acute-care-map/replay"),
            ApiRoute.of("reporting-acute-care-locations", Backend.REPORTING, "/api/v1/acute-care-map/locations"),
            // capacity-service: topology (and the safety regions' reference table), beds, settings, code lists, the
            // module catalogue and the modules' reports, birth-care refusals (write), the acute-care map (LAZK)
            ApiRoute.of("capacity", Backend.CAPACITY,
                    "/api/v1/safety-regions",
                    "/api/v1/acute-care-map/**",
                    "/api/v1/birth-care/**",
                    "/api/v1/modules/**",
                    "/api/v1/locations/**",
                    "/api/v1/bed-events",
                    "/api/v1/organisations/**",
                    "/api/v1/code-lists/**",
                    "/api/v1/regions/*/locations",
                    "/api/v1/safety-regions/*/locations"),
            // stop-service: the stop procedure and the norm times it applies per ROAZ region
            ApiRoute.of("stop", Backend.STOP,
                    "/api/v1/stops/**",
                    "/api/v1/stop-announcements/**",
                    "/api/v1/safety-regions/*/stops/lapse",
                    "/api/v1/regions/*/norm-times"),
            // reporting-service: the live region stream, without time limit
            ApiRoute.of("reporting-stream", Backend.REPORTING,
                    "/api/v1/regions/*/stream").asStream(),
            // reporting-service: read models and feeds
            ApiRoute.of("reporting-stops", Backend.REPORTING,
                    "/api/v1/safety-regions/*/stops").onlyFor(HttpMethod.GET, HttpMethod.HEAD),
            ApiRoute.of("reporting", Backend.REPORTING,
                    "/api/v1/regions/*/capacity",
                    "/api/v1/regions/*/modules/**",
                    "/api/v1/rcps/**",
                    "/api/v1/lcps/**",
                    "/api/v1/public/**",
                    "/api/v1/stop-statistics/**",
                    "/api/v1/compliance/**",
                    "/api/v1/validation/**",
                    "/api/v1/audit/**"));

    private RouteTable() {
    }

    /** The route a request takes, if any. */
    public static Optional<ApiRoute> routeFor(String path, HttpMethod method) {
        return ROUTES.stream().filter(r -> r.matches(path, method)).findFirst();
    }
}
