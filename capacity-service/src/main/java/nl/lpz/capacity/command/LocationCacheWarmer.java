package nl.lpz.capacity.command;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads every known location into the aggregate cache right after start-up, so that the first EPD pushes after a
 * restart (a deploy, a crash at 3 a.m.) do not each wait for their location to be sourced from its snapshot and up
 * to 499 newer events while the others queue behind them. Runs in the background; the readiness probe
 * ({@code locationCacheWarmUp} in the readiness group) reports OUT_OF_SERVICE until it is done or its time limit passed,
 * so a load balancer sends traffic to a warm instance. Off with {@code lpz.aggregate-cache.warm-up=false}.
 */
@Component("locationCacheWarmUpHealthIndicator")
class LocationCacheWarmer implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(LocationCacheWarmer.class);

    private final Repository<Location> locations;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final int maxEntries;
    private final Duration timeLimit;
    private final AtomicInteger warmed = new AtomicInteger();
    private volatile int total = -1;
    private volatile boolean done;

    LocationCacheWarmer(Repository<Location> locationRepository, TransactionManager transactions, JdbcTemplate jdbc,
                        AggregateProperties aggregate) {
        AggregateProperties.AggregateCache cache = aggregate.aggregateCache();
        this.locations = locationRepository;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.enabled = cache.warmUp();
        this.maxEntries = cache.maxEntries();
        this.timeLimit = cache.warmUpTimeLimit();
        this.done = !enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::loadAll, "location-cache-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void loadAll() {
        long start = System.nanoTime();
        try {
            // no more than the cache holds, or the last ones loaded would evict the first
            List<String> ids = jdbc.queryForList("select location_id from location_directory order by location_id limit ?",
                    String.class, maxEntries);
            total = ids.size();
            for (String id : ids) {
                if (System.nanoTime() - start > timeLimit.toNanos()) {
                    log.warn("location cache warm-up stopped at its time limit ({}): {} of {} loaded", timeLimit,
                            warmed.get(), ids.size());
                    return;
                }
                try {
                    // loading inside a unit of work that commits puts the aggregate into the cache
                    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                    unitOfWork.attachTransaction(transactions);
                    ResultMessage<?> loaded = unitOfWork.executeWithResult(() -> locations.load(id),
                            RollbackConfigurationType.ANY_THROWABLE);
                    if (loaded.isExceptional()) {
                        log.debug("warm-up of {} skipped: {}", id, loaded.exceptionResult().toString());
                    } else {
                        warmed.incrementAndGet();
                    }
                } catch (Exception e) {
                    log.debug("warm-up of {} skipped: {}", id, e.toString());
                }
            }
            log.info("location cache warm-up: {} locations loaded in {} ms", warmed.get(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("location cache warm-up failed after {} locations: {}", warmed.get(), e.toString());
        } finally {
            done = true;
        }
    }

    @Override
    public Health health() {
        Health.Builder health = done ? Health.up() : Health.outOfService();
        return health.withDetail("warmed", warmed.get()).withDetail("locations", Math.max(total, 0)).build();
    }
}
