package nl.lpz.testsupport.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application started in a test JVM trusts the fixed test key ({@link GatewayProofs#testKey()}) unless it is
 * told otherwise: a default below every other property source.
 */
public class TestIdentityEnvironment implements EnvironmentPostProcessor {
    static final String PROPERTY = "lpz.identity.gateway-public-keys";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("lpz-test-identity",
                Map.of(PROPERTY, GatewayProofs.PUBLIC_KEY_RESOURCE)));
    }
}
