package nl.lpz.gateway.web;

import nl.lpz.contract.Role;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.lpz.gateway.config.GatewayProperties;
import nl.lpz.gateway.config.ServicesProperties;
import nl.lpz.gateway.routing.ApiRoute;
import nl.lpz.gateway.routing.Backend;
import nl.lpz.gateway.routing.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The platform's OpenAPI document: each reachable backend's {@code /v3/api-docs}, cut to the operations the gateway
 * routes to that backend, merged with the gateway's own endpoints. A backend that does not answer is left out and
 * named in {@code x-lpz-missing} and {@code info.description}. Components with the same name but different content
 * in two backends are kept apart by prefixing the later one with its service name.
 */
public class ApiDocsAggregator {
    private static final Logger log = LoggerFactory.getLogger(ApiDocsAggregator.class);
    private static final List<String> OPERATIONS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+}");
    private static final String BEARER_SCHEME = "bearer-jwt";

    private final WebClient client;
    private final JsonMapper json;
    private final ServicesProperties services;
    private final GatewayProperties properties;
    private final boolean devTokens;
    private final String version;

    public ApiDocsAggregator(WebClient client, JsonMapper json, ServicesProperties services,
                             GatewayProperties properties, boolean devTokens, String version) {
        this.client = client;
        this.json = json;
        this.services = services;
        this.properties = properties;
        this.devTokens = devTokens;
        this.version = version;
    }

    private record Fetched(Backend backend, Optional<JsonNode> doc) {
    }

    public Mono<ObjectNode> aggregate() {
        return Flux.fromArray(Backend.values())
                .flatMapSequential(this::fetch)
                .collectList()
                .map(this::merge);
    }

    /** The backend's document from the first of its instances that answers (they all serve the same one). */
    private Mono<Fetched> fetch(Backend backend) {
        return Flux.fromIterable(backend.instanceUrls(services))
                .concatMap(base -> fetchFrom(backend, base.resolve("/v3/api-docs")))
                .next()
                .timeout(properties.apiDocsTimeout())
                .onErrorResume(e -> {
                    log.info("OpenAPI of {} left out: {}", backend.serviceName(), e.toString());
                    return Mono.empty();
                })
                .defaultIfEmpty(new Fetched(backend, Optional.empty()));
    }

    private Mono<Fetched> fetchFrom(Backend backend, URI uri) {
        return client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .map(body -> new Fetched(backend, Optional.of(json.readTree(body))))
                .filter(f -> f.doc().get().isObject())
                .onErrorResume(e -> {
                    log.debug("OpenAPI of {} at {}: {}", backend.serviceName(), uri, e.toString());
                    return Mono.empty();
                });
    }

    private ObjectNode merge(List<Fetched> fetched) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", fetched.stream().flatMap(f -> f.doc().stream())
                .map(d -> d.path("openapi").asString("3.1.0")).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "LPZ platform API");
        info.put("version", version);
        merged.putArray("servers").addObject().put("url", "/");
        merged.putArray("security").addObject().putArray(BEARER_SCHEME);
        ArrayNode tags = merged.putArray("tags");
        Map<String, ObjectNode> paths = new TreeMap<>();
        ObjectNode components = json.createObjectNode();
        List<String> missing = new ArrayList<>();
        for (Fetched f : fetched) {
            if (f.doc().isEmpty()) {
                missing.add(f.backend().serviceName());
                continue;
            }
            ObjectNode doc = (ObjectNode) f.doc().get().deepCopy();
            renameClashingComponents(doc, components, f.backend());
            mergeComponents(doc.path("components"), components);
            mergePaths(doc.path("paths"), paths, f.backend());
            mergeTags(doc.path("tags"), tags);
        }
        if (devTokens) {
            paths.put("/dev/tokens", devTokensPath());
        }
        ObjectNode pathsNode = merged.putObject("paths");
        paths.forEach(pathsNode::set);
        components.putObject("securitySchemes").putObject(BEARER_SCHEME)
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "claims sub, roles, organisation, region");
        merged.set("components", components);
        StringBuilder description = new StringBuilder("The external contract of the LPZ platform, served by the gateway. "
                + "Every /api/** operation needs a bearer JWT; errors are application/problem+json with a code.");
        if (!missing.isEmpty()) {
            description.append(" Left out because they did not answer: ").append(String.join(", ", missing)).append('.');
        }
        info.put("description", description.toString());
        ArrayNode missingNode = merged.putArray("x-lpz-missing");
        missing.forEach(missingNode::add);
        return merged;
    }

    private void mergePaths(JsonNode backendPaths, Map<String, ObjectNode> paths, Backend backend) {
        for (Map.Entry<String, JsonNode> entry : backendPaths.properties()) {
            if (!entry.getValue().isObject()) {
                continue;
            }
            String concrete = TEMPLATE_VARIABLE.matcher(entry.getKey()).replaceAll("x");
            ObjectNode item = (ObjectNode) entry.getValue();
            ObjectNode kept = json.createObjectNode();
            boolean anyOperation = false;
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String name = field.getKey();
                if (OPERATIONS.contains(name)) {
                    HttpMethod method = HttpMethod.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                    Optional<ApiRoute> route = RouteTable.routeFor(concrete, method);
                    if (route.isPresent() && route.get().backend() == backend) {
                        kept.set(name, field.getValue());
                        anyOperation = true;
                    }
                } else {
                    kept.set(name, field.getValue());
                }
            }
            if (anyOperation) {
                ObjectNode existing = paths.get(entry.getKey());
                if (existing == null) {
                    paths.put(entry.getKey(), kept);
                } else {
                    kept.properties().forEach(e -> existing.set(e.getKey(), e.getValue()));
                }
            }
        }
    }

    private void renameClashingComponents(ObjectNode doc, ObjectNode components, Backend backend) {
        Map<String, String> renamedRefs = new HashMap<>();
        JsonNode backendComponents = doc.path("components");
        for (Map.Entry<String, JsonNode> type : backendComponents.properties()) {
            JsonNode existing = components.path(type.getKey());
            if (!type.getValue().isObject()) {
                continue;
            }
            ObjectNode byName = (ObjectNode) type.getValue();
            for (String name : new ArrayList<>(byName.propertyNames())) {
                JsonNode other = existing.get(name);
                if (other != null && !other.equals(byName.get(name))) {
                    String renamed = backend.serviceName() + "_" + name;
                    byName.set(renamed, byName.remove(name));
                    renamedRefs.put("#/components/" + type.getKey() + "/" + name,
                            "#/components/" + type.getKey() + "/" + renamed);
                }
            }
        }
        if (!renamedRefs.isEmpty()) {
            rewriteRefs(doc, renamedRefs);
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamedRefs) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString() && renamedRefs.containsKey(value.stringValue())) {
                    object.set(name, StringNode.valueOf(renamedRefs.get(value.stringValue())));
                } else {
                    rewriteRefs(value, renamedRefs);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && renamedRefs.containsKey(value.stringValue())) {
                    array.set(i, StringNode.valueOf(renamedRefs.get(value.stringValue())));
                } else {
                    rewriteRefs(value, renamedRefs);
                }
            }
        }
    }

    private static void mergeComponents(JsonNode backendComponents, ObjectNode components) {
        for (Map.Entry<String, JsonNode> type : backendComponents.properties()) {
            if (!type.getValue().isObject()) {
                continue;
            }
            JsonNode target = components.get(type.getKey());
            ObjectNode byName = target instanceof ObjectNode o ? o : components.putObject(type.getKey());
            type.getValue().properties().forEach(e -> {
                if (!byName.has(e.getKey())) {
                    byName.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private static void mergeTags(JsonNode backendTags, ArrayNode tags) {
        for (JsonNode tag : backendTags) {
            String name = tag.path("name").asString("");
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").asString("").equals(name);
            }
            if (!known) {
                tags.add(tag);
            }
        }
    }

    private ObjectNode devTokensPath() {
        ObjectNode item = json.createObjectNode();
        ObjectNode post = item.putObject("post");
        post.putArray("tags").add("dev");
        post.put("summary", "Issue a token for testing (local profile only)");
        post.putArray("security");
        ObjectNode schema = post.putObject("requestBody").put("required", true)
                .putObject("content").putObject("application/json").putObject("schema");
        schema.put("type", "object");
        schema.putArray("required").add("sub");
        ObjectNode props = schema.putObject("properties");
        props.putObject("sub").put("type", "string");
        ObjectNode roles = props.putObject("roles").put("type", "array").putObject("items").put("type", "string");
        ArrayNode roleNames = roles.putArray("enum");
        for (nl.lpz.contract.Role role : nl.lpz.contract.Role.values()) {
            roleNames.add(role.name());
        }
        props.putObject("organisation").put("type", "string");
        props.putObject("region").put("type", "string");
        ObjectNode responses = post.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "the signed token")
                .putObject("content").putObject("application/json").putObject("schema");
        ok.put("type", "object");
        ok.putObject("properties").putObject("token").put("type", "string");
        responses.putObject("400").put("description", "INVALID_FIELD (unknown role), INVALID_ID, MALFORMED_REQUEST");
        return item;
    }
}
