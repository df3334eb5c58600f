package nl.lpz.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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

    /** The base URLs of its instances, in configuration order (one or more). */
    public List<URI> instanceUrls(ServicesProperties services) {
        return switch (this) {
            case CAPACITY -> services.capacityUrl();
            case STOP -> services.stopUrl();
            case REPORTING -> services.reportingUrl();
        };
    }

    /** Whether the gateway balances between several instances of it itself ({@code lb://<service name>}). */
    public boolean balanced(ServicesProperties services) {
        return instanceUrls(services).size() > 1;
    }

    public static Optional<Backend> ofServiceName(String serviceName) {
        for (Backend b : values()) {
            if (b.serviceName.equals(serviceName)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
