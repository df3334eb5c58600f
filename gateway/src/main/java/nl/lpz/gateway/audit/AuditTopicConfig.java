package nl.lpz.gateway.audit;

import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares {@link Topics#AUDIT} as reporting-service does (whichever starts first creates it): three partitions,
 * seven days. The topic only carries entries to the audit store; the store is the record (docs/audit.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "lpz.audit.enabled", matchIfMissing = true)
class AuditTopicConfig {
    @Bean
    NewTopic auditTopic(@Value("${lpz.kafka.replication-factor:1}") int replicas) {
        return TopicBuilder.name(Topics.AUDIT).partitions(Topics.AUDIT_PARTITIONS).replicas(replicas)
                .config("retention.ms", String.valueOf(Topics.AUDIT_RETENTION_MS)).build();
    }
}
