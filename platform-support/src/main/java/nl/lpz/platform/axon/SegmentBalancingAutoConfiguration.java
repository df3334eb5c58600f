package nl.lpz.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link SegmentBalancer} for services with Axon streaming processors. Its {@code processor_node} table is
 * migrated from {@code classpath:db/axon} ({@code V3__processor_nodes.sql}, beside Axon's own tables), which those
 * services list in {@code spring.flyway.locations}. Off with {@code lpz.processors.balance.enabled=false}; its
 * interval and this instance's node id are {@link ProcessorsProperties}.
 */
@AutoConfiguration(afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({StreamingEventProcessor.class, Configuration.class, JdbcTemplate.class})
@ConditionalOnProperty(name = "lpz.processors.balance.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ProcessorsProperties.class)
public class SegmentBalancingAutoConfiguration {

    @Bean
    SegmentBalancer segmentBalancer(Configuration axon, JdbcTemplate jdbc, ProcessorsProperties processors) {
        return new SegmentBalancer(axon, jdbc, processors.balance().interval(), processors.nodeId());
    }
}
