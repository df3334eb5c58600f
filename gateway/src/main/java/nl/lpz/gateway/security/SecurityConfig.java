package nl.lpz.gateway.security;

import nl.lpz.contract.Problems;
import nl.lpz.contract.Role;
import java.util.List;
import nl.lpz.gateway.config.GatewayProperties;
import nl.lpz.gateway.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import nl.lpz.contract.ProblemCodes;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The one security chain: stateless bearer-JWT authentication on {@code /api/**}; public health, aggregated
 * OpenAPI, dev tokens (a handler exists only in the {@code local} profile), the dashboard's sign-in settings
 * ({@code /dashboard/config.json}) and static resources; the other actuator
 * endpoints for ADMIN tokens. Authorisation by organisation or region is the services' job.
 *
 * <p>The {@link ReactiveJwtDecoder} is the local key's in the {@code local} profile ({@link LocalTokenConfig}),
 * otherwise Spring Boot's from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemWriter problems,
                                                  GatewayProperties properties,
                                                  ObjectProvider<ReactiveJwtDecoder> decoders) {
        ReactiveJwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new IllegalStateException("no JWT validation configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri), "
                    + "or run with the 'local' profile");
        }
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers(DashboardConfigController.PATH).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").hasAuthority(Role.ADMIN.authority())
                        .anyExchange().permitAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        List<String> origins = properties.corsAllowedOrigins();
        if (origins.isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                    HttpMethod.DELETE.name()));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID"));
            cors.setMaxAge(3600L);
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/api/**", cors);
            source.registerCorsConfiguration("/v3/api-docs", cors);
            http.cors(c -> c.configurationSource(source));
        }
        return http.build();
    }

    /** Requests the security firewall refuses (encoded slashes, {@code ..} segments, ...) also get a problem body. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, Problems.of(HttpStatus.BAD_REQUEST,
                ProblemCodes.MALFORMED_REQUEST, rejected.getMessage()));
    }
}
