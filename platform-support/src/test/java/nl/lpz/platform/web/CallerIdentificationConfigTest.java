package nl.lpz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.testsupport.identity.GatewayProofs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class CallerIdentificationConfigTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class));

    @Test
    void givenNoGatewayKey_whenTheServiceStarts_thenItRefusesNamingTheSetting() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("lpz.identity.gateway-public-keys"));
    }

    @Test
    void givenTheGatewaysKey_whenTheServiceStarts_thenCallersNeedAProof() {
        runner.withPropertyValues("lpz.identity.gateway-public-keys=" + GatewayProofs.PUBLIC_KEY_RESOURCE)
                .run(context -> assertThat(context).getBean(CallerIdentification.class)
                        .isInstanceOf(GatewayProofVerifier.class));
    }

    @Test
    void givenTrustHeadersExplicitly_whenTheServiceStarts_thenTheHeadersAreTakenWithoutAKey() {
        runner.withPropertyValues("lpz.identity.trust-headers=true")
                .run(context -> assertThat(context).getBean(CallerIdentification.class)
                        .isInstanceOf(TrustedHeaders.class));
    }
}
