package nl.lpz.capacity.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.capacity.command.EventReceipts.Claim;
import nl.lpz.capacity.command.EventReceipts.Receipt;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.testsupport.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class JdbcEventReceiptsTest extends CapacitySpringTest {
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    @Autowired
    private JdbcEventReceipts receipts;

    @Autowired
    private ReceiptSettings settings;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void givenReceipt_whenClaimedAgain_thenDuplicateForSameContentConflictForOtherAndNewForOtherOrganisation() {
        OrganisationId j = OrganisationId.of(newId("org"));
        OrganisationId i = OrganisationId.of(newId("org"));
        UUID id = UUID.randomUUID();
        assertThat(receipts.claim(j, List.of(new Receipt(id, HASH_A, now)))).isEqualTo(Map.of(id, Claim.NEW));
        assertThat(receipts.claim(j, List.of(new Receipt(id, HASH_A, now)))).isEqualTo(Map.of(id, Claim.DUPLICATE));
        assertThat(receipts.claim(j, List.of(new Receipt(id, HASH_B, now)))).isEqualTo(Map.of(id, Claim.CONFLICT));
        assertThat(receipts.conflicting(j, List.of(new Receipt(id, HASH_B, now)))).containsExactly(id);
        assertThat(receipts.conflicting(j, List.of(new Receipt(id, HASH_A, now)))).isEmpty();
        assertThat(receipts.claim(i, List.of(new Receipt(id, HASH_B, now)))).isEqualTo(Map.of(id, Claim.NEW));
    }

    @Test
    void givenReceiptWithoutHash_whenClaimedWithAnyContent_thenDuplicateAndNoConflict() {
        OrganisationId j = OrganisationId.of(newId("org"));
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO bed_event_receipt (organisation_id, event_id, payload_sha256, occurred_at) "
                + "VALUES (?, ?, NULL, now())", j.value(), id);
        assertThat(receipts.conflicting(j, List.of(new Receipt(id, HASH_B, now)))).isEmpty();
        assertThat(receipts.claim(j, List.of(new Receipt(id, HASH_B, now)))).isEqualTo(Map.of(id, Claim.DUPLICATE));
    }

    @Test
    void givenOldAndRecentReceipts_whenPruned_thenOnlyThoseOlderThanRetentionAndMarginDeleted() {
        OrganisationId j = OrganisationId.of(newId("org"));
        Duration retention = settings.retention();
        UUID tooOld = UUID.randomUUID();
        UUID withinMargin = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        receipts.claim(j, List.of(
                new Receipt(tooOld, HASH_A, now.minus(retention).minus(Duration.ofDays(2))),
                new Receipt(withinMargin, HASH_A, now.minus(retention).minus(Duration.ofHours(12))),
                new Receipt(recent, HASH_A, now.minus(Duration.ofDays(1)))));
        new ReceiptPruning(receipts, settings, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).pruneExpired();
        assertThat(jdbc.queryForList("SELECT event_id FROM bed_event_receipt WHERE organisation_id = ?", UUID.class,
                j.value())).containsExactlyInAnyOrder(withinMargin, recent);
    }

    @Test
    void givenManyOldReceipts_whenPruned_thenDeletedInBatchesUntilNoneLeft() {
        OrganisationId j = OrganisationId.of(newId("org"));
        Instant old = now.minus(Duration.ofDays(1000));
        List<Receipt> many = java.util.stream.IntStream.range(0, JdbcEventReceipts.PRUNE_BATCH + 7)
                .mapToObj(n -> new Receipt(UUID.randomUUID(), HASH_A, old)).toList();
        receipts.claim(j, many);
        assertThat(receipts.prune(old.plusSeconds(1))).isGreaterThanOrEqualTo(JdbcEventReceipts.PRUNE_BATCH + 7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?",
                Long.class, j.value())).isZero();
    }

    @Test
    void givenV3ReceiptsAndEvents_whenMigratedToV4_thenReceiptsCarriedOverPerOrganisationWithoutHash() {
        TestInfra.Database db = TestInfra.database("receipts_v4");
        Flyway flyway = Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/axon", "classpath:db/migration").target("3").load();
        flyway.migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password()));
        UUID normal = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        storeBedStatusChanged(old, 1, "loc-1", "org-1", normal, "2026-11-23T10:15:00Z");
        storeBedStatusChanged(old, 2, "loc-2", "org-2", sentinel, "-999999999-01-01T00:00:00Z");
        old.update("INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, time_stamp,"
                + " aggregate_identifier, sequence_number, type) VALUES (3, ?, convert_to(?, 'UTF8'), "
                + "'nl.lpz.events.capacity.BedStatusChanged', '2026-11-23T10:00:00Z', 'loc-1', 1, 'Location')",
                UUID.randomUUID().toString(), "{\"organisationId\":\"org-1\",\"sourceEventId\":null,"
                        + "\"occurredAt\":\"2026-11-23T10:00:00Z\"}");
        for (UUID id : List.of(normal, sentinel, orphan)) {
            old.update("INSERT INTO received_bed_event (event_id) VALUES (?)", id);
        }

        Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/axon", "classpath:db/migration").load().migrate();

        List<Map<String, Object>> rows = old.queryForList("SELECT organisation_id, event_id, payload_sha256, "
                + "occurred_at = '-infinity' AS expired, occurred_at = '2026-11-23T10:15:00Z' AS kept "
                + "FROM bed_event_receipt ORDER BY organisation_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("organisation_id", "org-1").containsEntry("event_id", normal)
                .containsEntry("kept", true).containsEntry("payload_sha256", null);
        assertThat(rows.get(1)).containsEntry("organisation_id", "org-2").containsEntry("event_id", sentinel)
                .containsEntry("expired", true);
        assertThat(old.queryForObject("SELECT to_regclass('received_bed_event') IS NULL", Boolean.class)).isTrue();
    }

    private static void storeBedStatusChanged(JdbcTemplate db, long index, String location, String organisation,
                                              UUID sourceEventId, String occurredAt) {
        String payload = """
                {"locationId":"%s","organisationId":"%s","departmentId":"IC","bedId":"B1","status":"AVAILABLE",
                 "labels":{"specialistisch":"IC_BEADEMD","specialisme":null,"snijdendBeschouwend":null,"covid":false},
                 "patientCovidStatus":null,"occurredAt":"%s","stale":false,"source":"EPD_EVENT",
                 "sourceEventId":"%s","codeListVersion":"1"}""".formatted(location, organisation, occurredAt,
                sourceEventId);
        db.update("INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, time_stamp,"
                + " aggregate_identifier, sequence_number, type) VALUES (?, ?, convert_to(?, 'UTF8'), "
                + "'nl.lpz.events.capacity.BedStatusChanged', '2026-11-23T10:00:00Z', ?, 0, 'Location')",
                index, UUID.randomUUID().toString(), payload, location);
    }
}
