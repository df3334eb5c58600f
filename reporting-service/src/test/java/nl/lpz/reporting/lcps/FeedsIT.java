package nl.lpz.reporting.lcps;

import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Records on the real topics appear in the RCPS daily report and the LCPS feed through HTTP with the gateway's identity
 * headers. The days lie in February 2024, before any other test's bed reports, so the national figures are this
 * test's own. ICU counts the PICU and NICU beds too; {@code picu}/{@code nicu} are of it, and not in the CSV.
 */
class FeedsIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DAILY = "/api/v1/rcps/{roazRegionId}/daily";
    private static final String FEED = "/api/v1/lcps/feed";

    @Test
    void givenReportsOnTheTopics_whenTheRcpsAndTheLcpsRead_thenTheyGetTheFiguresAtTheReportMoment() throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        String hiddenOrg = unique("ORG");
        String hiddenLoc = unique("LOC");
        Instant feb5 = Instant.parse("2024-02-05T08:00:00Z");
        Instant feb6 = Instant.parse("2024-02-06T08:00:00Z");
        send(publish(Fixtures.location(loc, org, region, "VR07")),
                publish(Fixtures.location(hiddenLoc, hiddenOrg, region, "VR07")),
                publish(Fixtures.visibility(org, true, true, Instant.parse("2024-01-01T00:00:00Z"))),
                publish(bed(loc, org, "I1").element("IC_BEADEMD").covid(true).patient(PatientCovidStatus.COVID)
                        .at(feb5).event()),
                publish(bed(loc, org, "K1").status(BedStatus.AVAILABLE).at(feb5).event()),
                publish(bed(loc, org, "P1").element("PICU").status(BedStatus.AVAILABLE).at(feb5).event()),
                publish(bed(loc, org, "N1").element("NICU").patient(PatientCovidStatus.NON_COVID).at(feb5).event()),
                publish(bed(hiddenLoc, hiddenOrg, "P1").element("PICU").status(BedStatus.AVAILABLE).at(feb5)
                        .event()),
                publish(bed(loc, org, "K1").patient(PatientCovidStatus.NON_COVID).at(feb6).event()),
                // after the 6 February moment (10:00 Amsterdam = 09:00Z)
                publish(bed(loc, org, "K2").status(BedStatus.AVAILABLE).at(feb6.plusSeconds(7200)).event()),
                publish(bed(hiddenLoc, hiddenOrg, "K1").patient(PatientCovidStatus.COVID).at(feb5).event()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(DAILY, region)
                        .param("date", "2024-02-06").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.roazRegionId").value(region))
                .andExpect(jsonPath("$.date").value("2024-02-06"))
                .andExpect(jsonPath("$.reportMoment").value("2024-02-06T09:00:00Z"))
                .andExpect(jsonPath("$.locations", hasSize(1)))
                .andExpect(jsonPath("$.locations[0].locationId").value(loc))
                .andExpect(jsonPath("$.locations[0].organisationId").value(org))
                .andExpect(jsonPath("$.locations[0].shared").value(true))
                .andExpect(jsonPath("$.locations[0].icu.capacity").value(3))
                .andExpect(jsonPath("$.locations[0].icu.covid.occupied").value(1))
                .andExpect(jsonPath("$.locations[0].icu.patients.covid").value(1))
                .andExpect(jsonPath("$.locations[0].picu.capacity").value(1))
                .andExpect(jsonPath("$.locations[0].picu.available").value(1))
                .andExpect(jsonPath("$.locations[0].nicu.capacity").value(1))
                .andExpect(jsonPath("$.locations[0].nicu.patients.nonCovid").value(1))
                .andExpect(jsonPath("$.totals.picu.capacity").value(1))
                .andExpect(jsonPath("$.totals.nicu.occupied").value(1))
                .andExpect(jsonPath("$.locations[0].clinic.capacity").value(1))
                .andExpect(jsonPath("$.locations[0].clinic.occupied").value(1))
                .andExpect(jsonPath("$.locations[0].clinic.available").value(0))
                .andExpect(jsonPath("$.locations[0].clinic.nonCovid.capacity").value(1))
                .andExpect(jsonPath("$.locations[0].clinic.patients.nonCovid").value(1))
                .andExpect(jsonPath("$.totals.clinic.capacity").value(1)));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(DAILY, region)
                        .param("date", "2024-02-06").headers(hospital(hiddenOrg)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations", hasSize(1)))
                .andExpect(jsonPath("$.locations[0].locationId").value(hiddenLoc))
                .andExpect(jsonPath("$.locations[0].shared").value(false))
                .andExpect(jsonPath("$.locations[0].clinic.patients.covid").value(1))
                .andExpect(jsonPath("$.locations[0].picu.capacity").value(1)));

        byte[] csv = mvc.perform(get(FEED).param("date", "2024-02-06").headers(caller("LCPS", null, null))
                        .accept(MediaType.parseMediaType("text/csv")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(LcpsCsv.HEADER + "\n"
                + "06-02-2024,3,1,1,0,1,0,0,1\n");

        mvc.perform(get(FEED).param("date", "2024-02-05").headers(caller("ADMIN", null, null)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.cursor").isString())
                .andExpect(jsonPath("$.reflects.position").isString())
                .andExpect(jsonPath("$.days", hasSize(1)))
                .andExpect(jsonPath("$.days[0].date").value("2024-02-05"))
                .andExpect(jsonPath("$.days[0].national.icu.patients.covid").value(1))
                .andExpect(jsonPath("$.days[0].national.icu.capacity").value(3))
                .andExpect(jsonPath("$.days[0].national.picu.capacity").value(1))
                .andExpect(jsonPath("$.days[0].national.nicu.occupied").value(1))
                .andExpect(jsonPath("$.days[0].regions[?(@.roazRegionId == '" + region + "')].picu.available")
                        .value(1))
                .andExpect(jsonPath("$.days[0].national.clinic.capacity").value(1))
                .andExpect(jsonPath("$.days[0].national.clinic.patients.covid").value(0))
                .andExpect(jsonPath("$.days[0].regions[?(@.roazRegionId == '" + region + "')].icu.capacity")
                        .value(3));
    }

    @Test
    void givenCallersAndParameters_whenRefused_thenProblemsWithCodes() throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        send(publish(Fixtures.location(unique("LOC"), org, region, "VR07")));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(DAILY, region)
                .param("date", "2024-02-06").headers(rcps(region))).andExpect(status().isOk()));

        mvc.perform(get(DAILY, region).param("date", "2024-02-06"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(DAILY, region).param("date", "2024-02-06").headers(caller("MKA", null, "VR07")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(DAILY, region).param("date", "2024-02-06").headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(DAILY, region).headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(DAILY, region).param("date", "06-02-2024").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(DAILY, region).param("date", "2999-01-01").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(DAILY, unique("ROAZ")).param("date", "2024-02-06").headers(caller("LCPS", null, null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
        mvc.perform(get(DAILY, region).param("date", "2024-02-06").headers(hospital(org)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locations[0].own").value(true));

        mvc.perform(get(FEED).param("date", "2024-02-06").headers(rcps(region)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(FEED).param("since", "nonsense").headers(caller("LCPS", null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(FEED).param("date", "2999-01-01").headers(caller("LCPS", null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
