package nl.lpz.platform.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The write services' event store: Axon's JDBC storage engine on the tables of {@code db/axon} (ADR 0019), in place
 * of the JPA engine Axon's auto-configuration would take. A command's events are appended in one batched INSERT whose
 * global index the database assigns ({@code V13__global_index_default.sql}); the JPA engine made every event a
 * Hibernate entity, with its own round trip for the next index, and read them back as entities for the processors.
 * Same tables, same columns, same serializers: a store written by either engine is read by the other. The connection
 * is the Spring transaction's, so events, tokens and a service's own rows still commit together.
 * {@code lpz.event-store.engine=jpa} brings Axon's JPA engine back.
 */
@AutoConfiguration(after = AxonBoot4OrderingAutoConfiguration.class, beforeName = {"org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@ConditionalOnClass(JdbcEventStorageEngine.class)
@ConditionalOnProperty(name = "lpz.event-store.engine", havingValue = "jdbc", matchIfMissing = true)
public class JdbcEventStoreAutoConfiguration {
    /** The JPA entities' table and column names (V1__axon_tables.sql), not the JDBC engine's camel-case defaults. */
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    EventStorageEngine eventStorageEngine(DataSource dataSource, Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<PersistenceExceptionResolver> exceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          TransactionManager transactionManager) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .schema(SCHEMA)
                .dataType(byte[].class);
        exceptionResolver.ifAvailable(builder::persistenceExceptionResolver);
        return builder.build();
    }
}
