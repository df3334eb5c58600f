package nl.lpz.gateway.config;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the backends the gateway routes to ({@code lpz.services.*}). Each is one URL (Kubernetes: the
 * Service balances) or a comma-separated list of the instances of that backend, which the gateway balances itself
 * (round robin, a refused connection retried on the next instance; docs/services/gateway.md).
 */
@ConfigurationProperties("lpz.services")
public record ServicesProperties(
        @DefaultValue("http://127.0.0.1:8081") List<URI> capacityUrl,
        @DefaultValue("http://127.0.0.1:8082") List<URI> stopUrl,
        @DefaultValue("http://127.0.0.1:8083") List<URI> reportingUrl) {

    public ServicesProperties {
        capacityUrl = instances("capacity-url", capacityUrl);
        stopUrl = instances("stop-url", stopUrl);
        reportingUrl = instances("reporting-url", reportingUrl);
    }

    private static List<URI> instances(String property, List<URI> urls) {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("lpz.services." + property + " needs at least one URL");
        }
        for (URI url : urls) {
            if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
                throw new IllegalArgumentException("lpz.services." + property + ": not an http(s) URL with a host: "
                        + url);
            }
        }
        return List.copyOf(urls);
    }
}
