package nl.lpz.reporting.audit;

import nl.lpz.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares {@link Topics#AUDIT} as the gateway does (whichever starts first creates it; the same settings): three
 * partitions, seven days. The topic only carries entries to this store, which is the record.
 */
@Configuration(proxyBeanMethods = false)
class AuditTopicConfig {
    @Bean
    NewTopic auditTopic(@Value("${lpz.kafka.replication-factor:1}") int replicas) {
        return TopicBuilder.name(Topics.AUDIT).partitions(Topics.AUDIT_PARTITIONS).replicas(replicas)
                .config("retention.ms", String.valueOf(Topics.AUDIT_RETENTION_MS)).build();
    }
}
