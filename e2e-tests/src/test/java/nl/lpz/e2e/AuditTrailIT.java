package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, audit (NEN 7513), through the gateway: every call of a caller with a token is recorded with who, what,
 * when, the outcome and from where, in reporting-service's hash-chained store; the privacy officer of an organisation
 * reads what its people did and what was done to its data (an intruder's refused write included, with the refusal's
 * code and explanation), not another organisation's, exports it, and ADMIN verifies the chain.
 */
class AuditTrailIT {
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(30);

    @Test
    void givenCallsOnAnOrganisationsData_whenItsPrivacyOfficerReadsTheTrail_thenEachIsThereWithWhoWhatWhenOutcomeAndWhere() {
        Instant start = Instant.now().minusSeconds(5);
        String org = Lpz.unique("E2E-ORG");
        String intruderOrg = Lpz.unique("E2E-ORG");
        String loc = Lpz.newLocation(org);
        Api.Identity epd = Api.epd(org);
        Api.Identity intruder = Api.hospital(intruderOrg);
        Api.Identity officer = privacyOfficer(org);

        Api.expect2xx(Lpz.push(epd, Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available()));
        Api.expect2xx(Api.get(Api.hospital(org), "/api/v1/locations/" + loc));
        Api.expectProblem(Api.put(intruder, "/api/v1/locations/" + loc + "/contacts",
                "{\"regiehouderSeh\":[{\"name\":\"J. de Vries\",\"phone\":\"+31205669111\"}],"
                        + "\"beddencoordinator\":[{\"name\":\"A. Jansen\",\"phone\":\"+31205660000\"}]}"), 403, "FORBIDDEN_ORGANISATION");

        List<JsonNode> entries = await().atMost(RECORDED_WITHIN).until(() -> entries(officer, start),
                found -> has(found, e -> e.path("subject").asText().equals(intruder.sub())
                        && e.path("status").asInt() == 403)
                        && has(found, e -> e.path("path").asText().equals("/api/v1/bed-events")
                        && e.path("status").asInt() == 202)
                        && has(found, e -> e.path("method").asText().equals("GET")
                        && e.path("path").asText().equals("/api/v1/locations/" + loc)));

        JsonNode push = first(entries, e -> e.path("path").asText().equals("/api/v1/bed-events"));
        assertThat(push.path("subject").asText()).isEqualTo(epd.sub());
        assertThat(push.path("roles").get(0).asText()).isEqualTo("EPD_SYSTEM");
        assertThat(push.path("organisation").asText()).isEqualTo(org);
        assertThat(push.path("method").asText()).isEqualTo("POST");
        assertThat(push.path("concerns").asText()).isEqualTo("OWN_PEOPLE");
        assertThat(push.path("clientAddress").asText()).isNotBlank();
        assertThat(Instant.parse(push.path("occurredAt").asText())).isAfter(start);
        assertThat(push.path("hash").asText()).hasSize(64);

        JsonNode refused = first(entries, e -> e.path("subject").asText().equals(intruder.sub()));
        assertThat(refused.path("concerns").asText()).isEqualTo("OWN_DATA");
        assertThat(refused.path("target").path("location").asText()).isEqualTo(loc);
        assertThat(refused.path("problemCode").asText()).isEqualTo("FORBIDDEN_ORGANISATION");
        assertThat(refused.path("problemDetail").asText()).isNotBlank();

        // the other organisation's officer sees its own person's attempt, not the owner's writes
        List<JsonNode> ofIntruder = entries(privacyOfficer(intruderOrg), start);
        assertThat(has(ofIntruder, e -> e.path("subject").asText().equals(intruder.sub()))).isTrue();
        assertThat(has(ofIntruder, e -> e.path("subject").asText().equals(epd.sub()))).isFalse();

        // reading the trail is on the trail
        await().atMost(RECORDED_WITHIN).until(() -> has(entries(officer, start),
                e -> e.path("path").asText().equals("/api/v1/audit/entries")
                        && e.path("subject").asText().equals(officer.sub())));

        Api.Response csv = Api.sendWithHeaders("GET", "/api/v1/audit/export?from=" + start,
                "Bearer " + officer.token(), null, null, "Accept", "text/csv");
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("sequence,occurredAt,subject").contains(intruder.sub())
                .contains("FORBIDDEN_ORGANISATION");

        Api.expectProblem(Api.get(officer, "/api/v1/audit/entries?organisation=" + intruderOrg), 403,
                "FORBIDDEN_ORGANISATION");
        Api.expectProblem(Api.get(Api.hospital(org), "/api/v1/audit/entries"), 403, "FORBIDDEN_ROLE");
        JsonNode verification = Api.expectStatus(Api.get(Api.admin(), "/api/v1/audit/verification"), 200);
        assertThat(verification.path("intact").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.path("checked").asLong()).isPositive();
    }

    static Api.Identity privacyOfficer(String organisation) {
        return new Api.Identity("e2e-privacy-" + organisation, List.of("PRIVACY_OFFICER"), organisation, null);
    }

    private static List<JsonNode> entries(Api.Identity officer, Instant from) {
        JsonNode page = Api.expectStatus(Api.get(officer, "/api/v1/audit/entries?from=" + from), 200);
        List<JsonNode> out = new ArrayList<>();
        page.path("entries").forEach(out::add);
        return out;
    }

    private static boolean has(List<JsonNode> entries, Predicate<JsonNode> match) {
        return entries.stream().anyMatch(match);
    }

    private static JsonNode first(List<JsonNode> entries, Predicate<JsonNode> match) {
        return entries.stream().filter(match).findFirst().orElseThrow(() -> new AssertionError("no such entry in "
                + entries));
    }
}
