package nl.lpz.reporting.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import nl.lpz.reporting.readmodel.StreamAudience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the change log ({@code region_change}) out to SSE subscribers. A poller reads rows after its cursor every
 * {@code lpz.reporting.stream.poll-interval-ms}; every instance reads the shared table, so it does not matter which
 * instance projected a change. Rows restricted to an organisation (changes of a hidden organisation) go only to
 * subscribers acting for it. A subscriber resuming with Last-Event-ID first gets the rows after it from the table,
 * while live rows that arrive meanwhile are held back and sent after, without gaps or repeats. Rows are kept for
 * {@link StreamProperties#retentionHours()}.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class RegionChangeHub implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RegionChangeHub.class);
    private static final int PAGE = 1000;
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    /** One change-log row, with what its kind's audience decides by (read once, for all subscribers). */
    record Change(long seq, String roazRegionId, String organisationId, String restrictedTo, String kind,
                  String payload, Object subject) {
        boolean visibleTo(Subscription s) {
            if (restrictedTo != null && !restrictedTo.equals(s.organisation)) {
                return false;
            }
            StreamAudience.Teller teller = s.tellers.get(kind);
            return teller == null || teller.tells(subject, organisationId);
        }
    }

    private static final String COLUMNS =
            "seq, roaz_region_id, organisation_id, restricted_to_organisation, kind, payload::text as payload";

    private final RowMapper<Change> changeRow = (rs, i) -> {
        String kind = rs.getString("kind");
        String payload = rs.getString("payload");
        StreamAudience audience = audienceOf(kind);
        return new Change(rs.getLong("seq"), rs.getString("roaz_region_id"), rs.getString("organisation_id"),
                rs.getString("restricted_to_organisation"), kind, payload,
                audience == null ? null : audience.subject(payload));
    };

    private final JdbcTemplate jdbc;
    private final Map<String, StreamAudience> audiences;
    private final long retentionHours;
    private final Map<String, Set<Subscription>> byRegion = new ConcurrentHashMap<>();
    private volatile long cursor = -1;
    private volatile boolean running;

    RegionChangeHub(JdbcTemplate jdbc, StreamProperties properties, List<StreamAudience> audiences,
                    ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        Gauge.builder("lpz.stream.subscribers", this::subscribers)
                .description("open SSE streams of the regional change log on this instance")
                .register(meters.getIfAvailable(() -> Metrics.globalRegistry));
        this.audiences = audiences.stream().collect(Collectors.toUnmodifiableMap(StreamAudience::kind, a -> a));
        this.retentionHours = properties.retentionHours();
    }

    /**
     * @param organisation the organisation whose restricted changes the subscriber sees (null: none)
     * @param tellers      per change kind, whether the subscriber is told a change of it (kinds without one: always)
     */
    public SseEmitter subscribe(String roazRegionId, String organisation, Map<String, StreamAudience.Teller> tellers,
                                Long lastEventId) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscription s = new Subscription(roazRegionId, organisation, Map.copyOf(tellers), emitter, lastEventId);
        Set<Subscription> set = byRegion.computeIfAbsent(roazRegionId, k -> new CopyOnWriteArraySet<>());
        set.add(s);
        emitter.onCompletion(() -> remove(s));
        emitter.onTimeout(() -> remove(s));
        emitter.onError(e -> remove(s));
        // the status line and headers go out with this, not with the first change or heartbeat up to 15 s later: a
        // client (and the gateway's time limit for an answer) learns at once that its stream is open
        s.comment("subscribed");
        if (lastEventId != null) {
            // registered before reading, so rows committed meanwhile reach the buffer; sends before the response
            // is set up are buffered by the emitter
            long after = lastEventId;
            List<Change> page;
            do {
                page = changesAfter(roazRegionId, organisation, after);
                List<Change> visible = new ArrayList<>(page.size());
                for (Change c : page) {
                    if (c.visibleTo(s)) {
                        visible.add(c);
                    }
                    after = c.seq();
                }
                s.sendDirect(visible);
            } while (page.size() == PAGE && s.open);
            s.endReplay();
        }
        return emitter;
    }

    private List<Change> changesAfter(String roazRegionId, String organisation, long after) {
        return jdbc.query("select " + COLUMNS + """
                         from region_change
                        where roaz_region_id = ? and seq > ?
                          and (restricted_to_organisation is null or restricted_to_organisation = ?)
                        order by seq limit ?""", changeRow, roazRegionId, after, organisation, PAGE);
    }

    @Scheduled(fixedDelayString = "${lpz.reporting.stream.poll-interval-ms:200}")
    void poll() {
        try {
            if (cursor < 0) {
                Long max = jdbc.queryForObject("select coalesce(max(seq), 0) from region_change", Long.class);
                cursor = max == null ? 0 : max;
                return;
            }
            if (byRegion.values().stream().allMatch(Set::isEmpty)) {
                Long max = jdbc.queryForObject("select coalesce(max(seq), ?) from region_change where seq > ?",
                        Long.class, cursor, cursor);
                cursor = max == null ? cursor : max;
                return;
            }
            List<Change> page;
            do {
                page = jdbc.query("select " + COLUMNS + " from region_change where seq > ? order by seq limit ?",
                        changeRow, cursor, PAGE);
                // per subscriber, the page's changes it may see go out in one write and one flush: with a thousand
                // subscribers, a write per change and subscriber was what the stream's cost grew with
                Map<Subscription, List<Change>> bySubscriber = new HashMap<>();
                for (Change c : page) {
                    Set<Subscription> subscribers = byRegion.get(c.roazRegionId());
                    if (subscribers != null) {
                        for (Subscription s : subscribers) {
                            if (c.visibleTo(s)) {
                                bySubscriber.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
                            }
                        }
                    }
                }
                bySubscriber.forEach(Subscription::deliver);
                if (!page.isEmpty()) {
                    cursor = page.get(page.size() - 1).seq();
                }
            } while (page.size() == PAGE);
        } catch (RuntimeException e) {
            log.warn("change-log poll failed: {}", e.getMessage());
        }
    }

    @Scheduled(fixedRateString = "${lpz.reporting.stream.heartbeat-interval-ms:15000}",
            initialDelayString = "${lpz.reporting.stream.heartbeat-interval-ms:15000}")
    void heartbeat() {
        byRegion.values().forEach(set -> set.forEach(Subscription::heartbeat));
    }

    @Scheduled(fixedDelay = 600_000L, initialDelay = 60_000L)
    void purge() {
        int n = jdbc.update("delete from region_change where created_at < clock_timestamp() - make_interval(hours => ?)",
                (int) retentionHours);
        if (n > 0) {
            log.info("deleted {} change-log rows older than {} h", n, retentionHours);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait for these
     * never-ending requests; clients reconnect with their Last-Event-ID (to another instance).
     */
    @Override
    public void stop() {
        running = false;
        byRegion.values().forEach(set -> set.forEach(Subscription::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private StreamAudience audienceOf(String kind) {
        return kind == null ? null : audiences.get(kind);
    }

    /** Number of open subscriptions (for tests and metrics). */
    public int subscribers() {
        return byRegion.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(Subscription s) {
        s.open = false;
        Set<Subscription> set = byRegion.get(s.roazRegionId);
        if (set != null) {
            set.remove(s);
        }
    }

    private final class Subscription {
        final String roazRegionId;
        final String organisation;
        final Map<String, StreamAudience.Teller> tellers;
        final SseEmitter emitter;
        volatile boolean open = true;
        private long lastSent;
        private boolean replaying;
        private final List<Change> held = new ArrayList<>();

        Subscription(String roazRegionId, String organisation, Map<String, StreamAudience.Teller> tellers,
                     SseEmitter emitter, Long lastEventId) {
            this.roazRegionId = roazRegionId;
            this.organisation = organisation;
            this.tellers = tellers;
            this.emitter = emitter;
            this.lastSent = lastEventId == null ? 0 : lastEventId;
            this.replaying = lastEventId != null;
        }

        synchronized void deliver(List<Change> changes) {
            if (replaying) {
                held.addAll(changes);
            } else {
                sendDirect(changes);
            }
        }

        synchronized void endReplay() {
            replaying = false;
            sendDirect(held);
            held.clear();
        }

        /**
         * The changes after the last one sent, in one write and one flush: the frames {@link SseEmitter#event()} would
         * make ({@code id}, {@code event}, {@code data}, blank line), joined. Payloads are single-line JSON.
         */
        synchronized void sendDirect(List<Change> changes) {
            if (!open) {
                return;
            }
            StringBuilder frames = new StringBuilder();
            long last = lastSent;
            for (Change c : changes) {
                if (c.seq() > last) {
                    frames.append("id:").append(c.seq()).append("\nevent:").append(c.kind()).append("\ndata:")
                            .append(c.payload()).append("\n\n");
                    last = c.seq();
                }
            }
            if (frames.isEmpty()) {
                return;
            }
            try {
                emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(frames.toString(), UTF8_TEXT)));
                lastSent = last;
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        synchronized void heartbeat() {
            comment("heartbeat");
        }

        synchronized void comment(String text) {
            if (!open) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment(text));
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        synchronized void close() {
            remove(this);
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }
}
