package nl.lpz.reporting.publicfigures;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The public figures through HTTP, from records on the real broker. The database is shared with the other
 * integration tests (their regions are in the national row and may take part in complementary suppression), so the
 * cells of this test's own regions are checked as "the true value, or suppressed as COMPLEMENTARY" where another
 * region's data could decide it, and exactly where only this test's data decides.
 */
class PublicCapacityIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PUBLIC = "/api/v1/public/capacity";

    private static HttpHeaders publicAggregate() {
        return caller("PUBLIC_AGGREGATE", null, null);
    }

    /** A shared (or hidden) organisation with one location in the region. */
    private static List<Published> hospital(String region, String org, String loc, boolean shared) {
        List<Published> records = new ArrayList<>();
        records.add(publish(Fixtures.location(loc, org, region, "VR07")));
        records.add(publish(Fixtures.visibility(org, shared, shared, at(0))));
        return records;
    }

    private JsonNode regionOf(JsonNode body, String region) {
        for (JsonNode r : body.get("regions")) {
            if (region.equals(r.get("roazRegionId").asText())) {
                return r;
            }
        }
        return null;
    }

    private JsonNode read() throws Exception {
        String text = mvc.perform(get(PUBLIC).headers(publicAggregate()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return EventJson.mapper().readTree(text);
    }

    /** The true value, or null with reason COMPLEMENTARY (decided by other tests' regions in the same column). */
    private static void trueOrComplementary(JsonNode cell, String figure, int expected) {
        String[] path = figure.split("\\.");
        JsonNode value = path.length == 1 ? cell.get(figure) : cell.get(path[0]).get(path[1]);
        if (value.isNull()) {
            assertThat(cell.get("suppressed").get(figure).asText()).as(figure).isEqualTo("COMPLEMENTARY");
        } else {
            assertThat(value.asInt()).as(figure).isEqualTo(expected);
            assertThat(cell.get("suppressed").has(figure)).as(figure).isFalse();
        }
    }

    @Test
    void givenRegionsOnTheTopics_whenThePublicReadsTheFigures_thenSmallCellsAndFewHospitalsAreSuppressed()
            throws Exception {
        // region A: three shared hospitals, each 1 ICU bed with a COVID patient and 4 clinic beds with non-COVID
        // patients; one hidden hospital with an ICU bed that must not count
        String regionA = unique("ROAZ");
        List<Published> records = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            String org = unique("ORG");
            String loc = unique("LOC");
            records.addAll(hospital(regionA, org, loc, true));
            records.add(publish(bed(loc, org, "I1").element("IC_BEADEMD").covid(true).status(BedStatus.OCCUPIED)
                    .patient(PatientCovidStatus.COVID).at(at(1)).event()));
            for (int b = 0; b < 4; b++) {
                records.add(publish(bed(loc, org, "K" + b).status(BedStatus.OCCUPIED)
                        .patient(PatientCovidStatus.NON_COVID).at(at(2)).event()));
            }
        }
        String hiddenOrg = unique("ORG");
        String hiddenLoc = unique("LOC");
        records.addAll(hospital(regionA, hiddenOrg, hiddenLoc, false));
        records.add(publish(bed(hiddenLoc, hiddenOrg, "I1").element("IC_BEADEMD").status(BedStatus.AVAILABLE)
                .at(at(1)).event()));
        // region B: two shared hospitals with a clinic bed each: too few organisations
        String regionB = unique("ROAZ");
        for (int h = 0; h < 2; h++) {
            String org = unique("ORG");
            String loc = unique("LOC");
            records.addAll(hospital(regionB, org, loc, true));
            records.add(publish(bed(loc, org, "K1").status(BedStatus.AVAILABLE).at(at(1)).event()));
        }
        send(records.toArray(new Published[0]));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonNode body = read();
            JsonNode a = regionOf(body, regionA);
            JsonNode b = regionOf(body, regionB);
            assertThat(a).isNotNull();
            assertThat(b).isNotNull();
            // everything of region A is projected (the clinic nonCovid row total is 12 unless complementary)
            assertThat(a.get("total").get("suppressed").get("patients.covid").asText()).isEqualTo("SMALL_COUNT");
            JsonNode clinicB = b.get("clinic");
            assertThat(clinicB.get("suppressed").get("capacity").asText()).isEqualTo("TOO_FEW_ORGANISATIONS");
            trueOrComplementary(a.get("clinic"), "capacity", 12);
        });

        JsonNode body = read();
        assertThat(body.get("generatedAt").isTextual()).isTrue();
        assertThat(body.get("national").has("roazRegionId")).isFalse();
        assertThat(body.get("suppression").get("minimumOrganisations").asInt()).isEqualTo(3);
        assertThat(body.get("suppression").get("smallCountMin").asInt()).isEqualTo(1);
        assertThat(body.get("suppression").get("smallCountMax").asInt()).isEqualTo(9);
        assertThat(body.get("suppression").get("rules").size()).isGreaterThan(3);

        JsonNode a = regionOf(body, regionA);
        JsonNode icu = a.get("icu");
        // 3 COVID patients on ICU: a small count, suppressed with its reason
        assertThat(icu.get("patients").get("covid").isNull()).isTrue();
        assertThat(icu.get("suppressed").get("patients.covid").asText()).isEqualTo("SMALL_COUNT");
        // the hidden hospital's ICU bed does not count: 3 ICU beds, not 4
        trueOrComplementary(icu, "capacity", 3);
        trueOrComplementary(icu, "occupied", 3);
        trueOrComplementary(icu, "available", 0);
        trueOrComplementary(icu, "patients.nonCovid", 0);
        JsonNode clinic = a.get("clinic");
        trueOrComplementary(clinic, "capacity", 12);
        trueOrComplementary(clinic, "occupied", 12);
        trueOrComplementary(clinic, "patients.nonCovid", 12);
        trueOrComplementary(clinic, "patients.covid", 0);
        trueOrComplementary(a.get("total"), "capacity", 15);
        assertThat(a.get("total").get("patients").get("covid").isNull()).isTrue();

        JsonNode b = regionOf(body, regionB);
        for (String kind : List.of("clinic", "total")) {
            JsonNode cell = b.get(kind);
            assertThat(cell.get("capacity").isNull()).as(kind).isTrue();
            assertThat(cell.get("available").isNull()).as(kind).isTrue();
            assertThat(cell.get("patients").get("nonCovid").isNull()).as(kind).isTrue();
            assertThat(cell.get("suppressed").get("capacity").asText()).as(kind).isEqualTo("TOO_FEW_ORGANISATIONS");
        }

        // (a) over the whole answer: no published patient count in 1..9
        List<JsonNode> areas = new ArrayList<>();
        areas.add(body.get("national"));
        body.get("regions").forEach(areas::add);
        for (JsonNode area : areas) {
            for (String kind : List.of("icu", "clinic", "total")) {
                for (String p : List.of("covid", "covidDelabelled", "nonCovid")) {
                    JsonNode v = area.get(kind).get("patients").get(p);
                    if (!v.isNull()) {
                        assertThat(PublicFigures.isSmall(v.asInt())).as(area + " " + kind + " " + p).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void givenTheRoles_whenReadingThePublicFigures_thenOnlyPublicAggregateLcpsAndAdminMay() throws Exception {
        mvc.perform(get(PUBLIC).headers(publicAggregate())).andExpect(status().isOk());
        mvc.perform(get(PUBLIC).headers(caller("LCPS", null, null))).andExpect(status().isOk());
        mvc.perform(get(PUBLIC).headers(caller("ADMIN", null, null))).andExpect(status().isOk());
        mvc.perform(get(PUBLIC).headers(rcps("ROAZ-X")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(PUBLIC).headers(hospital("ORG-X")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
    }
}
