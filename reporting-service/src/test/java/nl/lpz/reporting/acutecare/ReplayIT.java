package nl.lpz.reporting.acutecare;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import org.junit.jupiter.api.Test;

/**
 * A scenario's closure replayed on stops published as stop-service does: two EDs of one VR on stop with an hour's
 * overlap leave the VR an hour without an open ED; with one of them closed, the other's two hours of stop would have.
 */
class ReplayIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLAY = "/api/v1/acute-care-map/replay";

    @Test
    void givenTwoEdsOfAVrWithOverlappingStops_whenOneIsClosedInAReplay_thenTheVrLosesItsOpenEdForLonger()
            throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        String a = unique("LOC");
        String b = unique("LOC");
        send(publish(Fixtures.location(a, org, region, vr)), publish(Fixtures.location(b, org, region, vr)));
        // 2026-11-23 in Amsterdam (UTC+1): A 10:00-12:00, B 11:00-13:00 local time
        StopFixtures.Stop stopA = StopFixtures.Stop.of(vr, region, CareKind.SEH, a, org,
                Instant.parse("2026-11-23T09:00:00Z"), 120);
        StopFixtures.Stop stopB = StopFixtures.Stop.of(vr, region, CareKind.SEH, b, org,
                Instant.parse("2026-11-23T10:00:00Z"), 120);
        send(StopFixtures.publish(stopA.declared()), StopFixtures.publish(stopB.declared()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("closeSeh", b).param("receiving", a).param("from", "2026-11-23")
                        .param("to", "2026-11-24").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(2))
                .andExpect(jsonPath("$.safetyRegions[0].safetyRegionId").value(vr))
                .andExpect(jsonPath("$.safetyRegions[0].providers").value(2))
                .andExpect(jsonPath("$.safetyRegions[0].providersAfter").value(1))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(60))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(120))
                .andExpect(jsonPath("$.safetyRegions[0].perDay[1].baselineMinutes").value(0))
                .andExpect(jsonPath("$.receiving[0].locationId").value(a))
                .andExpect(jsonPath("$.receiving[0].minutesOnStop").value(120))
                .andExpect(jsonPath("$.receiving[0].daysWithAStop").value(1))
                .andExpect(jsonPath("$.receivingNotShown").isEmpty()));
        // a receiving ED of another ROAZ region, whose stops this RCPS may not read: named, not replayed
        String otherRegion = unique("ROAZ");
        String c = unique("LOC");
        send(publish(Fixtures.location(c, org, otherRegion, unique("VR"))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("closeSeh", b).param("receiving", a, c).param("from", "2026-11-23")
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receiving.length()").value(1))
                .andExpect(jsonPath("$.receivingNotShown[0]").value(c)));

        mvc.perform(get(REPLAY).param("closeSeh", b).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(REPLAY).param("closeSeh", b).headers(caller("MKA", null, vr)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(REPLAY).param("closeSeh", unique("LOC")).headers(caller("LCPS", null, null)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        mvc.perform(get(REPLAY).headers(caller("LCPS", null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(REPLAY).param("closeSeh", b).param("from", "2026-01-01").param("to", "2026-12-01")
                        .headers(caller("LCPS", null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
