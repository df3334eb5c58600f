package nl.lpz.reporting.refusals;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.refusals.RefusalFixtures.obstetric;
import static nl.lpz.reporting.refusals.RefusalFixtures.refusal;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Birth-care refusals published on {@code lpz.capacity.birth-refusals.v1} as capacity-service does, consumed by the
 * pipeline and read back through HTTP with the gateway's identity headers: the hospital's own list, the region's
 * monthly counts, the practice's list, and who may read what.
 */
class RefusalsIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ABOUT = "/api/v1/locations/{locationId}/refusals";
    private static final String MONTHLY = "/api/v1/regions/{roazRegionId}/refusals/monthly";
    private static final String MINE = "/api/v1/birth-care/refusals/mine";

    private String region;
    private String org;
    private String loc;
    private String orgB;
    private String locB;
    private String practice;
    private Instant at;
    private LocalDate day;

    @BeforeEach
    void twoHospitalsOfARegion() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        orgB = unique("ORG");
        locB = unique("LOC");
        practice = unique("VP");
        at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        day = LocalDate.ofInstant(at, ZoneId.of("Europe/Amsterdam"));
        send(publish(obstetric(loc, org, region)), publish(obstetric(locB, orgB, region)));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where roaz_region_id = ?", Long.class, region) == 2);
    }

    private HttpHeaders midwife(String practiceId) {
        return caller("MIDWIFE", practiceId, "ROAZ-NHF");
    }

    @Test
    void givenTwoRefusalsOfAHospital_whenItAndTheRegionRead_thenTheHospitalSeesBothAndTheRegionTheMonthlyCounts()
            throws Exception {
        send(publish(refusal(practice, "ROAZ-NHF", loc, at, RefusalReason.NO_DELIVERY_ROOM, locB)),
                publish(refusal(practice, "ROAZ-NHF", loc, at.plusSeconds(60), RefusalReason.PRESENTATIESTOP,
                        null)));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(ABOUT, loc)
                        .param("from", day.toString()).param("to", day.toString()).headers(hospital(org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locationId").value(loc))
                .andExpect(jsonPath("$.refusals", hasSize(2))));
        mvc.perform(get(ABOUT, loc).param("from", day.toString()).param("to", day.toString())
                        .headers(caller("EPD_SYSTEM", org, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals[0].reason").value("NO_DELIVERY_ROOM"))
                .andExpect(jsonPath("$.refusals[0].takenByLocationId").value(locB))
                .andExpect(jsonPath("$.refusals[0].takenByName").value("Ziekenhuis " + locB))
                .andExpect(jsonPath("$.refusals[0].midwifeRegionId").value("ROAZ-NHF"))
                .andExpect(jsonPath("$.refusals[0].practiceId").doesNotExist())
                .andExpect(jsonPath("$.refusals[1].reason").value("PRESENTATIESTOP"))
                .andExpect(jsonPath("$.refusals[1].takenByLocationId").isEmpty());
        mvc.perform(get(ABOUT, loc).param("from", day.toString()).headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals", hasSize(2)));
        // default period: today (Europe/Amsterdam) only
        mvc.perform(get(ABOUT, loc).headers(caller("LCPS", null, null))).andExpect(status().isOk());

        String month = day.toString().substring(0, 7);
        mvc.perform(get(MONTHLY, region).param("from", month).param("to", month).headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hospitals", hasSize(2)))
                .andExpect(jsonPath("$.hospitals[?(@.locationId == '" + loc + "')].months[0].total").value(2))
                .andExpect(jsonPath("$.hospitals[?(@.locationId == '" + loc + "')].months[0].byReason"
                        + ".NO_DELIVERY_ROOM").value(1))
                .andExpect(jsonPath("$.hospitals[?(@.locationId == '" + loc + "')].months[0].byReason"
                        + ".PRESENTATIESTOP").value(1))
                .andExpect(jsonPath("$.hospitals[?(@.locationId == '" + loc + "')].months[0].takenElsewhere")
                        .value(1))
                .andExpect(jsonPath("$.hospitals[?(@.locationId == '" + locB + "')].months[0].total").value(0))
                .andExpect(jsonPath("$.totals[0].month").value(month))
                .andExpect(jsonPath("$.totals[0].total").value(2));

        mvc.perform(get(MINE).param("from", day.toString()).headers(midwife(practice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.practiceId").value(practice))
                .andExpect(jsonPath("$.refusals", hasSize(2)))
                .andExpect(jsonPath("$.refusals[0].refusedLocationId").value(loc))
                .andExpect(jsonPath("$.refusals[0].eventId").isNotEmpty());
        mvc.perform(get(MINE).param("from", day.toString()).headers(midwife(unique("VP"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals", hasSize(0)));
    }

    @Test
    void givenReadersWithoutTheRight_whenTheyRead_then403WithTheContractsCodes() throws Exception {
        mvc.perform(get(ABOUT, loc).headers(hospital(orgB)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        mvc.perform(get(ABOUT, loc).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        for (HttpHeaders other : new HttpHeaders[] {midwife(practice), caller("MKA", null, "VR13"),
                caller("PUBLIC_AGGREGATE", null, null)}) {
            mvc.perform(get(ABOUT, loc).headers(other))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        }
        mvc.perform(get(MONTHLY, region).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(MONTHLY, region).headers(hospital(org)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(MINE).headers(hospital(org)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(MINE).headers(caller("MIDWIFE", null, "ROAZ-NHF")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
    }

    @Test
    void givenUnknownTargetsOrBadPeriods_whenRead_then404Or400Problems() throws Exception {
        mvc.perform(get(ABOUT, unique("LOC")).headers(caller("ADMIN", null, null)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        mvc.perform(get(MONTHLY, unique("ROAZ")).headers(caller("LCPS", null, null)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
        mvc.perform(get(ABOUT, loc).param("from", "2026-12-07").param("to", "2026-12-06").headers(hospital(org)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(MONTHLY, region).param("from", "2024-01").param("to", "2026-01").headers(rcps(region)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(MONTHLY, region).param("from", "2024-02").param("to", "2026-01").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals", hasSize(24)));
        mvc.perform(get(MONTHLY, region).param("to", "december").headers(rcps(region)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(MINE).param("from", "2020-01-01").param("to", "2026-01-01").headers(midwife(practice)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
