package nl.lpz.e2e;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real identity provider in this JVM: Spring Security's OAuth 2.0 authorization server, configured as
 * docs/system-clients.md enrols a hospital system. Each {@link SystemClient} uses the client-credentials grant and
 * authenticates with {@code private_key_jwt} (RFC 7523): ES256 assertions checked against the JWK set the hospital
 * publishes; its access tokens (5 minutes) carry {@code roles: [EPD_SYSTEM]} and the client's {@code organisation}.
 * Issuer {@code http://127.0.0.1:<port>}, discovery and JWK set at the authorization server's usual paths.
 */
final class ReferenceIdentityProvider implements AutoCloseable {
    /** A hospital system's client: its id, the organisation it writes for and the URL of its public keys. */
    record SystemClient(String clientId, String organisation, String jwkSetUrl) {
    }

    /** The enrolled clients, as the service desk registered them. */
    record Enrolment(List<SystemClient> clients) {
        SystemClient byId(String clientId) {
            return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow();
        }
    }

    private final ConfigurableApplicationContext context;

    private ReferenceIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ReferenceIdentityProvider start(List<SystemClient> clients) {
        Enrolment enrolment = new Enrolment(List.copyOf(clients));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("enrolment", enrolment))
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.application.name=reference-idp", "spring.jmx.enabled=false")
                .run();
        return new ReferenceIdentityProvider(context);
    }

    String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String tokenEndpoint() {
        return issuer() + "/oauth2/token";
    }

    String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Config {
        @Bean
        RegisteredClientRepository registeredClients(Enrolment enrolment) {
            return new InMemoryRegisteredClientRepository(enrolment.clients().stream()
                    .map(c -> RegisteredClient.withId(c.clientId())
                            .clientId(c.clientId())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .clientSettings(ClientSettings.builder().jwkSetUrl(c.jwkSetUrl())
                                    .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256).build())
                            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
                            .build())
                    .toList());
        }

        /** The two mappers of the enrolment: the hard-coded organisation and the role. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> systemClientClaims(Enrolment enrolment) {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    SystemClient client = enrolment.byId(context.getRegisteredClient().getClientId());
                    context.getClaims().claim("roles", List.of("EPD_SYSTEM"))
                            .claim("organisation", client.organisation());
                }
            };
        }
    }
}
