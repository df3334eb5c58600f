package nl.lpz.capacity.command;

import nl.lpz.capacity.config.VersionCheckedCachingRepository;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ModuleProvider repository, built as the Location's: a provider reports its units every few minutes for years,
 * so without snapshots each command would source a history that only grows; cached, and checked against the store
 * before a cached aggregate is used, so that several instances can serve the same providers.
 */
@Configuration(proxyBeanMethods = false)
class ModuleProviderRepositoryConfig {

    @Bean
    Repository<ModuleProvider> moduleProviderRepository(
            EventStore eventStore, @Qualifier("moduleProviderCache") Cache cache,
            @Qualifier("moduleProviderSnapshotTrigger") SnapshotTriggerDefinition snapshots,
            ParameterResolverFactory parameterResolvers, HandlerDefinition handlers,
            org.axonframework.config.Configuration configuration) {
        return VersionCheckedCachingRepository.create(ModuleProvider.class, eventStore, cache, snapshots,
                parameterResolvers, handlers, configuration::repository);
    }
}
