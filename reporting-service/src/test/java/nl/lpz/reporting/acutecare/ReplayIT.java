package nl.lpz.reporting.acutecare;

import static nl.lpz.reporting.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.lpz.reporting.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import org.junit.jupiter.api.Test;

/**
 * A scenario's closures and limited hours replayed on stops and Spoed reports published as stop-service and
 * capacity-service do: two EDs of one VR on stop with an hour's overlap leave the VR an hour without an open ED; with
 * one of them closed, the other's two hours of stop would have. Every location here is in a VR of its own (unique
 * ids), so no other test's events reach the figures.
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

    /** A hospital location offering these kinds, registered as capacity-service publishes it. */
    private static LocationRegistered location(String id, String org, String roaz, String vr, CareKind... kinds) {
        return new LocationRegistered(LocationId.of(id), new OrganisationId(org), "Ziekenhuis " + id,
                new RoazRegionId(roaz), new SafetyRegionId(vr), Set.of(kinds), "Algemeen ziekenhuis", null, null,
                Fixtures.T0.minusSeconds(86_400), Actor.SYSTEM);
    }

    @Test
    void givenSehAndObstetricStops_whenObstetricsIsReplayed_thenOnlyTheObstetricStopsCount() throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        String a = unique("LOC");
        String b = unique("LOC");
        String sehOnly = unique("LOC");
        send(publish(location(a, org, region, vr, CareKind.SEH, CareKind.VERLOSKUNDE)),
                publish(location(b, org, region, vr, CareKind.SEH, CareKind.VERLOSKUNDE)),
                publish(location(sehOnly, org, region, vr, CareKind.SEH)));
        // 2026-11-23 local time: A's obstetric unit on stop 10:00-13:00, its ED 14:00-16:00
        send(StopFixtures.publish(StopFixtures.Stop.of(vr, region, CareKind.VERLOSKUNDE, a, org,
                        Instant.parse("2026-11-23T09:00:00Z"), 180).declared()),
                StopFixtures.publish(StopFixtures.Stop.of(vr, region, CareKind.SEH, a, org,
                        Instant.parse("2026-11-23T13:00:00Z"), 120).declared()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("care", "VERLOSKUNDE").param("closeSeh", b).param("receiving", a)
                        .param("from", "2026-11-23").param("to", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.careKind").value("VERLOSKUNDE"))
                // the ED-only location is no provider of obstetrics
                .andExpect(jsonPath("$.safetyRegions[0].providers").value(2))
                .andExpect(jsonPath("$.safetyRegions[0].providersAfter").value(1))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(0))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(180))
                .andExpect(jsonPath("$.receiving[0].minutesOnStop").value(180))
                // the Spoed module's crowding says nothing about delivery rooms
                .andExpect(jsonPath("$.crowding").doesNotExist())
                .andExpect(jsonPath("$.receiving[0].minutesOverCapacity").doesNotExist()));
        // the same closure for the EDs counts the SEH stop only
        mvc.perform(get(REPLAY).param("closeSeh", b).param("receiving", a).param("from", "2026-11-23")
                        .param("to", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.careKind").value("SEH"))
                .andExpect(jsonPath("$.safetyRegions[0].providers").value(3))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(0))
                .andExpect(jsonPath("$.receiving[0].minutesOnStop").value(120));

        mvc.perform(get(REPLAY).param("care", "VERLOSKUNDE").param("closeSeh", sehOnly).headers(rcps(region)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CARE_NOT_OFFERED"));
        mvc.perform(get(REPLAY).param("care", "IC").param("closeSeh", b).headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    @Test
    void givenTheVrsOnlyEd_whenItsHoursAreLimitedInAReplay_thenTheClosedHoursAddToTheMinutesWithoutAnOpenEd()
            throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        String a = unique("LOC");
        send(publish(Fixtures.location(a, org, region, vr)));
        // 2026-11-23 local time: on stop 10:00-12:00, within the hours the scenario keeps
        send(StopFixtures.publish(StopFixtures.Stop.of(vr, region, CareKind.SEH, a, org,
                Instant.parse("2026-11-23T09:00:00Z"), 120).declared()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("limitHours", a + "@08:00-22:00").param("from", "2026-11-23").param("to", "2026-11-24")
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limitHours[0].locationId").value(a))
                .andExpect(jsonPath("$.limitHours[0].opens").value("08:00"))
                .andExpect(jsonPath("$.limitHours[0].closes").value("22:00"))
                .andExpect(jsonPath("$.safetyRegions[0].safetyRegionId").value(vr))
                .andExpect(jsonPath("$.safetyRegions[0].providers").value(1))
                .andExpect(jsonPath("$.safetyRegions[0].providersAfter").value(1))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(120))
                // two days of 10 closed hours on top of the stop
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(120 + 2 * 600))
                .andExpect(jsonPath("$.safetyRegions[0].perDay[0].scenarioMinutes").value(120 + 600))
                .andExpect(jsonPath("$.safetyRegions[0].perDay[1].scenarioMinutes").value(600))
                // no Spoed reports: nothing over capacity, so available is open
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutAvailableEd").value(120 + 2 * 600)));
        // open through the night only: the day's 16 hours closed, the stop (10:00-12:00) within them counted once
        mvc.perform(get(REPLAY).param("limitHours", a + "@22:00-06:00").param("from", "2026-11-23")
                        .param("to", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(16 * 60));

        for (String bad : new String[] {a + "@08:00-08:00", a + "@24:00-06:00", a + "@8:00-22:00", a + "@08:00",
                a + "08:00-22:00", a + "@08:60-22:00", a + "@08:00-22:00x"}) {
            mvc.perform(get(REPLAY).param("limitHours", bad).headers(rcps(region)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }
        mvc.perform(get(REPLAY).param("limitHours", a + "@08:00-22:00", a + "@09:00-21:00").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(REPLAY).param("closeSeh", a).param("limitHours", a + "@08:00-22:00").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(REPLAY).param("limitHours", "not an id!@08:00-22:00").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_ID"));
        mvc.perform(get(REPLAY).param("limitHours", unique("LOC") + "@08:00-22:00").headers(rcps(region)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        mvc.perform(get(REPLAY).param("limitHours", a + "@08:00-22:00").headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        // the refusals changed nothing: the same replay again gives the same figures
        mvc.perform(get(REPLAY).param("limitHours", a + "@08:00-22:00").param("from", "2026-11-23")
                        .param("to", "2026-11-24").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(120))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(120 + 2 * 600));
    }

    @Test
    void givenCrowdingReportsAboveTheBand_whenReplayed_thenTheHeldTimeIsOverCapacityAndAStaleGapIsNot()
            throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        String closed = unique("LOC");
        String receiver = unique("LOC");
        send(publish(Fixtures.location(closed, org, region, vr)),
                publish(Fixtures.location(receiver, org, region, vr)));
        // 2026-11-23 local time (UTC+1), 10 staffed places: patients per place 2.0 (GEVAARLIJK_OVERVOL) at 10:00, 1.5
        // (OVERVOL) at 10:15, 1.4 (ZEER_DRUK: the band's bound is inclusive) at 10:30, 2.0 at 11:00 and then silence
        // until a calm report at 13:00: the 11:00 report stands for its 30 minutes' freshness only
        send(spoed(receiver, org, "2026-11-23T09:00:00Z", 10, 10),
                spoed(receiver, org, "2026-11-23T09:15:00Z", 8, 7),
                spoed(receiver, org, "2026-11-23T09:30:00Z", 7, 7),
                spoed(receiver, org, "2026-11-23T10:00:00Z", 12, 8),
                spoed(receiver, org, "2026-11-23T12:00:00Z", 1, 2),
                StopFixtures.publish(StopFixtures.Stop.of(vr, region, CareKind.SEH, receiver, org,
                        Instant.parse("2026-11-23T09:15:00Z"), 30).declared()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("closeSeh", closed).param("receiving", receiver).param("from", "2026-11-23")
                        .param("to", "2026-11-24").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.crowding.level").value("crowding"))
                .andExpect(jsonPath("$.crowding.overCapacityLevels[0]").value("OVERVOL"))
                .andExpect(jsonPath("$.crowding.overCapacityLevels[1]").value("GEVAARLIJK_OVERVOL"))
                .andExpect(jsonPath("$.crowding.freshness").value("PT30M"))
                .andExpect(jsonPath("$.receiving[0].minutesOnStop").value(30))
                // 10:00-10:30 and 11:00-11:30
                .andExpect(jsonPath("$.receiving[0].minutesOverCapacity").value(60))
                .andExpect(jsonPath("$.receiving[0].daysOverCapacity").value(1))
                // 10:00-10:45 (over capacity, then on stop 10:15-10:45) and 11:00-11:30
                .andExpect(jsonPath("$.receiving[0].minutesOnStopOrOverCapacity").value(75))
                // reports stood 10:00-11:30 and 13:00-13:30 of the two days
                .andExpect(jsonPath("$.receiving[0].minutesCrowdingUnknown").value(2 * 1440 - 120))
                .andExpect(jsonPath("$.receiving[0].perDay[0].minutesOverCapacity").value(60))
                .andExpect(jsonPath("$.receiving[0].perDay[0].minutesOnStop").value(30))
                .andExpect(jsonPath("$.receiving[0].perDay[1].minutesOverCapacity").value(0))
                // with the closed ED gone the receiver is the VR's only one
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(0))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutAvailableEd").value(0))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(30))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutAvailableEd").value(75))
                .andExpect(jsonPath("$.safetyRegions[0].perDay[0].scenarioMinutesWithoutAvailableEd").value(75)));
    }

    /** A Spoed report of the location's ED: waiting and in treatment over 10 staffed places. */
    private static Fixtures.Published spoed(String location, String org, String at, long waiting, long inTreatment) {
        return publish(ModuleFixtures.unit(location, org, "SEH-1").module("spoed").version(5).kind("seh")
                .values(Map.of("waiting", waiting, "inTreatment", inTreatment, "treatmentPlaces", 10L))
                .at(Instant.parse(at)).reported());
    }

    @Test
    void givenThirtyDaysOfQuarterHourlyCrowdingForTenEds_whenReplayed_thenEveryFigureIsRight() throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        List<String> eds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            eds.add(unique("LOC"));
            send(publish(Fixtures.location(eds.get(i), org, region, vr)));
        }
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("closeSeh", eds.get(0)).headers(rcps(region)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.safetyRegions[0].providers").value(10)));
        // 30 days of a report every quarter hour per ED, over capacity from 10:00 to 11:00 local time: 28,800 rows,
        // written straight into the read model because a Kafka round trip per report would time the broker instead
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = from.plusDays(29);
        List<Object[]> rows = new ArrayList<>();
        for (String ed : eds) {
            for (Instant t = from.atStartOfDay(zone).toInstant(); t.isBefore(to.plusDays(1).atStartOfDay(zone)
                    .toInstant()); t = t.plusSeconds(900)) {
                boolean over = t.atZone(zone).getHour() == 10;
                rows.add(new Object[] {UUID.randomUUID().toString(), ed, org,
                        "{\"waiting\":" + (over ? 15 : 2) + ",\"inTreatment\":5,\"treatmentPlaces\":10}",
                        Timestamp.from(t)});
            }
        }
        jdbc.batchUpdate("""
                insert into module_history (event_id, module_id, definition_version, provider_kind, provider_id,
                    organisation_id, unit_kind, unit_id, figure_values, figure_statuses, occurred_at, removed, stale)
                values (?, 'spoed', 5, 'HOSPITAL_LOCATION', ?, ?, 'seh', 'SEH-1', ?::jsonb, '{}'::jsonb, ?, false,
                    false)""", rows);

        var request = get(REPLAY).param("closeSeh", eds.get(0)).param("limitHours", eds.get(1) + "@08:00-22:00")
                .param("receiving", eds.subList(1, 10).toArray(String[]::new)).param("from", from.toString())
                .param("to", to.toString()).headers(rcps(region));
        // correctness at size; its speed is the benchmark's (./lpz bench --acute-care-map, docs/benchmarks.md)
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(30))
                .andExpect(jsonPath("$.receiving.length()").value(9))
                .andExpect(jsonPath("$.receiving[8].minutesOverCapacity").value(30 * 60))
                .andExpect(jsonPath("$.receiving[8].daysOverCapacity").value(30))
                .andExpect(jsonPath("$.receiving[8].minutesCrowdingUnknown").value(0))
                // eight EDs stay open around the clock, but all of them are over capacity from 10:00 to 11:00
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(0))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutAvailableEd").value(30 * 60))
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutAvailableEd").value(30 * 60));
    }

    @Test
    void givenAnEdOpenFrom8To20Today_whenReplayed_thenItsClosedHoursCountInBaselineAndScenarioForTheWholePeriod()
            throws Exception {
        String region = unique("ROAZ");
        String vr = unique("VR");
        String org = unique("ORG");
        String a = unique("LOC");
        List<OpeningPeriod> daily = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            daily.add(new OpeningPeriod(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        // set now, long after the period replayed: today's hours stand for it all the same
        send(publish(Fixtures.location(a, org, region, vr)),
                publish(new OpeningHoursSet(LocationId.of(a), new OrganisationId(org), CareKind.SEH, daily,
                        Instant.now().minusSeconds(60), Actor.SYSTEM)));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(REPLAY)
                        .param("limitHours", a + "@09:00-17:00").param("from", "2026-11-23")
                        .param("to", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withOpeningHours[0]").value(a))
                .andExpect(jsonPath("$.safetyRegions[0].baselineMinutesWithoutOpenEd").value(12 * 60))
                // the limit closes 08:00-09:00 and 17:00-20:00 more
                .andExpect(jsonPath("$.safetyRegions[0].scenarioMinutesWithoutOpenEd").value(16 * 60)));
    }
}
