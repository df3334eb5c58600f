package nl.lpz.stop.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * stop-service's technical settings under {@code lpz.stops.*}; the regional rules under the same prefix (norm times,
 * regions without stops) are {@link StopRulesProperties}.
 *
 * @param topologyGroup           consumer group of the topology consumer, also the consumer name its parked records
 *                                are filed under
 * @param snapshotThreshold       a board is snapshotted every this many events
 * @param deadlinePollingInterval how often db-scheduler looks for due deadlines: expiries and warnings fire within
 *                                this interval of their instant
 */
@ConfigurationProperties("lpz.stops")
public record StopsProperties(
        @DefaultValue("stop-service-topology") String topologyGroup,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("1s") Duration deadlinePollingInterval) {

    public StopsProperties {
        if (topologyGroup == null || topologyGroup.isBlank()) {
            throw new IllegalArgumentException("lpz.stops.topology-group must not be blank");
        }
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("lpz.stops.snapshot-threshold must be at least 1, not "
                    + snapshotThreshold);
        }
        if (deadlinePollingInterval == null || deadlinePollingInterval.isNegative()
                || deadlinePollingInterval.isZero()) {
            throw new IllegalArgumentException("lpz.stops.deadline-polling-interval must be positive, not "
                    + deadlinePollingInterval);
        }
    }
}
