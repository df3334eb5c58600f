package nl.lpz.capacity.config;

import java.time.Clock;
import nl.lpz.capacity.command.AggregateProperties;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * capacity-service's own Axon wiring: the Location and ModuleProvider aggregates cached and snapshotted off the
 * request thread, and every processor failing loudly instead of logging and skipping. The serializer's mapper, the token store and the command
 * retry are platform-support's (AxonDefaultsAutoConfiguration), as is the Kafka publisher (OutboxAutoConfiguration).
 * Cache size and snapshot threshold: {@link AggregateProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateProperties.class)
public class AxonConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Strong, bounded LRU cache (not Axon's WeakReferenceCache, whose entries every young GC clears, so that most
     * commands re-sourced their Location from snapshot + events): see {@link BoundedAggregateCache}.
     */
    @Bean
    Cache locationCache(AggregateProperties aggregate) {
        return new BoundedAggregateCache(aggregate.aggregateCache().maxEntries());
    }

    /** The module providers' own cache of the same kind, so that neither aggregate evicts the other's entries. */
    @Bean
    Cache moduleProviderCache(AggregateProperties aggregate) {
        return new BoundedAggregateCache(aggregate.aggregateCache().maxEntries());
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
                                                      AggregateProperties aggregate) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, aggregate.snapshotThreshold());
    }

    @Bean
    SnapshotTriggerDefinition moduleProviderSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
                                                            AggregateProperties aggregate) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, aggregate.snapshotThreshold());
    }

    /**
     * A handler failure must not be logged and skipped: for the subscribing directory it rolls the command back (the
     * Kafka publisher's processor fails its batch anyway: platform-support's outbox).
     */
    @Autowired
    void configureErrorHandling(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
