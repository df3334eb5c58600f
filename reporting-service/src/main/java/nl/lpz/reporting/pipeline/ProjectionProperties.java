package nl.lpz.reporting.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection deals with a failing record and when it counts as stalled ({@code lpz.reporting.projection.*};
 * docs/reliability.md).
 *
 * @param attempts       attempts at a record that fails deterministically before it is parked (at least 1)
 * @param stallAfter     behind without progress (or the broker or database unreachable) for this long:
 *                       {@code /actuator/health/projection} is DOWN
 * @param sampleInterval time between two looks of {@link ProjectionHealth} at the projection's lag and progress
 */
@ConfigurationProperties("lpz.reporting.projection")
public record ProjectionProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("PT2M") Duration stallAfter,
        @DefaultValue("PT5S") Duration sampleInterval) {
}
