package nl.lpz.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event source of the write services' tracking processors (the Kafka publisher): every stream reads the storage
 * engine in batches of its own and waits, when it has read everything, until an event of this JVM is committed or
 * {@code poll} has passed (events committed by another instance).
 * <p>
 * It replaces the embedded event store's shared read-ahead, which cost a service its heap under a backlog: the store
 * reads new events into a linked list that the processors walk, and a processor busy with a batch, or one that fell
 * behind and reads from the database meanwhile, still holds the node it stood on and with it every node read after
 * it. A snapshot load pushed at 7,000 events/s against 2,800/s published held 111,000 to 182,000 events that way, and
 * capacity-service ran out of its 512 MiB in garbage collection (docs/benchmarks.md). Here a stream holds one batch
 * of the storage engine. What the shared read-ahead saved, one read for all processor threads instead of one each, is
 * a query per batch and thread.
 */
public class DirectEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final EventStorageEngine storage;
    private final EventStore store;
    private final long pollNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();

    /**
     * @param store the event store whose commits wake the streams up (and which answers the tokens)
     * @param poll  how long a stream that has read everything waits before it looks again without being woken up
     */
    public DirectEventSource(EventStorageEngine storage, EventStore store, Duration poll) {
        this.storage = storage;
        this.store = store;
        this.pollNanos = poll.toNanos();
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                // the stream can only read the events once they are committed
                CurrentUnitOfWork.get().afterCommit(u -> wakeUp());
            } else {
                wakeUp();
            }
        });
    }

    private void wakeUp() {
        lock.lock();
        try {
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new DirectStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    private final class DirectStream implements BlockingStream<TrackedEventMessage<?>> {
        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;

        private DirectStream(TrackingToken start) {
            this.lastToken = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(peeked != null || readNext() ? peeked : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (peeked != null || readNext()) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                lock.lockInterruptibly();
                try {
                    committed.awaitNanos(Math.min(left, pollNanos));
                } finally {
                    lock.unlock();
                }
                if (readNext()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // waits until there is one
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /**
         * Reads the next event into {@link #peeked}; false when the store has nothing after {@link #lastToken}. The
         * storage engine's stream fetches its next batch whenever it is asked after its last one, so one stream
         * serves for good.
         */
        private boolean readNext() {
            if (events == null) {
                stream = storage.readEvents(lastToken, false);
                events = stream.iterator();
            }
            if (!events.hasNext()) {
                return false;
            }
            peeked = events.next();
            lastToken = peeked.trackingToken();
            return true;
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
