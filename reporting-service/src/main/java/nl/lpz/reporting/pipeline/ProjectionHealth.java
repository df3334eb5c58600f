package nl.lpz.reporting.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.lpz.platform.messaging.Failures;
import nl.lpz.platform.messaging.ParkedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the projection ({@code /actuator/health/projection}): how far it is behind the newest published records
 * (records, per partition, and seconds since it was last caught up), whether it makes progress, and how many records
 * it has parked. Behind without progress for longer than {@code lpz.reporting.projection.stall-after} — a consumer
 * stuck on a record, a database that does not come back — turns it DOWN, so an operator's alert fires before a
 * dispatcher notices an old picture. Sampled on a thread of its own (the broker is asked for its end offsets), so a
 * slow broker never delays a health request or the SSE stream's scheduler ({@link ProjectionProperties}).
 */
@Component("projection")
@EnableConfigurationProperties(ProjectionProperties.class)
class ProjectionHealth implements HealthIndicator, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectionHealth.class);

    private final ReadModelRebuild progress;
    private final ParkedRecords parked;
    private final Duration stallAfter;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private final Instant startedAt;
    private volatile Sample last;
    private long lastProjected = -1;
    private Instant lastProgressAt;
    private Instant caughtUpAt;
    private Instant unreachableSince;

    /** One look at the projection; {@code error} when the broker or database could not be asked. */
    record Sample(Instant at, long lag, long projected, long parkedOpen, Instant lastProgressAt, Instant caughtUpAt,
                  List<ReadModelRebuild.PartitionProgress> behind, boolean listenerRunning, String error,
                  Instant unreachableSince) {
    }

    ProjectionHealth(ReadModelRebuild progress, ParkedRecords parked, MeterRegistry meters,
                     ProjectionProperties properties, Clock clock) {
        this.progress = progress;
        this.parked = parked;
        this.stallAfter = properties.stallAfter();
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastProgressAt = startedAt;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-health");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("lpz.reporting.projection.lag.records", () -> last == null ? Double.NaN : last.lag())
                .description("records published but not yet projected").register(meters);
        Gauge.builder("lpz.reporting.projection.lag.seconds", () -> last == null ? Double.NaN : secondsBehind(last))
                .description("seconds since the projection was last caught up (0 when it is)").register(meters);
        Gauge.builder("lpz.consumer.records.parked.open", () -> last == null ? Double.NaN : last.parkedOpen())
                .tag("consumer", ProjectionPipeline.CONSUMER)
                .description("parked records not yet replayed").register(meters);
        sampler.scheduleWithFixedDelay(this::sample, 1000, properties.sampleInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized void sample() {
        Instant now = clock.instant();
        try {
            ReadModelRebuild.Status status = progress.status();
            long projected = status.partitions().stream().mapToLong(ReadModelRebuild.PartitionProgress::projectedOffset)
                    .sum();
            if (projected != lastProjected) {
                lastProjected = projected;
                lastProgressAt = now;
            }
            if (status.lag() == 0) {
                caughtUpAt = now;
            }
            unreachableSince = null;
            last = new Sample(now, status.lag(), projected, parked.openCount(ProjectionPipeline.CONSUMER),
                    lastProgressAt, caughtUpAt,
                    status.partitions().stream().filter(p -> p.lag() > 0).toList(), status.listenerRunning(), null,
                    null);
        } catch (RuntimeException e) {
            if (unreachableSince == null) {
                unreachableSince = now;
            }
            Sample previous = last;
            last = new Sample(now, previous == null ? -1 : previous.lag(), lastProjected,
                    previous == null ? -1 : previous.parkedOpen(), lastProgressAt, caughtUpAt,
                    previous == null ? List.of() : previous.behind(), previous != null && previous.listenerRunning(),
                    Failures.describe(e), unreachableSince);
            log.debug("projection health: cannot sample: {}", Failures.describe(e));
        }
    }

    @Override
    public Health health() {
        Sample s = last;
        if (s == null) {
            return Health.unknown().withDetail("reason", "not sampled yet").build();
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lagRecords", s.lag());
        details.put("secondsBehind", secondsBehind(s));
        details.put("lastProgressAt", s.lastProgressAt());
        details.put("caughtUpAt", s.caughtUpAt());
        details.put("parkedOpen", s.parkedOpen());
        details.put("listenerRunning", s.listenerRunning());
        details.put("stallAfterSeconds", stallAfter.toSeconds());
        if (!s.behind().isEmpty()) {
            details.put("partitionsBehind", s.behind());
        }
        if (s.error() != null) {
            details.put("error", s.error());
            boolean stalled = s.unreachableSince() != null && s.unreachableSince().plus(stallAfter).isBefore(now);
            return (stalled ? Health.down() : Health.unknown()).withDetails(details).build();
        }
        boolean stalled = s.lag() > 0 && s.lastProgressAt().plus(stallAfter).isBefore(now);
        if (stalled) {
            details.put("reason", "behind by " + s.lag() + " records without progress since " + s.lastProgressAt());
            return Health.down().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    private long secondsBehind(Sample s) {
        if (s.lag() == 0) {
            return 0;
        }
        Instant since = s.caughtUpAt() == null ? startedAt : s.caughtUpAt();
        return Math.max(0, Duration.between(since, s.at()).toSeconds());
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
