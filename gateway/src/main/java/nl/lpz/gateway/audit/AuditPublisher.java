package nl.lpz.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.audit.AuditEntryRecorded;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends audit entries to {@link Topics#AUDIT} (acks=all, idempotent producer), keyed by the caller's subject. The
 * sending happens on a thread of its own: a send can wait for the broker's metadata, and the gateway's event loop
 * must never wait. {@link #publish} answers when the broker acknowledged the entry, so that the call's answer can
 * wait for it ({@link AuditFilter}), for at most {@code lpz.audit.answer-wait}. An entry the broker does not take, or
 * that finds the queue full, is logged in full at ERROR (logger {@code nl.lpz.gateway.audit}, "AUDIT NOT
 * DELIVERED") and counted: the logs are the second record, and the alert {@code LpzAuditUndelivered} wakes someone
 * (docs/operations.md).
 */
@Component
class AuditPublisher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger("nl.lpz.gateway.audit");
    static final String ENTRIES_METRIC = "lpz.audit.entries";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ThreadPoolExecutor sender;
    private final String instance;
    private final Counter sent;
    private final Counter undelivered;
    private final Counter unconfirmed;
    private final Duration answerWait;

    AuditPublisher(KafkaTemplate<String, byte[]> kafka, AuditProperties settings, MeterRegistry meters) {
        this.kafka = kafka;
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "audit-sender");
            t.setDaemon(true);
            return t;
        });
        this.instance = settings.instance() != null && !settings.instance().isBlank() ? settings.instance()
                : hostName();
        this.sent = Counter.builder(ENTRIES_METRIC).tag("outcome", "sent")
                .description("audit entries the broker acknowledged").register(meters);
        this.undelivered = Counter.builder(ENTRIES_METRIC).tag("outcome", "undelivered")
                .description("audit entries the broker did not take (logged in full at ERROR)").register(meters);
        this.unconfirmed = Counter.builder("lpz.audit.answers.unconfirmed")
                .description("answers that went before the broker acknowledged their audit entry (it stays in the "
                        + "producer's retries)").register(meters);
        this.answerWait = settings.answerWait();
        Gauge.builder("lpz.audit.queue", queue, BlockingQueue::size)
                .description("audit entries waiting to be sent").register(meters);
    }

    String instance() {
        return instance;
    }

    /**
     * Sends the entry; completes when the broker acknowledged it, when it was refused (logged, counted) or after the
     * answer wait (counted; the producer goes on trying). Never fails: the caller's answer goes in every case.
     */
    Mono<Void> publish(AuditEntryRecorded entry) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            sender.execute(() -> send(entry, handled));
        } catch (RejectedExecutionException e) {
            undelivered(entry, "the send queue is full");
            return Mono.empty();
        }
        return Mono.fromFuture(handled, true).timeout(answerWait).onErrorResume(TimeoutException.class, e -> {
            unconfirmed.increment();
            return Mono.empty();
        });
    }

    private void send(AuditEntryRecorded entry, CompletableFuture<Void> handled) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.AUDIT,
                    entry.subject() != null ? entry.subject() : entry.entryId(), EventJson.toBytes(entry));
            header(record, EventHeaders.EVENT_TYPE, EventJson.typeOf(entry));
            header(record, EventHeaders.EVENT_REVISION, "1");
            header(record, EventHeaders.EVENT_ID, entry.entryId());
            kafka.send(record).whenComplete((result, failure) -> {
                if (failure != null) {
                    undelivered(entry, failure.toString());
                } else {
                    sent.increment();
                }
                handled.complete(null);
            });
        } catch (RuntimeException e) {
            undelivered(entry, e.toString());
            handled.complete(null);
        }
    }

    private void undelivered(AuditEntryRecorded entry, String why) {
        undelivered.increment();
        log.error("AUDIT NOT DELIVERED ({}): {}", why, new String(EventJson.toBytes(entry), StandardCharsets.UTF_8));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    /** Sends what is queued (up to 10 s) before the gateway stops, so that a graceful stop loses no entry. */
    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
        kafka.flush();
    }
}
