package nl.lpz.platform.web;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<ApiRequestFilter> lpzApiRequestFilter() {
        FilterRegistrationBean<ApiRequestFilter> registration = new FilterRegistrationBean<>(new ApiRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Request bodies are read as written: a number is no enum value (Jackson would take {@code 1} as the second
     * constant) and a fraction is no count (it would cut {@code 1.5} to {@code 1}); both are 400 problems instead of
     * a silently different request.
     */
    @Bean
    JsonMapperBuilderCustomizer lpzStrictRequestBodies() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    WebMvcConfigurer lpzCallerResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
