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
 * @param deadlineRetryFirst      a deadline whose handling failed is tried again after this, doubling per failure
 * @param deadlineRetryMax        ... up to this
 */
@ConfigurationProperties("lpz.stops")
public record StopsProperties(
        @DefaultValue("stop-service-topology") String topologyGroup,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("1s") Duration deadlinePollingInterval,
        @DefaultValue("1s") Duration deadlineRetryFirst,
        @DefaultValue("30s") Duration deadlineRetryMax) {

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
        if (deadlineRetryFirst == null || deadlineRetryFirst.isNegative() || deadlineRetryFirst.isZero()
                || deadlineRetryMax == null || deadlineRetryMax.compareTo(deadlineRetryFirst) < 0) {
            throw new IllegalArgumentException("lpz.stops.deadline-retry-first must be positive and at most "
                    + "lpz.stops.deadline-retry-max, not " + deadlineRetryFirst + " and " + deadlineRetryMax);
        }
    }
}
