package nl.lpz.stop.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.util.Arrays;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing right now (db-scheduler
 * refuses to cancel a picked execution) or that already fired is not an error: the board's deadline handlers ignore a
 * deadline that outlived its reason, so a late one is harmless, while a failed cancel would fail the command.
 */
class TolerantDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {
    static final String TASK_NAME = "AxonDeadline";
    private static final Logger log = LoggerFactory.getLogger(TolerantDbSchedulerDeadlineManager.class);

    private final Scheduler scheduler;
    private final Serializer serializer;

    TolerantDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder.scheduler(scheduler).serializer(serializer).useBinaryPojo(true));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        runOnPrepareCommitOrNow(() -> {
            byte[] serializedScope = serializer.serialize(scope, byte[].class).getData();
            scheduler.fetchScheduledExecutionsForTask(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class, execution -> {
                DbSchedulerBinaryDeadlineDetails data = execution.getData();
                if (deadlineName.equals(data.getD()) && Arrays.equals(serializedScope, data.getS())) {
                    cancelQuietly(execution.getTaskInstance());
                }
            });
        });
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancelQuietly(new TaskInstanceId() {
            @Override
            public String getTaskName() {
                return TASK_NAME;
            }

            @Override
            public String getId() {
                return scheduleId;
            }
        }));
    }

    private void cancelQuietly(TaskInstanceId id) {
        try {
            scheduler.cancel(id);
        } catch (RuntimeException firingOrGone) {
            log.debug("deadline {} not cancelled: {}", id.getId(), firingOrGone.getMessage());
        }
    }
}
