package nl.lpz.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.12 orders its auto-configurations after Boot 3 class names that moved in Boot 4; the sorter ignores
 * unknown names, so without this Axon wires a SimpleEventBus with no event store (stack-notes §2, ADR 0001). This
 * empty configuration restores the order: Boot's DataSource/JPA/transactions first, then Axon's.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"},
        beforeName = {"org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonBoot4OrderingAutoConfiguration {
}
