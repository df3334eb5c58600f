package nl.lpz.platform.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares the segments of this service's streaming (tracking) event processors between its running instances.
 * <p>
 * Axon Framework without Axon Server does not balance segments: the first instance to start claims every segment its
 * threads can hold and keeps them, so a second instance would idle. Every instance therefore records a heartbeat per
 * processor in {@code processor_node}; an instance holding more than its fair share (segments divided by live
 * instances, rounded up) releases the surplus for a while (two rounds, at least 15 s), and an idle thread of another instance claims it
 * (Axon's own claim protocol in {@code token_entry}, so a segment is never processed by two instances at once). When
 * an instance dies its claims expire and the survivors' idle threads take the segments over: every instance must
 * therefore run as many processor threads as there are segments. Handover is at-least-once, like any restart: the
 * batch in flight is sent again from the last committed token, and consumers de-duplicate by event id.
 */
public final class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final Configuration axon;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private static final Duration MIN_RELEASE = Duration.ofSeconds(15);

    private final String nodeId;
    private final Duration releaseFor;
    private final Map<String, String> lastPicture = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    /** @param nodeId this instance's name; blank for {@code pid@host}, which is also Axon's token-claim owner */
    public SegmentBalancer(Configuration axon, JdbcTemplate jdbc, Duration interval, String nodeId) {
        this.axon = axon;
        this.jdbc = jdbc;
        this.interval = interval;
        // pid@host is unique per process on a machine; in Kubernetes the host part is the pod's name
        this.nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        // longer than Axon's token claim interval (5 s), so that another instance's idle thread gets to claim it
        this.releaseFor = interval.multipliedBy(2).compareTo(MIN_RELEASE) < 0 ? MIN_RELEASE : interval.multipliedBy(2);
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segment-balancer");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::balanceSafely, millis / 2, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            // the others need not wait for this heartbeat to age out before counting one instance fewer
            jdbc.update("delete from processor_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("could not remove heartbeat of {}: {}", nodeId, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void balanceSafely() {
        try {
            balanceOnce();
        } catch (RuntimeException e) {
            // a database hiccup must not end the timer; the next round tries again
            log.warn("segment balancing failed: {}", e.toString());
        }
    }

    /** One round for every streaming processor of this service; public for tests. */
    public void balanceOnce() {
        Map<String, EventProcessor> processors = axon.eventProcessingConfiguration().eventProcessors();
        processors.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(name, streaming);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor) {
        jdbc.update("""
                insert into processor_node (processor_name, node_id, last_seen) values (?, ?, now())
                on conflict (processor_name, node_id) do update set last_seen = excluded.last_seen""", name, nodeId);
        long aliveMillis = interval.toMillis() * 3;
        Integer live = jdbc.queryForObject("""
                select count(*) from processor_node
                where processor_name = ? and last_seen > now() - make_interval(secs => ?)""",
                Integer.class, name, aliveMillis / 1000.0);
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, name);
        if (live == null || live < 1 || segments == null || segments == 0) {
            return;
        }
        int fairShare = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        String picture = live + " live instance(s), " + segments + " segment(s), this instance holds " + held;
        if (!picture.equals(lastPicture.put(name, picture))) {
            // once per change, so the log tells an operator who processes what without repeating every round
            log.info("{} on {}: {}", name, nodeId, picture);
        }
        int surplus = held.size() - fairShare;
        if (surplus <= 0) {
            return;
        }
        List<Integer> released = held.subList(0, surplus);
        log.info("{}: {} live instance(s), {} segment(s), this instance ({}) holds {}: releasing {} to the others",
                name, live, segments, nodeId, held.size(), released);
        for (int segment : released) {
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
