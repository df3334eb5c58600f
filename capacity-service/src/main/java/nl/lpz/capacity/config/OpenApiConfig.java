package nl.lpz.capacity.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import nl.lpz.platform.web.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI from the code; the {@link Caller} parameter comes from gateway headers, not from the client's query. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI capacityOpenApi() {
        return new OpenAPI().info(new Info().title("LPZ capacity-service")
                .description("Topology, bed events, snapshots, settings, the module catalogue, the modules' "
                        + "reports and birth-care refusals (write side)").version("v1"));
    }
}
