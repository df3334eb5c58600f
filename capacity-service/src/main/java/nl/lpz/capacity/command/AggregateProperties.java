package nl.lpz.capacity.command;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Location and ModuleProvider aggregates are kept ready for commands: their snapshots
 * ({@code lpz.snapshot-threshold}) and the bounded cache each kind lives in between commands
 * ({@code lpz.aggregate-cache.*}; the locations' cache is filled at start-up by the {@link LocationCacheWarmer}).
 *
 * @param snapshotThreshold events after which a Location or ModuleProvider is snapshotted (off the request thread)
 * @param aggregateCache    the aggregate cache and its warm-up
 */
@ConfigurationProperties("lpz")
public record AggregateProperties(
        @DefaultValue("500") int snapshotThreshold,
        @DefaultValue AggregateCache aggregateCache) {

    /**
     * @param maxEntries        locations the cache holds, and module providers their own cache (least recently used
     *                          evicted first); the warm-up loads no more locations
     * @param warmUp            whether every known location is loaded into the cache right after start-up
     * @param warmUpTimeLimit   time after which the warm-up stops and the instance reports ready anyway
     */
    public record AggregateCache(
            @DefaultValue("2000") int maxEntries,
            @DefaultValue("true") boolean warmUp,
            @DefaultValue("120s") Duration warmUpTimeLimit) {
    }
}
