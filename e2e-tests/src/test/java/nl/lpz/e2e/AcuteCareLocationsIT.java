package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The acute-care map's locations through the gateway (reporting-service): an ED registered with a position in
 * Amsterdam declares an SEH stop at stop-service, and the map of its veiligheidsregio reads STOP until the stop's end
 * for the dispatcher there.
 */
class AcuteCareLocationsIT {
    private static final String MAP = "/api/v1/acute-care-map/locations";

    @Test
    void givenALocatedEd_whenItDeclaresAnSehStop_thenTheMapReadsStopUntilItsExpectedEnd() {
        String id = Lpz.unique("E2E");
        ObjectNode body = Lpz.locationBody(AMC_ORG, "E2E kaartlocatie " + id, ROAZ_NHF, VR13, "SEH", "PCI");
        body.put("latitude", 52.294);
        body.put("longitude", 4.958);
        Api.Response registered = Api.put(Api.admin(), "/api/v1/locations/" + id, body);
        assertThat(registered.status()).as("register location: %s", registered).isIn(200, 201);
        Stops.awaitKnownToStopService(id, AMC_ORG, "SEH");
        Stops.Provider ed = new Stops.Provider(id, AMC_ORG, new Stops.Region(VR13, ROAZ_NHF));

        JsonNode open = awaitLocation(id, l -> l.path("acute").get(0).path("state").asText().equals("OPEN"));
        assertThat(open.path("latitude").asDouble()).isEqualTo(52.294);
        assertThat(open.path("acute").get(0).path("careKind").asText()).isEqualTo("SEH");
        assertThat(open.path("acute").get(0).path("hours").asText()).isEqualTo("24/7");

        JsonNode stop = Stops.declared(ed, "SEH", 60, "e2e: SEH vol");
        JsonNode stopped = awaitLocation(id, l -> l.path("acute").get(0).path("state").asText().equals("STOP"));
        Stops.assertStoredInstant(stopped.path("acute").get(0).path("stopUntil"),
                Lpz.instant(stop.path("expectedEnd")));
        assertThat(stopped.path("acute").get(1).path("careKind").asText()).isEqualTo("PCI");
        assertThat(stopped.path("acute").get(1).path("state").asText()).as("a stop affects only its own kind")
                .isEqualTo("OPEN");
        assertThat(stopped.path("stateHidden").asBoolean()).isFalse();
    }

    /** The location on the map of VR13 as its dispatcher reads it, once {@code ready} holds. */
    private static JsonNode awaitLocation(String locationId, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Api.Response r = Api.get(Api.mka(VR13), MAP + "?region=" + VR13);
            if (r.status() != 200) {
                return false;
            }
            assertThat(r.json().path("regionKind").asText()).isEqualTo("SAFETY_REGION");
            for (JsonNode l : r.json().path("locations")) {
                if (l.path("locationId").asText().equals(locationId) && ready.test(l)) {
                    found.set(l);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
