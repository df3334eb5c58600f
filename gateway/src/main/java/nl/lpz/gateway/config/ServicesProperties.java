package nl.lpz.gateway.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Base URLs of the backends the gateway routes to ({@code lpz.services.*}). */
@ConfigurationProperties("lpz.services")
public record ServicesProperties(
        @DefaultValue("http://127.0.0.1:8081") URI capacityUrl,
        @DefaultValue("http://127.0.0.1:8082") URI stopUrl,
        @DefaultValue("http://127.0.0.1:8083") URI reportingUrl) {
}
