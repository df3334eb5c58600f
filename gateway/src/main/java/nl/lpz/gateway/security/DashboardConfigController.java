package nl.lpz.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dashboard/config.json} (public): how the dashboard page signs users in. {@code {"signIn":"dev"}} when
 * the gateway issues its own tokens (profile {@code local}); otherwise {@code {"signIn":"oidc","issuer","clientId",
 * "scope"}} for the authorization-code flow with PKCE against the configured identity provider
 * ({@link DashboardOidcProperties}; the issuer defaults to the resource server's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). Without an issuer or client id the answer is
 * {@code {"signIn":"oidc"}} with a {@code problem} text, which the page shows.
 */
@RestController
class DashboardConfigController {
    static final String PATH = "/dashboard/config.json";

    private final boolean devTokens;
    private final String issuer;
    private final String clientId;
    private final String scope;

    DashboardConfigController(ObjectProvider<DevTokenIssuer> devTokenIssuer, DashboardOidcProperties oidc,
                              ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        this.devTokens = devTokenIssuer.getIfAvailable() != null;
        String configured = oidc.issuer();
        this.issuer = stripTrailingSlash(configured.isEmpty() ? resourceServerIssuer(resourceServer) : configured);
        this.clientId = oidc.clientId();
        this.scope = oidc.scope();
    }

    /** {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or empty. */
    private static String resourceServerIssuer(ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        OAuth2ResourceServerProperties properties = resourceServer.getIfAvailable();
        String issuerUri = properties == null ? null : properties.getJwt().getIssuerUri();
        return issuerUri == null ? "" : issuerUri.strip();
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (devTokens) {
            body.put("signIn", "dev");
        } else {
            body.put("signIn", "oidc");
            if (issuer.isEmpty() || clientId.isEmpty()) {
                body.put("problem", "OIDC sign-in is not configured: set lpz.gateway.dashboard.oidc.client-id and "
                        + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or lpz.gateway.dashboard.oidc.issuer)");
            } else {
                body.put("issuer", issuer);
                body.put("clientId", clientId);
                body.put("scope", scope);
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
