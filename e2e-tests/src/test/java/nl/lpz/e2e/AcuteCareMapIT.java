package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The acute-care map (LAZK) through the gateway on the real reference topology and population: the national
 * baseline counts every inhabitant, the RCPS of Noord-Holland/Flevoland closes the ED of Den Helder and sees tens of
 * thousands move beyond the 45-minute norm, a hospital of the region reads the same scenario back, and bad scenarios
 * get the contract's problems.
 */
class AcuteCareMapIT {
    private static final String DEN_HELDER = "103702";
    private static final String ANNADAL = "100202"; // an outpatient clinic: no ED

    @Test
    void givenTheReferenceTopology_whenTheRcpsClosesARemoteEd_thenManyMoveBeyondTheNormAndTheRegionReadsIt() {
        Api.Identity publicReader = new Api.Identity("e2e-public", List.of("PUBLIC_AGGREGATE"), null, null);
        Api.Response national = Api.get(publicReader, "/api/v1/acute-care-map/reachability");
        assertThat(national.status()).as("%s", national).isEqualTo(200);
        JsonNode n = national.json();
        assertThat(n.path("populationTotal").asLong()).isEqualTo(17_472_870L);
        assertThat(n.path("populationWithin45").asLong() + n.path("populationBeyond45").asLong())
                .isEqualTo(17_472_870L);
        assertThat(n.path("model").asText()).startsWith("modelled");

        Api.Response defined = Api.post(Api.rcps(ROAZ_NHF), "/api/v1/acute-care-map/scenarios",
                Map.of("name", "SEH Den Helder dicht", "closeSeh", List.of(DEN_HELDER)));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        JsonNode result = defined.json().path("result");
        assertThat(defined.json().path("scope").asText()).isEqualTo(ROAZ_NHF);
        assertThat(result.path("scenario").path("populationBeyond45").asLong()
                - result.path("baseline").path("populationBeyond45").asLong()).isGreaterThan(20_000L);
        assertThat(result.path("affectedAreas").size()).isPositive();
        assertThat(result.path("receiving").size()).isPositive();

        String id = defined.json().path("id").asText();
        Api.Response read = Api.get(Api.hospital(AMC_ORG), "/api/v1/acute-care-map/scenarios/" + id);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().path("result")).isEqualTo(result);
        assertThat(Api.get(Api.rcps("ROAZ-ZWN"), "/api/v1/acute-care-map/scenarios/" + id).status()).isEqualTo(404);

        // the closure replayed on the stop history of the last 30 days (reporting-service)
        Api.Response replay = Api.get(Api.rcps(ROAZ_NHF), "/api/v1/acute-care-map/replay?closeSeh=" + DEN_HELDER
                + "&receiving=" + result.path("receiving").get(0).path("locationId").asText());
        assertThat(replay.status()).as("%s", replay).isEqualTo(200);
        assertThat(replay.json().path("days").asInt()).isEqualTo(30);
        assertThat(replay.json().path("safetyRegions").get(0).path("safetyRegionId").asText()).isEqualTo("VR10");
        assertThat(replay.json().path("safetyRegions").get(0).path("scenarioMinutesWithoutOpenEd").asLong())
                .isGreaterThanOrEqualTo(replay.json().path("safetyRegions").get(0)
                        .path("baselineMinutesWithoutOpenEd").asLong());
    }

    @Test
    void givenBadScenarios_whenPosted_thenProblemsWithStableCodes() {
        Api.Response unknown = Api.post(Api.admin(), "/api/v1/acute-care-map/scenarios",
                Map.of("name", "x", "closeSeh", List.of(Lpz.unique("NONE"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("code").asText()).isEqualTo("UNKNOWN_LOCATION");
        Api.Response noEd = Api.post(Api.admin(), "/api/v1/acute-care-map/scenarios",
                Map.of("name", "x", "closeSeh", List.of(ANNADAL)));
        assertThat(noEd.status()).isEqualTo(422);
        assertThat(noEd.json().path("code").asText()).isEqualTo("CARE_NOT_OFFERED");
        Api.Response empty = Api.post(Api.admin(), "/api/v1/acute-care-map/scenarios", Map.of("name", "x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("code").asText()).isEqualTo("INVALID_FIELD");
        Api.Response wrongRegion = Api.get(Api.admin(), "/api/v1/acute-care-map/reachability?region=VR77");
        assertThat(wrongRegion.status()).isEqualTo(400);
        assertThat(wrongRegion.json().path("code").asText()).isEqualTo("UNKNOWN_SAFETY_REGION");
    }
}
