package nl.lpz.reporting.capacity;

import static nl.lpz.reporting.Fixtures.at;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Records published to the real broker appear in the HTTP answer of the regional capacity read model. */
class RegionalCapacityIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAPACITY = "/api/v1/regions/{roazRegionId}/capacity";

    @Autowired
    MeterRegistry meters;

    private String region;
    private String org;
    private String loc;

    @BeforeEach
    void aSharedLocationOnTheTopics() throws Exception {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR07")), publish(Fixtures.visibility(org, true, true, at(0))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                        .headers(rcps(region)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locations", hasSize(1)))
                .andExpect(jsonPath("$.locations[0].shared").value(true)));
    }

    @Test
    void givenBedReportsAndAThresholdOnTheTopics_whenAnRcpsReadsItsRegion_thenTheyAppearWithTheThresholdApplied()
            throws Exception {
        send(publish(bed(loc, org, "B1").element("IC_BEADEMD").status(BedStatus.AVAILABLE).at(at(1)).event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").status(BedStatus.AVAILABLE).at(at(2)).event()),
                publish(bed(loc, org, "B3").element("IC_BEADEMD").covid(true).patient(PatientCovidStatus.COVID)
                        .at(at(3)).event()),
                publish(bed(loc, org, "B4").status(BedStatus.RESERVED).at(at(4)).event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("IC_BEADEMD", 1))));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.roazRegionId").value(region))
                .andExpect(jsonPath("$.asOf").isString())
                .andExpect(jsonPath("$.locations[0].locationId").value(loc))
                .andExpect(jsonPath("$.locations[0].organisationId").value(org))
                .andExpect(jsonPath("$.locations[0].safetyRegionId").value("VR07"))
                .andExpect(jsonPath("$.locations[0].own").value(false))
                .andExpect(jsonPath("$.locations[0].lastEventAt").value(at(4).toString()))
                .andExpect(jsonPath("$.locations[0].elements[0].specialistisch").value("IC_BEADEMD"))
                .andExpect(jsonPath("$.locations[0].elements[0].icu").value(true))
                .andExpect(jsonPath("$.locations[0].elements[0].capacity").value(3))
                .andExpect(jsonPath("$.locations[0].elements[0].available").value(1))
                .andExpect(jsonPath("$.locations[0].elements[0].occupied").value(1))
                .andExpect(jsonPath("$.locations[0].elements[0].covid.occupied").value(1))
                .andExpect(jsonPath("$.locations[0].elements[0].nonCovid.available").value(1))
                .andExpect(jsonPath("$.locations[0].elements[0].threshold").doesNotExist())
                .andExpect(jsonPath("$.locations[0].elements[1].specialistisch").value("KLINIEK_VOLWASSENEN"))
                .andExpect(jsonPath("$.locations[0].elements[1].occupied").value(1))
                .andExpect(jsonPath("$.locations[0].totals.capacity").value(4))
                .andExpect(jsonPath("$.locations[0].groups.icu.capacity").value(3))
                .andExpect(jsonPath("$.locations[0].groups.icu.available").value(1))
                .andExpect(jsonPath("$.locations[0].groups.clinic.occupied").value(1))
                .andExpect(jsonPath("$.locations[0].groups.picu.capacity").value(0))
                .andExpect(jsonPath("$.locations[0].groups.icu.availableShared").doesNotExist())
                .andExpect(jsonPath("$.locations[0].patients.covid").value(1)));

        mvc.perform(get(CAPACITY, region).headers(hospital(org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations[0].own").value(true))
                .andExpect(jsonPath("$.locations[0].elements[0].available").value(2))
                .andExpect(jsonPath("$.locations[0].elements[0].threshold").value(1))
                .andExpect(jsonPath("$.locations[0].elements[0].availableShared").value(1))
                .andExpect(jsonPath("$.locations[0].groups.icu.available").value(2))
                .andExpect(jsonPath("$.locations[0].groups.icu.availableShared").value(1));

        mvc.perform(get(CAPACITY, region).param("asOf", "2026-11-23T09:02:30+01:00").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value(at(2).plusSeconds(30).toString()))
                .andExpect(jsonPath("$.locations[0].lastEventAt").value(at(2).toString()))
                .andExpect(jsonPath("$.locations[0].totals.available").value(1));
    }

    @Test
    void givenTheSameRecordTwiceOnTheTopic_whenProjected_thenItCountsOnce() throws Exception {
        Published report = publish(bed(loc, org, "B1").status(BedStatus.OCCUPIED).at(at(1)).event());
        send(report, report, publish(bed(loc, org, "B2").status(BedStatus.AVAILABLE).at(at(2)).event()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                        .headers(rcps(region)))
                .andExpect(jsonPath("$.locations[0].totals.capacity").value(2)));
        assertThat(jdbc.queryForObject("select count(*) from bed_history where location_id = ?", Long.class, loc))
                .isEqualTo(2L);
    }

    @Test
    void givenAPoisonRecordBeforeAValidOne_whenConsumed_thenThePoisonIsCountedAndStored_andTheValidOneIsProjected()
            throws Exception {
        double before = rejectedCount();
        send(Fixtures.poison(Topics.CAPACITY_BEDS, loc, "BedTeleported", "{\"bed\":1}"),
                Fixtures.poison(Topics.CAPACITY_BEDS, loc, "BedStatusChanged", "not json at all"),
                publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                        .headers(rcps(region)))
                .andExpect(jsonPath("$.locations[0].totals.available").value(1)));
        assertThat(rejectedCount() - before).isEqualTo(2.0);
        assertThat(jdbc.queryForList("select reason from parked_record where record_key = ? order by record_offset",
                String.class, loc)).containsExactly("UNKNOWN_TYPE", "UNREADABLE");
    }

    @Test
    void givenCallersOfVariousRoles_whenTheyReadTheRegion_thenAccessFollowsRoleAndRegion() throws Exception {
        // the body of this 401 is written by platform-support's ApiRequestFilter (see the service canvas, open points)
        mvc.perform(get(CAPACITY, region)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(CAPACITY, region).headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(CAPACITY, region).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(CAPACITY, region).headers(caller("MKA", null, "VR07"))).andExpect(status().isOk());
        mvc.perform(get(CAPACITY, region).headers(caller("MMA", null, "VR08")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(CAPACITY, region).headers(caller("LCPS", null, null))).andExpect(status().isOk());
        mvc.perform(get(CAPACITY, region).headers(caller("EPD_SYSTEM", unique("ORG"), null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locations[0].own").value(false));
        mvc.perform(get(CAPACITY, unique("ROAZ")).headers(caller("LCPS", null, null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
        mvc.perform(get(CAPACITY, region).param("asOf", "yesterday").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    private double rejectedCount() {
        return meters.find("lpz.consumer.records.parked").counters().stream().mapToDouble(Counter::count).sum();
    }
}
