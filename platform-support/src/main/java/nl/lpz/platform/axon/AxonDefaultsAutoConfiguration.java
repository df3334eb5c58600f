package nl.lpz.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.lpz.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every Axon write service configures the same way: Axon's Jackson (2) mapper is the published language's (the
 * Kafka wire format, ISO instants) for events, snapshots, tokens and deadlines; the JPA token store claims segments
 * under {@code lpz.processors.node-id} (default {@code pid@host}, as Axon's and the {@link SegmentBalancer}'s), so that
 * two instances in one JVM do not take each other's claims for their own ({@link ProcessorsProperties}); and the
 * {@link CommandRetry} ({@link CommandRetryProperties}). Each bean yields to a service's own.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@ConditionalOnClass({TokenStoreProperties.class, ObjectMapper.class})
@EnableConfigurationProperties({CommandRetryProperties.class, ProcessorsProperties.class})
public class AxonDefaultsAutoConfiguration {

    /** Axon's auto-configuration takes the mapper of this name for its JacksonSerializer. */
    @Bean("defaultAxonObjectMapper")
    @ConditionalOnMissingBean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper();
    }

    @Bean
    @ConditionalOnMissingBean
    CommandRetry commandRetry(CommandGateway gateway, CommandRetryProperties retry,
                              ObjectProvider<MeterRegistry> meters) {
        return new CommandRetry(gateway, retry.maxAttempts(), retry.pause(), meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnClass(MeterRegistry.class)
    EventProcessorMetrics lpzEventProcessorMetrics(ObjectProvider<MeterRegistry> meters,
                                      ObjectProvider<EventProcessingConfiguration> processing,
                                      ObjectProvider<EventStore> store) {
        return new EventProcessorMetrics(meters, processing, store);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "jakarta.persistence.EntityManager")
    static class JpaTokenStoreConfiguration {

        /** Axon's JPA token store as its auto-configuration builds it, with the node id settable. */
        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                              TokenStoreProperties properties, ProcessorsProperties processors) {
            JpaTokenStore.Builder builder = JpaTokenStore.builder()
                    .entityManagerProvider(entityManagerProvider)
                    .serializer(serializer)
                    .claimTimeout(properties.getClaimTimeout());
            if (!processors.nodeId().isBlank()) {
                builder.nodeId(processors.nodeId());
            }
            return builder.build();
        }
    }
}
