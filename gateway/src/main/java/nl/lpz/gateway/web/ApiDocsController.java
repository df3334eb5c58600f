package nl.lpz.gateway.web;

import nl.lpz.gateway.config.GatewayProperties;
import nl.lpz.gateway.config.ServicesProperties;
import nl.lpz.gateway.security.DevTokenIssuer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v3/api-docs}: the aggregated OpenAPI document of the platform; public. */
@RestController
class ApiDocsController {
    private final ApiDocsAggregator aggregator;
    private final JsonMapper json;

    ApiDocsController(JsonMapper json, ServicesProperties services,
                      GatewayProperties properties, ObjectProvider<DevTokenIssuer> devTokens) {
        String version = ApiDocsController.class.getPackage().getImplementationVersion();
        this.aggregator = new ApiDocsAggregator(
                WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build(),
                json, services, properties, devTokens.getIfAvailable() != null, version != null ? version : "dev");
        this.json = json;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> apiDocs() {
        return aggregator.aggregate()
                .map(doc -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(doc)));
    }
}
