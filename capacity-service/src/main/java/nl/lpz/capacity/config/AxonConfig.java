package nl.lpz.capacity.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import nl.lpz.events.EventJson;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring: Jackson (2) with ISO instants for events, messages, tokens and snapshots; the Location aggregate
 * cached and snapshotted; processors that fail loudly instead of logging and skipping.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Axon's JacksonSerializer picks this mapper up; the same settings as the Kafka wire format. */
    @Bean
    ObjectMapper axonObjectMapper() {
        return EventJson.mapper();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Strong, bounded LRU cache (not Axon's WeakReferenceCache, whose entries every young GC clears, so that most
     * commands re-sourced their Location from snapshot + events): see {@link BoundedAggregateCache}.
     */
    @Bean
    Cache locationCache(@Value("${lpz.aggregate-cache.max-entries:2000}") int maxEntries) {
        return new BoundedAggregateCache(maxEntries);
    }

    /**
     * Axon's JPA token store, as its auto-configuration would build it, but with the node id that claims segments
     * settable ({@code lpz.processors.node-id}; default {@code pid@host}, unique per process and per pod) so that two
     * instances in one JVM (the scaling test) do not take each other's claims for their own.
     */
    @Bean
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

    /** Snapshots are taken off the request thread; one at a time per aggregate, a backlog beyond 1000 is dropped. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1000), r -> {
            Thread thread = new Thread(r, "axon-snapshotter");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    @Qualifier("snapshotExecutor") ExecutorService executor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(configuration.getComponent(SnapshotterSpanFactory.class))
                .executor(executor)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition locationSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
                                                      @Value("${lpz.snapshot-threshold:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * A handler failure must not be logged and skipped: for the directory it rolls the command back, for the Kafka
     * publisher it fails the batch so it is retried from its token.
     */
    @Autowired
    void configureErrorHandling(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
