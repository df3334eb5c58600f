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
 * The Location repository: cached, snapshotted, and checked against the store before a cached aggregate is used, so
 * that several instances can serve the same locations ({@link VersionCheckedCachingRepository}).
 */
@Configuration(proxyBeanMethods = false)
class LocationRepositoryConfig {

    @Bean
    Repository<Location> locationRepository(EventStore eventStore, @Qualifier("locationCache") Cache cache,
                                            @Qualifier("locationSnapshotTrigger") SnapshotTriggerDefinition snapshots,
                                            ParameterResolverFactory parameterResolvers, HandlerDefinition handlers,
                                            org.axonframework.config.Configuration configuration) {
        return VersionCheckedCachingRepository.create(Location.class, eventStore, cache, snapshots,
                parameterResolvers, handlers, configuration::repository);
    }
}
