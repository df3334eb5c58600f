package nl.lpz.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;

/** The dashboard's sign-in settings from {@code lpz.gateway.dashboard.oidc.*}, and {@code lpz.data-dir}. */
class DashboardConfigControllerTest {
    static final String RESOURCE_SERVER_ISSUER = "https://login.example.test/realms/lpz";

    @Test
    void givenNoDashboardIssuer_whenReadingConfig_thenTheResourceServersIssuer() {
        DashboardOidcProperties oidc = bind(Map.of("lpz.gateway.dashboard.oidc.client-id", " lpz-dashboard "));

        Map<String, Object> body = controller(oidc, RESOURCE_SERVER_ISSUER + "/").config().getBody();

        assertThat(body).containsExactly(Map.entry("signIn", "oidc"), Map.entry("issuer", RESOURCE_SERVER_ISSUER),
                Map.entry("clientId", "lpz-dashboard"), Map.entry("scope", "openid"));
    }

    @Test
    void givenADashboardIssuer_whenReadingConfig_thenItWinsOverTheResourceServersIssuer() {
        DashboardOidcProperties oidc = bind(Map.of(
                "lpz.gateway.dashboard.oidc.issuer", "https://idp.example.test/",
                "lpz.gateway.dashboard.oidc.client-id", "lpz-dashboard",
                "lpz.gateway.dashboard.oidc.scope", "openid profile"));

        Map<String, Object> body = controller(oidc, RESOURCE_SERVER_ISSUER).config().getBody();

        assertThat(body).containsEntry("issuer", "https://idp.example.test")
                .containsEntry("scope", "openid profile");
    }

    @Test
    void givenNoIssuerAnywhere_whenReadingConfig_thenAProblem() {
        DashboardOidcProperties oidc = bind(Map.of("lpz.gateway.dashboard.oidc.client-id", "lpz-dashboard",
                "lpz.gateway.dashboard.oidc.scope", " "));

        Map<String, Object> body = controller(oidc, null).config().getBody();

        assertThat(body).containsEntry("signIn", "oidc").containsKey("problem").doesNotContainKey("issuer");
        assertThat(oidc.scope()).isEqualTo("openid");
    }

    @Test
    void givenNoDataDir_whenBound_thenDotLpzElseTheSetting() {
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("lpz", LocalDataProperties.class).dataDir()).isEqualTo(Path.of(".lpz"));
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of("lpz.data-dir", "/var/lib/lpz")))
                .bindOrCreate("lpz", LocalDataProperties.class).dataDir()).isEqualTo(Path.of("/var/lib/lpz"));
    }

    private static DashboardOidcProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lpz.gateway.dashboard.oidc", DashboardOidcProperties.class);
    }

    private static DashboardConfigController controller(DashboardOidcProperties oidc, String resourceServerIssuer) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        OAuth2ResourceServerProperties resourceServer = new OAuth2ResourceServerProperties();
        resourceServer.getJwt().setIssuerUri(resourceServerIssuer);
        beans.addBean("resourceServer", resourceServer);
        ObjectProvider<DevTokenIssuer> noDevTokens = beans.getBeanProvider(DevTokenIssuer.class);
        return new DashboardConfigController(noDevTokens, oidc,
                beans.getBeanProvider(OAuth2ResourceServerProperties.class));
    }
}
