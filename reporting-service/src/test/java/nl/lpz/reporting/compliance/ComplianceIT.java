package nl.lpz.reporting.compliance;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Delivery compliance and COVID activation through HTTP, on records published to the real broker. */
class ComplianceIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpHeaders ADMIN = caller("ADMIN", null, null);

    private String region;
    private String orgA;
    private String orgB;

    @BeforeEach
    void twoOrganisationsOneDelivering() {
        region = unique("ROAZ");
        orgA = unique("ORG");
        orgB = unique("ORG");
        String a = unique("LOC");
        send(publish(Fixtures.location(a, orgA, region, "VR11")),
                publish(Fixtures.location(unique("LOC"), orgB, region, "VR11")),
                publish(bed(a, orgA, "B1").at(at(10)).event()));
    }

    @Test
    void givenOneOfTwoDelivering_whenAdminLcpsAndRcpsAsk_thenFiftyPercentWithTheKpi() throws Exception {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get("/api/v1/compliance")
                        .param("module", "KLINIEK").param("roazRegionId", region).param("asOf", at(60).toString())
                        .headers(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[0].roazRegionId").value(region))
                .andExpect(jsonPath("$.regions[0].organisations").value(2))
                .andExpect(jsonPath("$.regions[0].delivering").value(1))
                .andExpect(jsonPath("$.regions[0].percentage").value(50.0))
                .andExpect(jsonPath("$.kpi.targetPercentage").value(100))
                .andExpect(jsonPath("$.window").value("PT24H")));
        mvc.perform(get("/api/v1/compliance").param("module", "KLINIEK").param("asOf", at(60).toString())
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions.length()").value(1))
                .andExpect(jsonPath("$.national.percentage").value(50.0));
        // both have an emergency department; orgA's connection is live (its bed report), orgB's silent
        mvc.perform(get("/api/v1/compliance").param("module", "SPOED").param("roazRegionId", region)
                        .param("asOf", at(60).toString()).headers(caller("LCPS", null, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[0].organisations").value(2))
                .andExpect(jsonPath("$.regions[0].percentage").value(50.0));
        mvc.perform(get("/api/v1/compliance").param("module", "KLINIEK").param("roazRegionId", region)
                        .headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get("/api/v1/compliance").param("module", "KLINIEK").headers(hospital(orgA)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get("/api/v1/compliance").param("module", "GEBOORTEZORG").headers(ADMIN))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    @Test
    void givenAnActivatedCovidModule_whenNobodyDeliversSinceActivation_thenPendingThenLateAndDeactivatable()
            throws Exception {
        mvc.perform(post("/api/v1/compliance/modules/COVID/activation").headers(hospital(orgA))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/compliance/modules/COVID/activation").headers(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.activatedBy").value("test-admin"))
                .andExpect(jsonPath("$.active").value(true));
        try {
            mvc.perform(post("/api/v1/compliance/modules/COVID/activation").headers(ADMIN)
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_ACTIVE"));
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get("/api/v1/compliance")
                            .param("module", "COVID").param("roazRegionId", region).headers(ADMIN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.activation.active").value(true))
                    .andExpect(jsonPath("$.regions[0].organisations").value(2))
                    .andExpect(jsonPath("$.regions[0].hospitals[0].status").value("PENDING")));
            mvc.perform(get("/api/v1/compliance").param("module", "COVID").param("roazRegionId", region)
                            .param("asOf", Instant.now().plus(Duration.ofDays(4)).toString()).headers(ADMIN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.regions[0].late").value(2))
                    .andExpect(jsonPath("$.regions[0].hospitals[1].status").value("LATE"));
        } finally {
            mvc.perform(delete("/api/v1/compliance/modules/COVID/activation").headers(ADMIN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.active").value(false));
        }
        mvc.perform(delete("/api/v1/compliance/modules/COVID/activation").headers(ADMIN))
                .andExpect(status().isNotFound());
    }
}
