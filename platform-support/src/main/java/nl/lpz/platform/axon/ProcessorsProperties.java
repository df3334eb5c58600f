package nl.lpz.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance takes part in the Axon streaming processors ({@code lpz.processors.*}): the name under which it
 * claims segments in the JPA token store and keeps its heartbeat for the {@link SegmentBalancer}, and how often the
 * balancer looks. The balancer itself is switched off with {@code lpz.processors.balance.enabled=false} (a condition
 * of {@link SegmentBalancingAutoConfiguration}, not bound here).
 *
 * @param nodeId  this instance's name in {@code token_entry.owner} and {@code processor_node}; blank (the default)
 *                for {@code pid@host}, as Axon's own
 * @param balance the segment balancer
 */
@ConfigurationProperties("lpz.processors")
public record ProcessorsProperties(String nodeId, @DefaultValue Balance balance) {

    public ProcessorsProperties {
        nodeId = nodeId == null ? "" : nodeId;
    }

    /** @param interval time between two looks of the balancer (heartbeat, then releasing or claiming segments) */
    public record Balance(@DefaultValue("10s") Duration interval) {
    }
}
