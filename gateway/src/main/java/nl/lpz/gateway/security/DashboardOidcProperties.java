package nl.lpz.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity provider the dashboard page signs users in with outside the {@code local} profile
 * ({@code lpz.gateway.dashboard.oidc.*}), served at {@code /dashboard/config.json} by the
 * {@link DashboardConfigController}.
 *
 * @param issuer   the provider's issuer URL; blank (the default) for the resource server's
 *                 {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, which the controller falls back to
 * @param clientId the dashboard's (public) client id at the provider; blank (the default) leaves sign-in unconfigured
 * @param scope    the scopes the dashboard asks for; blank for the default {@code openid}
 */
@ConfigurationProperties("lpz.gateway.dashboard.oidc")
public record DashboardOidcProperties(String issuer, String clientId, String scope) {

    public DashboardOidcProperties {
        issuer = issuer == null ? "" : issuer.strip();
        clientId = clientId == null ? "" : clientId.strip();
        scope = scope == null || scope.isBlank() ? "openid" : scope.strip();
    }
}
