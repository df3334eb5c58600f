package nl.lpz.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.lpz.testsupport.TestInfra;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
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
 * reads on from where it stood, in order.
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
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(dataSource::getConnection))
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

    private void publish(String... payloads) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (String payload : payloads) {
                store.publish(GenericEventMessage.asEventMessage(payload));
            }
        });
    }
}
