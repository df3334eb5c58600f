package nl.lpz.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class PerThreadRandomIdentifierFactoryTest {

    @Test
    void givenThePlatformOnTheClasspath_whenAxonCreatesAMessage_thenItsIdentifierComesFromThisFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadRandomIdentifierFactory.class);
        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("an event").getIdentifier());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void givenEightThreads_whenEachDrawsManyIdentifiers_thenAllAreDistinctVersion4Uuids() throws Exception {
        IdentifierFactory factory = new PerThreadRandomIdentifierFactory();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        String id = factory.generateIdentifier();
                        UUID uuid = UUID.fromString(id);
                        assertThat(uuid.version()).isEqualTo(4);
                        assertThat(uuid.variant()).isEqualTo(2);
                        assertThat(uuid.toString()).isEqualTo(id);
                        seen.add(id);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void givenManyIdentifiers_thenEveryRandomBitTakesBothValues() {
        long orMost = 0;
        long andMost = -1;
        long orLeast = 0;
        long andLeast = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID id = PerThreadRandomIdentifierFactory.randomUuid();
            orMost |= id.getMostSignificantBits();
            andMost &= id.getMostSignificantBits();
            orLeast |= id.getLeastSignificantBits();
            andLeast &= id.getLeastSignificantBits();
        }
        // all but the 4 version bits and 2 variant bits vary
        assertThat(Long.bitCount(orMost & ~andMost)).isEqualTo(60);
        assertThat(Long.bitCount(orLeast & ~andLeast)).isEqualTo(62);
    }
}
