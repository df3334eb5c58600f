package nl.lpz.capacity.config;

import java.util.Optional;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.RepositoryProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caching event-sourcing repository that checks a cached aggregate against the event store before using it.
 * <p>
 * With several instances of capacity-service, another instance may have appended events to a location since this
 * instance cached it. Axon's caching repository would decide the next command on that stale state; an append would
 * then fail on the store's unique (aggregate, sequence) key and be retried, but a refusal decided on stale state
 * (an unknown bed, say) would not be caught at all. One indexed look-up of the aggregate's last sequence number per
 * command closes that: when it differs from the cached version the entry is dropped and the aggregate sourced again
 * (snapshot + newer events). Between this check and the commit another instance can still win the race; the unique
 * key turns that into a {@code ConcurrencyException}, which the web layer retries.
 */
public final class VersionCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {
    private static final Logger log = LoggerFactory.getLogger(VersionCheckedCachingRepository.class);

    private final EventStore eventStore;
    private final Cache cache;

    private VersionCheckedCachingRepository(Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
    }

    public static <T> VersionCheckedCachingRepository<T> create(Class<T> aggregateType, EventStore eventStore,
                                                               Cache cache, SnapshotTriggerDefinition snapshots,
                                                               ParameterResolverFactory parameterResolvers,
                                                               HandlerDefinition handlers,
                                                               RepositoryProvider repositories) {
        EventSourcingRepository.Builder<T> builder = new EventSourcingRepository.Builder<T>(aggregateType) {
        };
        builder.eventStore(eventStore)
                .cache(cache)
                .snapshotTriggerDefinition(snapshots)
                .parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlers)
                .repositoryProvider(repositories);
        return new VersionCheckedCachingRepository<>(builder, eventStore, cache);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean fromCache = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (!fromCache) {
            // just sourced from the store: current by construction, no need to ask again
            return aggregate;
        }
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateIdentifier);
        Long cached = aggregate.version();
        if (stored.isPresent() && !stored.get().equals(cached)) {
            log.debug("{}: cached at version {}, store at {}: sourcing it again", aggregateIdentifier, cached,
                    stored.get());
            cache.remove(aggregateIdentifier);
            // the cache no longer has it, so this sources it from the store
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
