package nl.lpz.testsupport.identity;

import nl.lpz.contract.IdentityHeaders;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurer;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc requests that name a caller ({@code X-Lpz-Subject}) carry the gateway's proof of it, signed with the test
 * key after the test has set its headers, so service tests keep writing identity headers as the gateway relays them.
 * A request that already has a proof keeps it.
 */
@AutoConfiguration
@ConditionalOnClass(MockMvcBuilderCustomizer.class)
public class SignedMockMvcAutoConfiguration {

    @Bean
    MockMvcBuilderCustomizer lpzSignIdentityHeaders() {
        return builder -> builder.apply(new MockMvcConfigurer() {
            @Override
            public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> b,
                                                             WebApplicationContext context) {
                return SignedMockMvcAutoConfiguration::sign;
            }
        });
    }

    static org.springframework.mock.web.MockHttpServletRequest sign(
            org.springframework.mock.web.MockHttpServletRequest request) {
        String subject = request.getHeader(IdentityHeaders.SUBJECT);
        if (subject != null && request.getHeader(IdentityHeaders.PROOF) == null) {
            request.addHeader(IdentityHeaders.PROOF, GatewayProofs.testKey().sign(subject,
                    request.getHeader(IdentityHeaders.ROLES), request.getHeader(IdentityHeaders.ORGANISATION),
                    request.getHeader(IdentityHeaders.REGION), request.getMethod(), request.getRequestURI()));
        }
        return request;
    }
}
