package nl.lpz.gateway.routing;

import java.net.URI;
import nl.lpz.gateway.config.ServicesProperties;

/** The services behind the gateway; {@link #serviceName()} names them in problems, metrics and circuit breakers. */
public enum Backend {
    CAPACITY("capacity-service"),
    STOP("stop-service"),
    REPORTING("reporting-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public URI baseUrl(ServicesProperties services) {
        return switch (this) {
            case CAPACITY -> services.capacityUrl();
            case STOP -> services.stopUrl();
            case REPORTING -> services.reportingUrl();
        };
    }
}
