package nl.lpz.stop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.platform.messaging.Failures;
import nl.lpz.platform.messaging.ParkedRecords;
import nl.lpz.stop.command.StopDesk;
import nl.lpz.stop.config.StopsProperties;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Seed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What the consumer leaves to the container's parking error handler: a database that cannot be reached must reach
 * it as a transient failure (retried until it passes), never be parked or swallowed here.
 */
class TopologyConsumerTest {
    final Topology topology = mock(Topology.class);
    final ParkedRecords parked = mock(ParkedRecords.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyConsumer consumer = new TopologyConsumer(topology, mock(StopDesk.class), parked, meters,
            new StopsProperties("topology", 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(30)));

    static ConsumerRecord<String, byte[]> record(String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.CAPACITY_TOPOLOGY, 0, 7L, "k", value);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, "event-7".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void givenTheDatabaseDown_whenAGoodRegistrationIsApplied_thenTheFailurePropagatesAsTransientAndNothingIsParked() {
        LocationRegistered event = Seed.location("loc-a", "org-a", "ROAZ-NHF", "VR13", Set.of(CareKind.SEH));
        when(topology.apply(eq("event-7"), any())).thenThrow(new CannotGetJdbcConnectionException("database down"));

        assertThatThrownBy(() -> consumer.on(record("LocationRegistered", EventJson.toBytes(event))))
                .satisfies(failure -> assertThat(Failures.isTransient(failure)).isTrue());
        verify(parked, never()).park(anyString(), any(), anyString(), any(), anyInt());
    }

    @Test
    void givenTheDatabaseDown_whenAnUnreadableRecordIsParked_thenTheFailurePropagatesAndItIsNotCounted() {
        ConsumerRecord<String, byte[]> record = record("LocationRegistered", "{".getBytes(StandardCharsets.UTF_8));
        doThrow(new CannotGetJdbcConnectionException("database down")).when(parked)
                .park(eq("topology"), eq(record), eq(TopologyConsumer.UNREADABLE), anyString(), eq(1));

        assertThatThrownBy(() -> consumer.on(record))
                .satisfies(failure -> assertThat(Failures.isTransient(failure)).isTrue());
        assertThat(meters.counter("lpz.topology.records.unreadable").count()).isZero();
    }

    @Test
    void givenAKnownTypeStopServiceDoesNotNeed_whenConsumed_thenItIsNeitherAppliedNorParked() {
        consumer.on(record("ThresholdsSet", "{}".getBytes(StandardCharsets.UTF_8)));

        verify(topology, never()).apply(anyString(), any());
        verify(parked, never()).park(anyString(), any(), anyString(), any(), anyInt());
    }
}
