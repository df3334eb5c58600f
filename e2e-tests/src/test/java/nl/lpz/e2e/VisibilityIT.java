package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Schaduwdraaien: a new organisation starts hidden — its figures are visible to itself only — until it switches to
 * shared; sharing shows the picture from the switch on, and with {@code releaseHistory} also before it.
 */
class VisibilityIT {

    static ObjectNode visibility(boolean shared, boolean releaseHistory) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("shared", shared);
        body.put("releaseHistory", releaseHistory);
        return body;
    }

    @Test
    void givenANewOrganisation_whenItPushesBeds_thenOnlyItSeesItsLocationUntilItSharesAndReleasesItsHistory() {
        String org = Lpz.unique("E2EORG");
        String loc = Lpz.unique("E2E");
        Api.Response registered = Api.put(Api.admin(), "/api/v1/locations/" + loc,
                Lpz.locationBody(org, "Hidden hospital " + loc, ROAZ_NHF, VR13, "SEH"));
        assertThat(registered.status()).as("%s", registered).isIn(200, 201);
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Lpz.pushAll(Api.epd(org), Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available().at(t0));

        // hidden: the organisation itself sees its location, marked own and not shared
        JsonNode own = awaitLocation(Api.hospital(org), ROAZ_NHF, loc, l -> {
            assertThat(l).as("own hidden location %s", loc).isNotNull();
            assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0);
        });
        assertThat(own.path("own").asBoolean(false)).as("own in %s", own).isTrue();
        assertThat(own.path("shared").isBoolean() && !own.path("shared").asBoolean()).as("shared in %s", own).isTrue();
        // ... and nobody else does (the same read model already holds it, so absence is not lag)
        assertThat(location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), loc)).as("hidden %s for RCPS", loc).isNull();
        assertThat(location(Lpz.capacity(Api.hospital(VUMC_ORG), ROAZ_NHF), loc)).as("hidden %s for VUmc", loc).isNull();
        assertThat(location(Lpz.capacity(Api.hospital(VUMC_ORG), ROAZ_NHF, t0.plusSeconds(1)), loc))
                .as("hidden %s for VUmc as of %s", loc, t0.plusSeconds(1)).isNull();

        // shared from now on, history not released
        Api.expect2xx(Api.put(Api.hospital(org), "/api/v1/organisations/" + org + "/visibility", visibility(true, false)));
        JsonNode shared = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> {
            assertThat(l).as("shared %s for RCPS", loc).isNotNull();
            assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0);
        });
        assertThat(shared.path("shared").asBoolean(false)).isTrue();
        assertThat(shared.path("own").isBoolean() && !shared.path("own").asBoolean()).isTrue();
        Instant beforeSwitch = t0.plusSeconds(1);
        assertThat(location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF, beforeSwitch), loc))
                .as("%s as of %s, before sharing without releaseHistory", loc, beforeSwitch).isNull();
        JsonNode ownBefore = location(Lpz.capacity(Api.hospital(org), ROAZ_NHF, beforeSwitch), loc);
        assertThat(ownBefore).as("own location as of %s", beforeSwitch).isNotNull();
        assertFigures(element(ownBefore, "IC_BEADEMD"), 1, 1, 0);

        // history released: the instants before the switch become visible too
        Api.expect2xx(Api.put(Api.hospital(org), "/api/v1/organisations/" + org + "/visibility", visibility(true, true)));
        await().atMost(Lpz.VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode l = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF, beforeSwitch), loc);
            assertThat(l).as("%s as of %s after releasing history", loc, beforeSwitch).isNotNull();
            assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0);
        });

        // hidden again: gone from the current picture of others, still there for itself
        Api.expect2xx(Api.put(Api.hospital(org), "/api/v1/organisations/" + org + "/visibility", visibility(false, false)));
        awaitLocation(Api.hospital(VUMC_ORG), ROAZ_NHF, loc, l -> assertThat(l).as("re-hidden %s", loc).isNull());
        assertThat(location(Lpz.capacity(Api.hospital(org), ROAZ_NHF), loc)).isNotNull();
    }

    @Test
    void givenAReferenceOrganisation_whenItSwitchesToHidden_thenItsLocationsLeaveOthersPicture() {
        // BovenIJ Ziekenhuis (100801, location 100801): shared with history released at start-up
        String org = Lpz.BOVENIJ_ORG;
        String loc = "100801";
        assertThat(location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), loc)).as("reference %s shared", loc).isNotNull();
        try {
            Api.expect2xx(Api.put(Api.hospital(org), "/api/v1/organisations/" + org + "/visibility",
                    visibility(false, false)));
            awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertThat(l).as("hidden %s", loc).isNull());
            JsonNode own = location(Lpz.capacity(Api.hospital(org), ROAZ_NHF), loc);
            assertThat(own).as("own hidden %s", loc).isNotNull();
            assertThat(own.path("own").asBoolean(false)).isTrue();
        } finally {
            Api.expect2xx(Api.put(Api.hospital(org), "/api/v1/organisations/" + org + "/visibility",
                    visibility(true, true)));
        }
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertThat(l).as("shared again %s", loc).isNotNull());
    }
}
