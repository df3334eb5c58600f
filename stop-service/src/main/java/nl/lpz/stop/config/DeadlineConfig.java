package nl.lpz.stop.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent deadlines: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler's {@code scheduled_tasks} table
 * (Flyway V2). Scheduling goes through a {@link TransactionAwareDataSourceProxy}, so a deadline row is written in the
 * same transaction as the events of the command that scheduled it: both or neither. A deadline whose instant passed
 * while the service was down is due at start-up and fires then; the board ignores deadlines that no longer apply, so
 * a re-run after a crash between the handler's commit and db-scheduler's delete publishes nothing twice. A failed
 * attempt (a race with another instance on the same board) is retried within seconds ({@link DeadlineRetry}).
 * <p>
 * db-scheduler's Spring Boot starter targets Boot 3, so the scheduler is built here and started as the last
 * component of the context (stopped first), after every aggregate is registered.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StopsProperties.class)
class DeadlineConfig {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, ObjectProvider<DeadlineManager> deadlineManager,
                                StopsProperties stops) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        List.of(deadlineTask(deadlineManager, stops)))
                .pollingInterval(stops.deadlinePollingInterval())
                .heartbeatInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .threads(4)
                .enableImmediateExecution()
                .build();
    }

    /**
     * Axon's deadline task, with a prompt retry ({@link DeadlineRetry}) in place of db-scheduler's five minutes; the
     * task name and data stay Axon's, so rows scheduled before this change still run.
     */
    static Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ObjectProvider<DeadlineManager> deadlineManager,
                                                               StopsProperties stops) {
        Task<DbSchedulerBinaryDeadlineDetails> axon = DbSchedulerDeadlineManager.binaryTask(
                () -> (DbSchedulerDeadlineManager) deadlineManager.getObject());
        return Tasks.oneTime(axon.getTaskName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new DeadlineRetry<>(stops.deadlineRetryFirst(), stops.deadlineRetryMax()))
                .execute((instance, context) -> axon.execute(instance, context));
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        return new TolerantDbSchedulerDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false), deadlineScheduler, serializer);
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1000;
            }
        };
    }
}
