package nl.lpz.reporting.childrenicu;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Records on the real topics appear in the national NICU/PICU overview through HTTP with the gateway's identity
 * headers. The overview is national and other tests share the database, so the assertions look at this test's own
 * ROAZ region.
 */
class ChildrenIcuIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OVERVIEW = "/api/v1/lcps/children-icu";

    @Test
    void givenChildrensIcuBedsOnTheTopics_whenTheLcpsAndAnotherRegionsRcpsRead_thenSharedFiguresWithThresholds()
            throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        String hiddenOrg = unique("ORG");
        String hiddenLoc = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR07")),
                publish(Fixtures.location(hiddenLoc, hiddenOrg, region, "VR07")),
                publish(Fixtures.visibility(org, true, true, at(0))),
                publish(bed(loc, org, "P1").element("PICU").status(BedStatus.AVAILABLE).at(at(1)).event()),
                publish(bed(loc, org, "P2").element("PICU").status(BedStatus.AVAILABLE).at(at(2)).event()),
                publish(bed(loc, org, "N1").element("NICU").patient(PatientCovidStatus.NON_COVID).at(at(3)).event()),
                publish(bed(loc, org, "K1").element("KLINIEK_KINDEREN").at(at(4)).event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("PICU", 1))),
                publish(bed(hiddenLoc, hiddenOrg, "P1").element("PICU").status(BedStatus.AVAILABLE).at(at(1))
                        .event()));
        String mine = "$.regions[?(@.roazRegionId == '" + region + "')]";

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(OVERVIEW)
                        .headers(caller("LCPS", null, null)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.asOf").isString())
                .andExpect(jsonPath("$.elements.picu[0]").value("PICU"))
                .andExpect(jsonPath(mine + ".locations[*]", hasSize(1)))
                .andExpect(jsonPath(mine + ".locations[0].locationId").value(loc))
                .andExpect(jsonPath(mine + ".locations[0].organisationId").value(org))
                .andExpect(jsonPath(mine + ".locations[0].roazRegionId").value(region))
                .andExpect(jsonPath(mine + ".locations[0].safetyRegionId").value("VR07"))
                .andExpect(jsonPath(mine + ".locations[0].picu.capacity").value(2))
                .andExpect(jsonPath(mine + ".locations[0].picu.available").value(1))
                .andExpect(jsonPath(mine + ".locations[0].nicu.occupied").value(1))
                .andExpect(jsonPath(mine + ".locations[0].lastEventAt").value(at(3).toString()))
                .andExpect(jsonPath(mine + ".totals.locations").value(1))
                .andExpect(jsonPath(mine + ".totals.picu.capacity").value(2))
                .andExpect(jsonPath(mine + ".totals.nicu.capacity").value(1))
                .andExpect(jsonPath("$.regions[*].locations[?(@.locationId == '" + hiddenLoc + "')]", empty())));

        // RCPS of any region: the children's ICU is coordinated nationally
        mvc.perform(get(OVERVIEW).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath(mine + ".locations[0].picu.available").value(1));
        mvc.perform(get(OVERVIEW).param("asOf", "2026-11-23T09:02:30+01:00").headers(caller("ADMIN", null, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value(at(2).plusSeconds(30).toString()))
                .andExpect(jsonPath(mine + ".locations[0].picu.capacity").value(2))
                .andExpect(jsonPath(mine + ".locations[0].nicu.capacity").value(0))
                .andExpect(jsonPath(mine + ".locations[0].lastEventAt").value(at(2).toString()))
                .andExpect(jsonPath(mine + ".locations[0].ageSeconds").value(30));
    }

    @Test
    void givenCallersAndParameters_whenRefused_thenProblemsWithCodes() throws Exception {
        mvc.perform(get(OVERVIEW)).andExpect(status().isUnauthorized());
        for (String role : new String[]{"MKA", "MMA", "PUBLIC_AGGREGATE"}) {
            mvc.perform(get(OVERVIEW).headers(caller(role, null, "VR07")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        }
        mvc.perform(get(OVERVIEW).headers(hospital(unique("ORG"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(OVERVIEW).param("asOf", "yesterday").headers(caller("LCPS", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
