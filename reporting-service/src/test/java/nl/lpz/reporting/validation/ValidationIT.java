package nl.lpz.reporting.validation;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Validation through HTTP with the gateway's identity headers, on records published to the real broker. */
class ValidationIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SUBMISSIONS = "/api/v1/validation/{organisationId}/submissions";

    private String region;
    private String org;
    private String loc;

    @BeforeEach
    void aHiddenLocationWithBedsOnTheTopics() throws Exception {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR09")),
                publish(bed(loc, org, "B1").element("IC_BEADEMD").status(BedStatus.OCCUPIED).at(at(1)).event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").status(BedStatus.AVAILABLE).at(at(2)).event()),
                publish(new VisibilityChanged(new OrganisationId(org), false, false, at(3), new Actor("bc-1", org))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(
                        get("/api/v1/validation/{o}/visibility-history", org).headers(hospital(org)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(
                        get("/api/v1/regions/{r}/capacity", region).headers(hospital(org)))
                .andExpect(jsonPath("$.locations[0].elements[0].capacity").value(2)));
    }

    private String body(String locationId, String element, int capacity) {
        return """
                {"date":"2026-11-23","locations":[{"locationId":"%s","elements":[{"specialistisch":"%s",
                 "covid":{"capacity":0,"occupied":0},"nonCovid":{"capacity":%d,"occupied":1}}]}]}"""
                .formatted(locationId, element, capacity);
    }

    @Test
    void givenAHiddenOrganisation_whenItSubmitsAndClassifies_thenTheDifferenceIsStoredAndReported() throws Exception {
        String answer = mvc.perform(post(SUBMISSIONS, org).headers(hospital(org))
                        .contentType(MediaType.APPLICATION_JSON).content(body(loc, "IC_BEADEMD", 3)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.comparedAt").value("2026-11-23T09:00:00Z"))
                .andExpect(jsonPath("$.differing").value(1))
                .andExpect(jsonPath("$.differences[1].covidSplit").value("NON_COVID"))
                .andExpect(jsonPath("$.differences[1].submitted.capacity").value(3))
                .andExpect(jsonPath("$.differences[1].platform.capacity").value(2))
                .andExpect(jsonPath("$.differences[1].difference.capacity").value(1))
                .andExpect(jsonPath("$.differences[1].classification").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String submissionId = JsonPath.read(answer, "$.id");
        String differenceId = JsonPath.read(answer, "$.differences[1].id");

        mvc.perform(put("/api/v1/validation/{o}/differences/{d}", org, differenceId).headers(rcps(region))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classification\":\"PROCESS\",\"note\":\"bed 3 closed after the call\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification").value("PROCESS"))
                .andExpect(jsonPath("$.classifiedBy").value("test-rcps"));
        mvc.perform(get(SUBMISSIONS + "/{id}", org, submissionId).headers(hospital(org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.differences[1].classification").value("PROCESS"));
        mvc.perform(get(SUBMISSIONS, org).headers(caller("ADMIN", null, null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/v1/validation/report?from=2026-11-23&to=2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisations", hasSize(1)))
                .andExpect(jsonPath("$.organisations[0].organisationId").value(org))
                .andExpect(jsonPath("$.organisations[0].byClassification.PROCESS").value(1));
        mvc.perform(get("/api/v1/validation/{o}/visibility-history", org).headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].changedBy").value("bc-1"))
                .andExpect(jsonPath("$[0].shared").value(false));
    }

    @Test
    void givenBadSubmissions_whenPosted_thenProblemsWithTheirCodes() throws Exception {
        String otherLoc = unique("LOC");
        String otherOrg = unique("ORG");
        send(publish(Fixtures.location(otherLoc, otherOrg, region, "VR09")));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(
                        get(SUBMISSIONS, otherOrg).headers(hospital(otherOrg))).andExpect(status().isOk()));

        mvc.perform(post(SUBMISSIONS, org).headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(otherLoc, "IC_BEADEMD", 1)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        mvc.perform(post(SUBMISSIONS, org).headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(loc, "NO_SUCH_ELEMENT", 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LABEL_ELEMENT"));
        mvc.perform(post(SUBMISSIONS, org).headers(hospital(otherOrg)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(loc, "IC_BEADEMD", 1)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        mvc.perform(post(SUBMISSIONS, org).headers(rcps(unique("ROAZ"))).contentType(MediaType.APPLICATION_JSON)
                        .content(body(loc, "IC_BEADEMD", 1)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(post(SUBMISSIONS, org).headers(caller("LCPS", null, null))
                        .contentType(MediaType.APPLICATION_JSON).content(body(loc, "IC_BEADEMD", 1)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(post(SUBMISSIONS, org).headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"not a date\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/validation/{o}/differences/{d}", org, "00000000-0000-0000-0000-000000000000")
                        .headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classification\":\"TECHNICAL\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/validation/{o}/differences/{d}", org, "00000000-0000-0000-0000-000000000000")
                        .headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classification\":\"GUESSWORK\"}"))
                .andExpect(status().isBadRequest());
        long submissionsBefore = jdbc.queryForObject("select count(*) from validation_submission", Long.class);
        for (String date : new String[] {"-999999999-01-01", "+999999999-12-31", "1999-12-31", "2999-01-01"}) {
            mvc.perform(post(SUBMISSIONS, org).headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                            .content(body(loc, "IC_BEADEMD", 1).replace("2026-11-23", date)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }
        assertThat(jdbc.queryForObject("select count(*) from validation_submission", Long.class))
                .isEqualTo(submissionsBefore);
        mvc.perform(put("/api/v1/validation/{o}/differences/{d}", org, "00000000-0000-0000-0000-000000000000")
                        .headers(hospital(org)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classification\":\"TECHNICAL\",\"note\":\"nul \\u0000 and \\ud800\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
