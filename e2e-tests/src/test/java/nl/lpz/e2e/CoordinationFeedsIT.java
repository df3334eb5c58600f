package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 through the gateway: a known picture over three report days (days before today, where no other test has data),
 * then a late correction for the second day. The RCPS report, the LCPS JSON and CSV show each day as it stood at its
 * report moment (10:00 Europe/Amsterdam), the correction re-issues the days it touches and only
 * those, the public figures publish no small count, and a validation submission is compared with the platform.
 */
class CoordinationFeedsIT {
    private static final String HEADER = "datum,IC_capaciteit_totaal,kliniek_capaciteit_totaal,IC_bezetting_covid,"
            + "IC_bezetting_ontlabeld,IC_bezetting_noncovid,kliniek_bezetting_covid,kliniek_bezetting_ontlabeld,"
            + "kliniek_bezetting_noncovid";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Api.Identity LCPS = new Api.Identity("e2e-lcps", List.of("LCPS"), null, null);
    private static final Api.Identity PUBLIC = new Api.Identity("e2e-public", List.of("PUBLIC_AGGREGATE"), null, null);

    @Test
    void givenThreeDaysOfReportsAndALateCorrection_whenTheFeedsAreRead_thenEachDayIsItsReportMomentsPicture()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        Bed ic = Bed.at(loc, "IC", "x", "IC_BEADEMD");
        Bed ward = Bed.at(loc, "K", "x", "KLINIEK_VOLWASSENEN");
        // report days before today, where no other test of the suite has data
        LocalDate today = LocalDate.now(AMSTERDAM);
        LocalDate day1 = today.minusDays(4);
        LocalDate day2 = today.minusDays(3);
        LocalDate day3 = today.minusDays(2);
        String[] label = {DATUM.format(day1), DATUM.format(day2), DATUM.format(day3)};
        Instant d1 = moment(day1).minusSeconds(3600);
        Instant d2 = moment(day2).minusSeconds(3600);
        Instant d3 = moment(day3).minusSeconds(3600);
        Lpz.pushAll(Api.epd(AMC_ORG), List.of(
                ic.bed("i1").covidCapacity(true).occupied("COVID").at(d1),
                ic.bed("i2").available().at(d1),
                ward.bed("k1").occupied("NON_COVID").at(d1),
                ward.bed("k2").occupied("COVID_DELABELLED").at(d1),
                ic.bed("i2").occupied("NON_COVID").at(d2),
                ward.bed("k1").available().at(d3),
                // after the report moment of day 3: not in any of the three rows
                ic.bed("i2").available().at(moment(day3).plusSeconds(3600))));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(csv(day3)).isEqualTo(HEADER + "\n" + label[2] + ",2,2,1,0,1,0,1,0\n"));
        assertThat(csv(day1)).isEqualTo(HEADER + "\n" + label[0] + ",2,2,1,0,0,0,1,1\n");
        assertThat(csv(day2)).isEqualTo(HEADER + "\n" + label[1] + ",2,2,1,0,1,0,1,1\n");

        JsonNode rcps = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/rcps/" + ROAZ_NHF + "/daily?date=" + day2), 200);
        assertThat(Instant.parse(rcps.path("reportMoment").asText())).isEqualTo(moment(day2));
        JsonNode mine = null;
        for (JsonNode l : rcps.path("locations")) {
            if (loc.equals(l.path("locationId").asText())) {
                mine = l;
            }
        }
        assertThat(mine).as("location %s in %s", loc, rcps).isNotNull();
        assertThat(mine.path("icu").path("capacity").asInt()).isEqualTo(2);
        assertThat(mine.path("icu").path("occupied").asInt()).isEqualTo(2);
        assertThat(mine.path("icu").path("covid").path("capacity").asInt()).isEqualTo(1);
        assertThat(mine.path("icu").path("patients").path("covid").asInt()).isEqualTo(1);
        assertThat(mine.path("icu").path("patients").path("nonCovid").asInt()).isEqualTo(1);
        assertThat(mine.path("clinic").path("capacity").asInt()).isEqualTo(2);
        assertThat(mine.path("clinic").path("patients").path("covidDelabelled").asInt()).isEqualTo(1);

        String cursor = Api.expectStatus(Api.get(LCPS, "/api/v1/lcps/feed?date=" + day3), 200).path("cursor").asText();
        assertThat(cursor).isNotBlank();

        // the late correction: on day 2 at 08:30Z the COVID patient in i1 had left (reported only now)
        Lpz.pushAll(Api.epd(AMC_ORG), ic.bed("i1").covidCapacity(true).available().at(d2.plusSeconds(1800)));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(csv(day2)).isEqualTo(HEADER + "\n" + label[1] + ",2,2,0,0,1,0,1,1\n"));
        assertThat(csv(day3)).isEqualTo(HEADER + "\n" + label[2] + ",2,2,0,0,1,0,1,0\n");
        assertThat(csv(day1)).as("a day before the correction is unchanged")
                .isEqualTo(HEADER + "\n" + label[0] + ",2,2,1,0,0,0,1,1\n");

        // the LCPS JSON of the corrected day, byte for byte; only the log position it reflects is taken from the answer
        String body = raw(day2, "application/json");
        JsonNode answer = Api.JSON.readTree(body);
        List<String> regionIds = new ArrayList<>();
        answer.path("days").path(0).path("regions").forEach(r -> regionIds.add(r.path("roazRegionId").asText()));
        assertThat(regionIds).as("every ROAZ region with a location, in id order").contains(ROAZ_NHF).isSorted();
        // day 2 at 10:00: ICU i1 (COVID capacity) free after the correction, i2 a non-COVID patient; clinic k1
        // non-COVID, k2 COVID delabelled; no children's ICU beds (picu and nicu, of ICU, are zero)
        String icu = block(2, 1, 1, "{\"capacity\":1,\"occupied\":0,\"available\":1}",
                "{\"capacity\":1,\"occupied\":1,\"available\":0}", 0, 0, 1);
        String clinic = block(2, 2, 0, "{\"capacity\":0,\"occupied\":0,\"available\":0}",
                "{\"capacity\":2,\"occupied\":2,\"available\":0}", 0, 1, 1);
        String zero = "{\"capacity\":0,\"occupied\":0,\"available\":0}";
        String empty = block(0, 0, 0, zero, zero, 0, 0, 0);
        StringBuilder regions = new StringBuilder();
        for (String region : regionIds) {
            boolean ours = region.equals(ROAZ_NHF);
            regions.append(regions.isEmpty() ? "" : ",").append("{\"roazRegionId\":\"").append(region)
                    .append("\",\"reportMoment\":\"").append(moment(day2)).append("\",\"icu\":")
                    .append(ours ? icu : empty).append(",\"clinic\":").append(ours ? clinic : empty)
                    .append(",\"picu\":").append(empty).append(",\"nicu\":").append(empty).append("}");
        }
        String expected = "{\"cursor\":" + Api.JSON.writeValueAsString(answer.path("cursor").asText())
                + ",\"reflects\":" + Api.JSON.writeValueAsString(answer.path("reflects"))
                + ",\"timeZone\":\"Europe/Amsterdam\",\"days\":[{\"date\":\"" + day2 + "\",\"national\":{\"icu\":"
                + icu + ",\"clinic\":" + clinic + ",\"picu\":" + empty + ",\"nicu\":" + empty + "},\"regions\":["
                + regions + "]}]}";
        assertThat(body).isEqualTo(expected);
        assertThat(answer.path("reflects").path("position").asText()).isNotBlank();

        JsonNode since = Api.expectStatus(Api.get(LCPS, "/api/v1/lcps/feed?since=" + cursor), 200);
        List<String> reissued = new ArrayList<>();
        since.path("days").forEach(d -> reissued.add(d.path("date").asText()));
        assertThat(reissued).as("days re-issued after the cursor").contains(day2.toString(), day3.toString())
                .doesNotContain(day1.toString());

        JsonNode publicFigures = Api.expectStatus(Api.get(PUBLIC, "/api/v1/public/capacity"), 200);
        assertNoSmallPatientCount(publicFigures, "$");
        assertThat(publicFigures.path("national").isObject()).isTrue();

        ObjectNode submission = Api.JSON.createObjectNode();
        submission.put("date", day2.toString());
        ObjectNode element = submission.putArray("locations").addObject().put("locationId", loc)
                .putArray("elements").addObject().put("specialistisch", "IC_BEADEMD");
        element.putObject("covid").put("capacity", 1).put("occupied", 1);
        element.putObject("nonCovid").put("capacity", 1).put("occupied", 1);
        JsonNode compared = Api.expectStatus(Api.post(Api.hospital(AMC_ORG),
                "/api/v1/validation/" + AMC_ORG + "/submissions", submission), 201);
        int differing = 0;
        for (JsonNode d : compared.path("differences")) {
            if ("IC_BEADEMD".equals(d.path("specialistisch").asText()) && d.path("differs").asBoolean()) {
                differing++;
                assertThat(d.path("covidSplit").asText()).as("the corrected COVID bed differs: %s", d)
                        .containsIgnoringCase("covid").doesNotContainIgnoringCase("non");
                assertThat(d.path("submitted").path("occupied").asInt()).isEqualTo(1);
                assertThat(d.path("platform").path("occupied").asInt()).isZero();
                assertThat(d.path("classification").isNull()).isTrue();
            }
        }
        assertThat(differing).as("IC differences in %s", compared).isEqualTo(1);
    }

    private static Instant moment(LocalDate day) {
        return day.atTime(10, 0).atZone(AMSTERDAM).toInstant();
    }

    private static String block(int capacity, int occupied, int available, String covid, String nonCovid,
                                int covidPatients, int delabelled, int nonCovidPatients) {
        return "{\"capacity\":" + capacity + ",\"occupied\":" + occupied + ",\"available\":" + available
                + ",\"covid\":" + covid + ",\"nonCovid\":" + nonCovid + ",\"patients\":{\"covid\":" + covidPatients
                + ",\"covidDelabelled\":" + delabelled + ",\"nonCovid\":" + nonCovidPatients + "}}";
    }

    private static String csv(LocalDate date) {
        return raw(date, "text/csv");
    }

    /** The feed of one day as the bytes the gateway sent, decoded as UTF-8. */
    private static String raw(LocalDate date, String mediaType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.gatewayUrl() + "/api/v1/lcps/feed?date=" + date))
                .header("Authorization", "Bearer " + LCPS.token())
                .header("Accept", mediaType)
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> r = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("%s for %s: %s", mediaType, date, r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertNoSmallPatientCount(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (path.endsWith(".patients") && f.getValue().isInt()) {
                    int count = f.getValue().asInt();
                    assertThat(count < 1 || count > 9).as("%s.%s = %s is a small count", path, f.getKey(), count)
                            .isTrue();
                }
                assertNoSmallPatientCount(f.getValue(), path + "." + f.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoSmallPatientCount(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
