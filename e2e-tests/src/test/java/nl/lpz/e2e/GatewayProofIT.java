package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectProblem;
import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import nl.lpz.e2e.Lpz.Proof;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request that reaches a service instance without the gateway (ADR 0017): identity headers alone, or with a proof
 * for another request, an expired one or one by another key, are 401 {@code UNAUTHENTICATED} and change nothing; the
 * gateway's proof of the same request is served.
 */
class GatewayProofIT {
    static String loc;
    static Bed bed;
    static String capacity;

    @BeforeAll
    static void aLocationOfTheAmcWithOneAvailableIcBed() {
        capacity = Platform.instancesOf(Platform.CAPACITY).get(0);
        loc = Lpz.newLocation(AMC_ORG);
        bed = Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available().at(Instant.now().minusSeconds(300));
        Lpz.pushAll(Api.epd(AMC_ORG), bed);
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0));
    }

    @Test
    void givenIdentityHeadersWithoutAProof_whenABedEventIsSentToTheServiceDirectly_then401AndNothingAppended() {
        Api.Response r = Lpz.pushDirect(capacity, bed.occupied(null).at(Instant.now().minusSeconds(200)), Proof.NONE);

        JsonNode problem = expectProblem(r, 401, "UNAUTHENTICATED");
        assertThat(problem.path("detail").asText()).contains("proof of the gateway").contains("missing");
        assertUnchanged();
    }

    @Test
    void givenAProofForAnotherPathAnExpiredOneOrOneByAnotherKey_whenSentDirectly_then401AndNothingAppended() {
        for (Proof proof : new Proof[] {Proof.OTHER_PATH, Proof.EXPIRED, Proof.OTHER_KEY}) {
            Api.Response r = Lpz.pushDirect(capacity, bed.occupied(null).at(Instant.now().minusSeconds(200)), proof);
            expectProblem(r, 401, "UNAUTHENTICATED");
        }
        assertUnchanged();
    }

    @Test
    void givenRcpsHeadersWithoutAProof_whenTheRegionalPictureIsReadFromReportingDirectly_then401() throws Exception {
        String reporting = Platform.instancesOf(Platform.REPORTING).get(0);
        String url = Platform.baseUrl(reporting) + "/api/v1/regions/" + ROAZ_NHF + "/capacity";
        HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Lpz-Subject", "intruder").header("X-Lpz-Roles", "RCPS").header("X-Lpz-Region", ROAZ_NHF)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        expectProblem(new Api.Response("GET", url, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.body()), 401, "UNAUTHENTICATED");
    }

    @Test
    void givenTheGatewaysProof_whenSentDirectly_thenServed() {
        String other = Lpz.newLocation(AMC_ORG);
        Bed direct = Bed.at(other, "IC", "bed-1", "IC_BEADEMD").available().at(Instant.now().minusSeconds(60));

        Api.Response r = Lpz.pushDirect(capacity, direct, Proof.VALID);

        assertThat(r.status()).as("%s", r).isEqualTo(202);
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, other, l -> assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0));
    }

    private static void assertUnchanged() {
        Bed sentinel = Bed.at(loc, Lpz.unique("S"), "s", "PAAZ").available().at(Instant.now().minusSeconds(1));
        Lpz.pushAll(Api.epd(AMC_ORG), sentinel);
        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, x -> {
            assertThat(x).as("%s still shared", loc).isNotNull();
            assertThat(instant(x.get("lastEventAt"))).isEqualTo(sentinel.occurredAt());
        });
        assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0);
    }
}
