package nl.lpz.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.lpz.contract.Role;
import nl.lpz.events.audit.AuditEntryRecorded;
import nl.lpz.gateway.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AuditEntriesTest {
    private static final Caller RCPS = new Caller("rcps-user", Set.of(Role.RCPS), null, "ROAZ-NWZ");

    @Test
    void givenACall_whenRecorded_thenTheEntrySaysWhoWhatWhenAndFromWhereButNoTokenOrBody() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/regions/ROAZ-NWZ/capacity?asOf=2026-12-07T02:00:00Z")
                .header("Authorization", "Bearer secret-token")
                .header("X-Forwarded-For", "145.21.3.9")
                .remoteAddress(new InetSocketAddress("10.1.4.7", 51000)).build();
        Instant arrived = Instant.parse("2026-12-07T02:14:05.123Z");

        AuditEntryRecorded entry = AuditEntries.entry(request, RCPS, arrived, Duration.ofMillis(41),
                new AuditEntries.Outcome(200, null, null), "gateway-1");

        assertThat(entry.subject()).isEqualTo("rcps-user");
        assertThat(entry.roles()).containsExactly("RCPS");
        assertThat(entry.region()).isEqualTo("ROAZ-NWZ");
        assertThat(entry.method()).isEqualTo("GET");
        assertThat(entry.path()).isEqualTo("/api/v1/regions/ROAZ-NWZ/capacity");
        assertThat(entry.query()).isEqualTo("asOf=2026-12-07T02:00:00Z");
        assertThat(entry.occurredAt()).isEqualTo(arrived);
        assertThat(entry.durationMillis()).isEqualTo(41);
        assertThat(entry.clientAddress()).isEqualTo("10.1.4.7; forwarded 145.21.3.9");
        assertThat(entry.gatewayInstance()).isEqualTo("gateway-1");
        assertThat(entry.toString()).doesNotContain("secret-token");
    }

    @Test
    void givenControlCharactersAndOverlongTexts_whenCleaned_thenTheyAreReplacedAndCutSoTheEntryIsAlwaysStorable() {
        assertThat(AuditEntries.clean("a\u0000b\nc", 100)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(AuditEntries.clean("x".repeat(5000), 100)).hasSize(100).endsWith("…");
        assertThat(AuditEntries.clean("lone \uD800 surrogate", 100)).isEqualTo("lone \uFFFD surrogate");
        assertThat(AuditEntries.clean("😀", 100)).isEqualTo("😀");
        assertThat(AuditEntries.clean("a".repeat(98) + "😀😀", 100)).isEqualTo("a".repeat(98) + "…");
        assertThat(AuditEntries.clean(null, 10)).isNull();
    }
}
