package nl.lpz.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import nl.lpz.events.EventJson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every Axon write service configures the same way: Axon's Jackson (2) mapper is the published language's (the
 * Kafka wire format, ISO instants) for events, snapshots, tokens and deadlines; the JPA token store claims segments
 * under {@code lpz.processors.node-id} (default {@code pid@host}, as Axon's and the {@link SegmentBalancer}'s), so that
 * two instances in one JVM do not take each other's claims for their own; and the {@link CommandRetry}. Each bean
 * yields to a service's own.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@ConditionalOnClass({TokenStoreProperties.class, ObjectMapper.class})
public class AxonDefaultsAutoConfiguration {

    /** Axon's auto-configuration takes the mapper of this name for its JacksonSerializer. */
    @Bean("defaultAxonObjectMapper")
    @ConditionalOnMissingBean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    @Bean
    @ConditionalOnMissingBean
    CommandRetry commandRetry(CommandGateway gateway,
                              @Value("${lpz.commands.retry.max-attempts:5}") int maxAttempts,
                              @Value("${lpz.commands.retry.pause:0ms}") Duration pause) {
        return new CommandRetry(gateway, maxAttempts, pause);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.persistence.EntityManager")
    static class JpaTokenStoreConfiguration {

        /** Axon's JPA token store as its auto-configuration builds it, with the node id settable. */
        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                              TokenStoreProperties properties, @Value("${lpz.processors.node-id:}") String nodeId) {
            JpaTokenStore.Builder builder = JpaTokenStore.builder()
                    .entityManagerProvider(entityManagerProvider)
                    .serializer(serializer)
                    .claimTimeout(properties.getClaimTimeout());
            if (!nodeId.isBlank()) {
                builder.nodeId(nodeId);
            }
            return builder.build();
        }
    }
}
