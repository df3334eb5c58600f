package nl.lpz.platform.axon;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers as random (version 4) UUIDs drawn from a {@link SecureRandom} of the calling thread.
 * <p>
 * Axon gives every command, event and result message an identifier; its default factory calls
 * {@link UUID#randomUUID()}, which draws from one JVM-wide generator behind one lock. Flat out on two cores the
 * capacity-service's request threads, its outbox publisher (a result message per event of each batch) and its Kafka
 * threads queued for that lock: JFR counted about 40 s of blocked threads per 40 s of benchmark, as often as not
 * behind a holder the operating system had descheduled (docs/benchmarks.md). One generator per thread has no shared
 * lock. The identifiers keep 122 bits from a cryptographic generator (SHA1PRNG, seeded by the JVM's seed source per
 * thread), so they stay as unlikely to collide across threads, processes and instances as {@code randomUUID}'s; event
 * identifiers travel as the Kafka {@code lpz-event-id} header by which consumers de-duplicate.
 * <p>
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}, once, when the
 * first message is created.
 */
public final class PerThreadRandomIdentifierFactory extends IdentifierFactory {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform's SUN provider has SHA1PRNG; should one not, a per-thread default still avoids the lock
            return new SecureRandom();
        }
    });

    @Override
    public String generateIdentifier() {
        return randomUuid().toString();
    }

    static UUID randomUuid() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        most = (most & ~0xF000L) | 0x4000L; // version 4
        least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least);
    }
}
