package nl.lpz.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.lpz.testsupport.TestInfra;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The publisher's event source against the write services' event store on a real PostgreSQL: a waiting stream is
 * woken by a commit of this JVM (its fallback poll is an hour here, so only the wake-up can deliver in time), and it
 * reads on from where it stood, in order. And the hazard of every event store whose global index is taken at insert
 * and becomes visible at commit: two appends that commit in the other order than their indexes. A reader that
 * moved past the later index must still deliver the earlier one when it commits (issue 14, Axon's gap tracking).
 */
class DirectEventSourceIT {
    private EmbeddedEventStore store;
    private DirectEventSource source;
    private BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    void eventStore() {
        TestInfra.Database db = TestInfra.database("direct_event_source");
        Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/axon", "classpath:db/test-service").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/axon", "classpath:db/test-service").load().migrate();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.username());
        dataSource.setPassword(db.password());
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(() -> {
                    // as the services' Spring transactions: a unit of work commits its connection at its commit
                    Connection connection = dataSource.getConnection();
                    connection.setAutoCommit(false);
                    return connection;
                }))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .schema(JdbcEventStoreAutoConfiguration.SCHEMA)
                .dataType(byte[].class)
                .build();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        source = new DirectEventSource(engine, store, Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        if (stream != null) {
            stream.close();
        }
        store.shutDown();
    }

    @Test
    void givenAStreamThatReadEverything_whenEventsAreCommitted_thenItIsWokenAndReadsThemInOrder() throws Exception {
        publish("before");
        stream = source.openStream(source.createTailToken());
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");

        CompletableFuture<List<Object>> read = CompletableFuture.supplyAsync(() -> {
            List<Object> payloads = new ArrayList<>();
            try {
                while (payloads.size() < 3 && stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    payloads.add(stream.nextAvailable().getPayload());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payloads;
        });
        publish("one", "two");
        publish("three");

        assertThat(read.get(30, TimeUnit.SECONDS)).containsExactly("one", "two", "three");
    }

    @Test
    void givenAStreamOpenedAtAToken_whenRead_thenItStartsAfterIt() throws Exception {
        publish("a", "b", "c");
        stream = source.openStream(source.createTailToken());
        TrackedEventMessage<?> first = stream.nextAvailable();
        stream.close();

        stream = source.openStream(first.trackingToken());

        assertThat(stream.peek().map(m -> (Object) m.getPayload())).contains("b");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("b");
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("c");
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void givenTwoAppendsThatCommitInTheOtherOrderThanTheirIndexes_whenReadAcrossBoth_thenNeitherIsSkipped()
            throws Exception {
        publish("before");
        stream = source.openStream(source.createTailToken());
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");

        // the first append takes the lower index and holds its commit until the second has committed and been read
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                store.publish(GenericEventMessage.asEventMessage("lower index, committed last"));
                // after the store's own prepare-commit step (the insert), before the connection's commit
                CurrentUnitOfWork.get().onPrepareCommit(u -> {
                    appended.countDown();
                    await(mayCommit);
                });
            });
        });
        assertThat(appended.await(30, TimeUnit.SECONDS)).as("the first append is inserted, not committed").isTrue();
        publish("higher index, committed first");

        assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        TrackedEventMessage<?> later = stream.nextAvailable();
        assertThat(later.getPayload()).isEqualTo("higher index, committed first");
        assertThat(((GapAwareTrackingToken) later.trackingToken()).getGaps()).as("the lower index, not yet committed")
                .hasSize(1);
        mayCommit.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).as("the lower index, once committed").isTrue();
        TrackedEventMessage<?> earlier = stream.nextAvailable();
        assertThat(earlier.getPayload()).isEqualTo("lower index, committed last");
        assertThat(((GapAwareTrackingToken) earlier.trackingToken()).getGaps()).isEmpty();
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String... payloads) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (String payload : payloads) {
                store.publish(GenericEventMessage.asEventMessage(payload));
            }
        });
    }
}
