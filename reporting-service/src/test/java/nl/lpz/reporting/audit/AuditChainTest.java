package nl.lpz.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-12-07T02:14:05.123456789Z");

    @Test
    void givenTheSameFields_whenHashed_thenTheHashIsTheSameAndInstantsCountToTheMicrosecond() {
        assertThat(record("sub", null, "genesis").hash()).isEqualTo(record("sub", null, "genesis").hash())
                .hasSize(64);
        assertThat(record("sub", null, "genesis").occurredAt()).isEqualTo(Instant.parse("2026-12-07T02:14:05.123456Z"));
    }

    @Test
    void givenAnyFieldOrTheLinkChanged_whenHashed_thenTheHashDiffers() {
        String hash = record("sub", null, "genesis").hash();
        assertThat(record("sub2", null, "genesis").hash()).isNotEqualTo(hash);
        assertThat(record("sub", "", "genesis").hash()).isNotEqualTo(hash);
        assertThat(record("sub", null, "other").hash()).isNotEqualTo(hash);
    }

    @Test
    void givenTextsThatShiftABoundary_whenHashed_thenTheyDoNotCollide() {
        // "ab" + "c" and "a" + "bc" must not write the same text: each field is written with its length
        assertThat(record("ab", "c", "genesis").hash()).isNotEqualTo(record("a", "bc", "genesis").hash());
    }

    @Test
    void givenPathsOfTheContract_whenTargeted_thenTheNamedResourceIsFound() {
        assertThat(AuditTargets.of("/api/v1/locations/LOC-1/beds", null))
                .isEqualTo(new AuditTargets("LOC-1", null, null, null));
        assertThat(AuditTargets.of("/api/v1/organisations/ORG-1/visibility", null))
                .isEqualTo(new AuditTargets(null, "ORG-1", null, null));
        assertThat(AuditTargets.of("/api/v1/safety-regions/VR13/stops/lapse", null))
                .isEqualTo(new AuditTargets(null, null, "VR13", null));
        assertThat(AuditTargets.of("/api/v1/stops/VR13.SEH.abc/end", null))
                .isEqualTo(new AuditTargets(null, null, null, "VR13.SEH.abc"));
        assertThat(AuditTargets.of("/api/v1/acute-care-map/reachability", "region=ROAZ-NWZ&x=1"))
                .isEqualTo(new AuditTargets(null, null, "ROAZ-NWZ", null));
        assertThat(AuditTargets.of("/api/v1/stops", null)).isEqualTo(new AuditTargets(null, null, null, null));
        assertThat(AuditTargets.of("/api/v1/locations/%00evil/beds", null).locationId()).isNull();
        assertThat(AuditTargets.of("/api/v1/locations/%zz/beds", null).locationId()).isNull();
    }

    @Test
    void givenTextsASpreadsheetWouldRun_whenExported_thenTheyAreDefusedAndQuoted() {
        assertThat(AuditCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.field("/api/v1/stops")).isEqualTo("/api/v1/stops");
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field(null)).isEmpty();
    }

    private static AuditRecord record(String subject, String query, String previous) {
        return new AuditRecord(7, "id", AT, AT, 3, subject, "HOSPITAL", "ORG", null, "127.0.0.1", "GET",
                "/api/v1/x", query, 200, null, null, "gw", null, null, null, null, previous);
    }
}
