package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Spoed's lead times (doorlooptijden) across the platform: an ED's EPD sends anonymous patient passages to
 * capacity-service (`POST /api/v1/modules/spoed/passages`), and the region reads per ED and day the median, p90 and
 * share over the norm of each interval from reporting-service, through the gateway. A passage that tries to carry
 * anything but its moments is refused.
 */
class LeadTimesIT {
    private static final String PASSAGES = "/api/v1/modules/spoed/passages";

    @Test
    void givenFourPassages_whenTheRegionReadsTheDay_thenMedianP90AndShareOverTheNormAreThoseOfTheirSpans() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = base.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
        int[] triageMinutes = {5, 10, 20, 30};
        List<Map<String, Object>> passages = new java.util.ArrayList<>();
        for (int i = 0; i < triageMinutes.length; i++) {
            // all four arrive on the same local day: within the hour after base, never after now
            Instant arrival = base.plus(i, ChronoUnit.MINUTES);
            passages.add(passage(UUID.randomUUID(), loc, Map.of("arrival", arrival.toString(),
                    "triage", arrival.plus(triageMinutes[i], ChronoUnit.MINUTES).toString(),
                    "departure", arrival.plus(90, ChronoUnit.MINUTES).toString())));
        }
        JsonNode answer = Api.expectStatus(Api.post(Api.epd(AMC_ORG), PASSAGES, Map.of("passages", passages)), 202);
        assertThat(answer.path("accepted").asInt()).isEqualTo(4);
        assertThat(Api.expectStatus(Api.post(Api.epd(AMC_ORG), PASSAGES, Map.of("passages", passages.subList(0, 1))),
                202).path("duplicates").asInt()).as("the same passage again").isEqualTo(1);

        // no patient identity can ride along: the passage object is closed
        Map<String, Object> identified = passage(UUID.randomUUID(), loc, Map.of("arrival", base.toString()));
        identified.put("patientId", "123456789");
        Api.Response refused = Api.post(Api.epd(AMC_ORG), PASSAGES, Map.of("passages", List.of(identified)));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        String path = "/api/v1/regions/" + ROAZ_NHF + "/modules/spoed/lead-times?from=" + day + "&to=" + day;
        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode times = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), path), 200);
            JsonNode triage = interval(times, loc, "arrivalToTriage");
            assertThat(triage).as("arrivalToTriage of %s in %s", loc, times).isNotNull();
            assertThat(triage.path("passages").asInt()).isEqualTo(4);
            assertThat(triage.path("medianMinutes").asDouble()).isEqualTo(15.0);
            assertThat(triage.path("p90Minutes").asDouble()).isEqualTo(27.0);
            assertThat(triage.path("normMinutes").asDouble()).isEqualTo(15.0);
            assertThat(triage.path("overNorm").asInt()).as("20 and 30 minutes").isEqualTo(2);
            assertThat(triage.path("overNormShare").asDouble()).isEqualTo(0.5);
            JsonNode stay = interval(times, loc, "lengthOfStay");
            assertThat(stay.path("medianMinutes").asDouble()).isEqualTo(90.0);
            assertThat(stay.path("overNorm").asInt()).as("90 minutes is within 4 hours").isZero();
            assertThat(interval(times, loc, "arrivalToDoctor").path("passages").asInt())
                    .as("none was seen by a doctor in these passages").isZero();
        });
        Api.expectProblem(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF
                + "/modules/spoed/lead-times?from=" + day + "&to=" + day.minusDays(1)), 400, "INVALID_FIELD");
    }

    private static Map<String, Object> passage(UUID eventId, String loc, Map<String, String> moments) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eventId", eventId.toString());
        p.put("providerId", loc);
        p.put("unitKind", "seh");
        p.put("unitId", "SEH-1");
        p.put("moments", moments);
        return p;
    }

    /** The interval's figures of the location's ED on the one day asked, or null. */
    private static JsonNode interval(JsonNode times, String loc, String interval) {
        for (JsonNode provider : times.path("providers")) {
            if (!loc.equals(provider.path("providerId").asText())) {
                continue;
            }
            for (JsonNode unit : provider.path("units")) {
                for (JsonNode day : unit.path("days")) {
                    for (JsonNode figures : day.path("intervals")) {
                        if (interval.equals(figures.path("interval").asText())) {
                            return figures;
                        }
                    }
                }
            }
        }
        return null;
    }
}
