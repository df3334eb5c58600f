package nl.lpz.platform.web;

import java.time.Clock;
import java.util.List;
import nl.lpz.contract.IdentityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/** Problem answers, the caller identity and the body limit for every MVC service on the classpath. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemHandler.class)
@EnableConfigurationProperties(IdentityProperties.class)
public class PlatformWebAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PlatformWebAutoConfiguration.class);

    /**
     * Callers only with the gateway's proof (ADR 0017). A service without the gateway's public key does not start,
     * unless told explicitly to trust the headers.
     */
    @Bean
    CallerIdentification lpzCallerIdentification(IdentityProperties identity) {
        if (identity.trustHeaders()) {
            log.warn("lpz.identity.trust-headers=true: this service takes the {}* headers without the gateway's proof;"
                    + " anyone who reaches it can act with any role. For debugging only.", IdentityHeaders.PREFIX);
            return new TrustedHeaders();
        }
        List<String> keys = identity.gatewayPublicKeys().stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("lpz.identity.gateway-public-keys is not set: name the gateway's public key"
                    + " (PEM file or classpath: resource) so this service can verify the gateway's identity proof");
        }
        return new GatewayProofVerifier(new GatewayKeys(keys, Clock.systemUTC()), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<ApiRequestFilter> lpzApiRequestFilter(CallerIdentification identification) {
        FilterRegistrationBean<ApiRequestFilter> registration =
                new FilterRegistrationBean<>(new ApiRequestFilter(identification));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Request bodies are read as written: a number is no enum value (Jackson would take {@code 1} as the second
     * constant) and a fraction is no count (it would cut {@code 1.5} to {@code 1}); both are 400 problems instead of
     * a silently different request; a control character in an enum constant, instant or number is refused rather than
     * trimmed away ({@link ScalarTextGuard}).
     */
    @Bean
    JsonMapperBuilderCustomizer lpzStrictRequestBodies() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(ScalarTextGuard.module());
    }

    @Bean
    WebMvcConfigurer lpzCallerResolver(CallerIdentification identification) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(identification));
            }
        };
    }
}
