package nl.lpz.reporting.audit;

import static nl.lpz.reporting.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.lpz.events.EventJson;
import nl.lpz.events.Topics;
import nl.lpz.events.audit.AuditEntryRecorded;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The audit store against a real broker and database: entries the gateways publish are appended once each, in one
 * chain that a verification recomputes; a privacy officer reads what concerns its organisation and nothing else;
 * the database refuses changes, and a change made behind its back (trigger disabled, as a database owner could) is
 * found by the verification, at the entry changed; retention removes a prefix and the chain stays verifiable.
 */
class AuditTrailIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    AuditRetention retention;
    @Autowired
    AuditVerification verification;

    @Test
    void givenEntriesDeliveredTwice_whenConsumed_thenEachIsAppendedOnceAndTheChainIsIntact() {
        String org = unique("ORG");
        AuditEntryRecorded read = entry(org, "GET", "/api/v1/locations/" + unique("LOC") + "/profile", 200);
        AuditEntryRecorded write = entry(org, "PUT", "/api/v1/organisations/" + org + "/visibility", 204);
        send(published(read), published(write), published(read));

        awaitStored(read.entryId(), write.entryId());
        send(published(write));
        awaitVerified();

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entry_id in (?, ?)", Long.class,
                read.entryId(), write.entryId())).isEqualTo(2);
        List<Long> sequences = jdbc.queryForList("select sequence from audit_entry where entry_id in (?, ?) "
                + "order by sequence", Long.class, read.entryId(), write.entryId());
        assertThat(sequences.get(1)).isEqualTo(sequences.get(0) + 1);
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void givenEntriesOfSeveralOrganisations_whenAPrivacyOfficerReads_thenItSeesWhatItsPeopleDidAndWhatConcernsItsData()
            throws Exception {
        String org = unique("ORG");
        String other = unique("ORG");
        String loc = unique("LOC");
        String region = unique("ROAZ");
        send(publish(Fixtures.location(loc, org, region, unique("VR"))));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from location where location_id = ?",
                Long.class, loc) == 1);
        AuditEntryRecorded byOwnPeople = entry(org, "PUT", "/api/v1/locations/" + loc + "/beds", 202);
        AuditEntryRecorded aboutOwnLocation = entry(other, "GET", "/api/v1/locations/" + loc, 200);
        AuditEntryRecorded aboutOwnRegion = entry(null, "GET", "/api/v1/regions/" + region + "/capacity", 200);
        AuditEntryRecorded refusedStop = new AuditEntryRecorded(UUID.randomUUID().toString(), Instant.now(), 12,
                "hospital-user", List.of("HOSPITAL"), org, null, "10.0.0.9", "POST", "/api/v1/stops", null, 409,
                "LAST_IN_REGION", "no other SEH in the region would stay open", "gateway-1");
        AuditEntryRecorded unrelated = entry(other, "GET", "/api/v1/locations/" + unique("LOC"), 200);
        send(published(byOwnPeople), published(aboutOwnLocation), published(aboutOwnRegion), published(refusedStop),
                published(unrelated));
        awaitStored(byOwnPeople.entryId(), aboutOwnLocation.entryId(), aboutOwnRegion.entryId(),
                refusedStop.entryId(), unrelated.entryId());

        mvc.perform(get("/api/v1/audit/entries").headers(privacyOfficer(org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation").value(org))
                // in chain order, which is the order the projection consumed them: the five records are keyed by
                // subject, so over several partitions, and that order is not the order they were sent in
                .andExpect(jsonPath("$.entries.length()").value(4))
                .andExpect(jsonPath("$.entries[*].entryId").value(containsInAnyOrder(byOwnPeople.entryId(),
                        aboutOwnLocation.entryId(), aboutOwnRegion.entryId(), refusedStop.entryId())))
                .andExpect(jsonPath(entry(byOwnPeople, "concerns")).value("OWN_PEOPLE"))
                .andExpect(jsonPath(entry(aboutOwnLocation, "concerns")).value("OWN_DATA"))
                .andExpect(jsonPath(entry(aboutOwnLocation, "target.location")).value(loc))
                .andExpect(jsonPath(entry(aboutOwnLocation, "subject")).value("user-of-" + other))
                .andExpect(jsonPath(entry(aboutOwnRegion, "target.region")).value(region))
                .andExpect(jsonPath(entry(refusedStop, "status")).value(409))
                .andExpect(jsonPath(entry(refusedStop, "problemCode")).value("LAST_IN_REGION"))
                .andExpect(jsonPath(entry(refusedStop, "problemDetail"))
                        .value("no other SEH in the region would stay open"));
        MvcResult streaming = mvc.perform(get("/api/v1/audit/export").headers(privacyOfficer(org)))
                .andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(streaming))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(5).first().asString().startsWith("sequence,occurredAt,subject");
        assertThat(csv).contains(refusedStop.entryId()).doesNotContain(unrelated.entryId());

        mvc.perform(get("/api/v1/audit/entries").param("organisation", other).headers(privacyOfficer(org)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        mvc.perform(get("/api/v1/audit/entries").headers(hospital(org)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get("/api/v1/audit/verification").headers(privacyOfficer(org)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get("/api/v1/audit/entries").param("from", "yesterday").headers(privacyOfficer(org)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    @Test
    void givenAStoredEntry_whenChangedOrRemoved_thenTheDatabaseRefusesAndAChangeBehindItsBackIsFound() {
        String org = unique("ORG");
        AuditEntryRecorded first = entry(org, "GET", "/api/v1/organisations/" + org + "/visibility", 200);
        AuditEntryRecorded second = entry(org, "PUT", "/api/v1/organisations/" + org + "/visibility", 204);
        send(published(first), published(second));
        awaitStored(first.entryId(), second.entryId());
        awaitVerified();
        long changed = jdbc.queryForObject("select sequence from audit_entry where entry_id = ?", Long.class,
                first.entryId());

        assertThatThrownBy(() -> jdbc.update("update audit_entry set status = 500 where sequence = ?", changed))
                .isInstanceOf(UncategorizedSQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where sequence = ?", changed))
                .isInstanceOf(UncategorizedSQLException.class).hasMessageContaining("append-only");

        jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
        try {
            jdbc.update("update audit_entry set subject = 'someone-else' where sequence = ?", changed);
            AuditVerification.Result tampered = verification.verify();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.brokenAt()).isEqualTo(changed);
            assertThat(tampered.problem()).contains("was changed");
            jdbc.update("update audit_entry set subject = ? where sequence = ?", "user-of-" + org, changed);
            assertThat(verification.verify().intact()).isTrue();
        } finally {
            jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
        }
    }

    @Test
    void givenRetention_whenOldEntriesAreRemoved_thenTheAnchorMovesAndTheChainStaysVerifiable() throws Exception {
        String org = unique("ORG");
        AuditEntryRecorded old = entry(org, "GET", "/api/v1/organisations/" + org + "/visibility", 200);
        send(published(old));
        awaitStored(old.entryId());
        awaitVerified();

        long removed = retention.prune(Instant.now().plus(1, ChronoUnit.DAYS));
        AuditEntryRecorded after = entry(org, "PUT", "/api/v1/organisations/" + org + "/visibility", 204);
        send(published(after));
        awaitStored(after.entryId());

        assertThat(removed).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entry_id = ?", Long.class,
                old.entryId())).isZero();
        AuditVerification.Result result = verification.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.prunedEntries()).isGreaterThanOrEqualTo(removed);
        mvc.perform(get("/api/v1/audit/verification").headers(caller("ADMIN", null, null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.anchorSequence").value(result.anchorSequence()));
    }

    private void awaitStored(String... entryIds) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where entry_id = any(?)", Long.class, (Object) entryIds))
                .isEqualTo(entryIds.length));
    }

    /** Every delivered entry is in: no duplicate is still on its way that a later assertion would miss. */
    private void awaitVerified() {
        await().atMost(WAIT).until(() -> verification.verify().intact());
    }

    /** The JSON path of one field of the listed entry with this entry's id (a one-element list: Spring compares its element). */
    private static String entry(AuditEntryRecorded entry, String field) {
        return "$.entries[?(@.entryId == '" + entry.entryId() + "')]." + field;
    }

    private static AuditEntryRecorded entry(String organisation, String method, String path, int status) {
        return new AuditEntryRecorded(UUID.randomUUID().toString(), Instant.now(), 5,
                "user-of-" + organisation, List.of("HOSPITAL"), organisation, null, "127.0.0.1", method, path, null,
                status, null, null, "gateway-test");
    }

    private static Published published(AuditEntryRecorded entry) {
        return new Published(Topics.AUDIT, entry.subject(), EventJson.typeOf(entry), entry.entryId(),
                EventJson.toBytes(entry));
    }

    private static HttpHeaders privacyOfficer(String organisation) {
        return caller("PRIVACY_OFFICER", organisation, null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
