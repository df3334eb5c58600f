package nl.lpz.reporting.pipeline;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Announcement;
import nl.lpz.reporting.StopFixtures.Stop;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Dropping the read model and replaying the topics ends with the same content as the live projection. */
class ReadModelRebuildIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void givenAProjectedReadModel_whenRebuiltFromTheTopics_thenItsContentIsTheSameAsBefore() throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String hiddenOrg = unique("ORG");
        String loc = unique("LOC");
        String hiddenLoc = unique("LOC");
        Published duplicate = publish(bed(loc, org, "B9").status(BedStatus.OCCUPIED).at(at(3)).event());
        send(publish(Fixtures.location(loc, org, region, "VR05")),
                publish(Fixtures.location(hiddenLoc, hiddenOrg, region, "VR05")),
                publish(Fixtures.visibility(org, true, true, at(0))),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("IC_BEADEMD", 1))),
                publish(Fixtures.contacts(loc, org)),
                publish(bed(loc, org, "B1").element("IC_BEADEMD").at(at(1)).event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").covid(true).patient(PatientCovidStatus.COVID)
                        .at(at(2)).event()),
                duplicate, duplicate,
                publish(bed(loc, org, "B1").element("IC_BEADEMD").status(BedStatus.OCCUPIED).at(at(10)).event()),
                publish(bed(loc, org, "B1").element("IC_BEADEMD").at(at(5)).backFilled().event()),
                publish(bed(loc, org, "B2").removed(at(11))),
                publish(bed(hiddenLoc, hiddenOrg, "B1").status(BedStatus.RESERVED).at(at(4)).event()),
                Fixtures.poison(Topics.CAPACITY_TOPOLOGY, loc, "LocationTeleported", "{}"));
        // stops: active, extended (duplicated record), ended, lapsed, refused, announced, and a poison record
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Stop active = Stop.of("VR05", region, CareKind.SEH, loc, org, now.minusSeconds(600), 120);
        Stop ended = Stop.of("VR05", region, CareKind.CTT, loc, org, now.minusSeconds(1200), 120);
        Stop lapsed = Stop.of("VR05", region, CareKind.SR, hiddenLoc, hiddenOrg, now.minusSeconds(900), 60);
        Published extension = StopFixtures.publish(active.extended(180, now.minusSeconds(60)));
        send(StopFixtures.publish(active.declared()), extension, extension,
                StopFixtures.publish(ended.declared()), StopFixtures.publish(ended.ended(now.minusSeconds(300))),
                StopFixtures.publish(lapsed.declared()),
                StopFixtures.publish(StopFixtures.lapse("VR05", CareKind.SR, now.minusSeconds(120), lapsed)),
                StopFixtures.publish(StopFixtures.refused("VR05", CareKind.SR, loc, org, now.minusSeconds(100))),
                StopFixtures.publish(Announcement.of("VR05", CareKind.PCI, loc, org, now.plusSeconds(3600),
                        now.plusSeconds(7200)).announced(now)),
                Fixtures.poison(Topics.STOPS, "VR05", "StopDeclared", "{\"stopId\":"));
        // module figures: a report, a later one, a stale back-fill, a removal, a duplicated record, a poison record
        Published moduleDuplicate = publish(ModuleFixtures.unit(loc, org, "P1").figures(5, 1, "GREEN").at(at(2))
                .reported());
        send(moduleDuplicate, moduleDuplicate,
                publish(ModuleFixtures.unit(loc, org, "P1").figures(8, 2, "RED").at(at(9)).reported()),
                publish(ModuleFixtures.unit(loc, org, "P1").figures(6, 2, "GREEN").at(at(4)).backFilled().reported()),
                publish(ModuleFixtures.unit(loc, org, "P2").at(at(3)).reported()),
                publish(ModuleFixtures.unit(loc, org, "P2").removed(at(8))),
                Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModuleFiguresReported", "{\"moduleId\":"));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get("/internal/rebuild"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.caughtUp").value(true)));
        Map<String, List<String>> live = snapshot();
        assertThat(live.get("bed_history")).isNotEmpty();
        assertThat(live.get("parked_record")).isNotEmpty();
        String livePicture = picture(region, org);
        assertThat(live.get("stop")).anySatisfy(r -> assertThat(r).contains(active.stopId()));
        String liveStops = stops();
        String liveStatistics = statistics(now);
        assertThat(live.get("module_history")).filteredOn(row -> row.contains(loc)).hasSize(5);
        String liveModule = modulePicture(region, at(5));

        java.sql.Timestamp beforeRebuild = jdbc.queryForObject("select clock_timestamp()", java.sql.Timestamp.class);
        mvc.perform(post("/internal/rebuild")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.lastRebuildAt").isString());

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            mvc.perform(get("/internal/rebuild")).andExpect(jsonPath("$.caughtUp").value(true));
            assertThat(snapshot()).isEqualTo(live);
        });
        assertThat(jdbc.queryForObject("select count(*) from bed_history where projected_at < ?", Long.class,
                beforeRebuild)).as("rows projected before the rebuild").isZero();
        assertThat(picture(region, org).replaceAll("\"asOf\":\"[^\"]*\"", ""))
                .isEqualTo(livePicture.replaceAll("\"asOf\":\"[^\"]*\"", ""));
        assertThat(stops()).isEqualTo(liveStops);
        assertThat(statistics(now)).isEqualTo(liveStatistics);
        assertThat(modulePicture(region, at(5))).isEqualTo(liveModule);
    }

    /** The test module's picture of the region as of an instant (the answer depends on nothing else). */
    private String modulePicture(String region, java.time.Instant asOf) throws Exception {
        return mvc.perform(get("/api/v1/regions/{r}/modules/{m}", region, ModuleFixtures.MODULE)
                        .param("asOf", asOf.toString()).headers(rcps(region)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The stop view of VR05 without its answer time. */
    private String stops() throws Exception {
        return mvc.perform(get("/api/v1/safety-regions/{vr}/stops", "VR05").headers(caller("MKA", null, "VR05")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("\"asOf\":\"[^\"]*\"", "");
    }

    private String statistics(java.time.Instant now) throws Exception {
        String day = now.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate().toString();
        return mvc.perform(get("/api/v1/stop-statistics").param("from", day).param("to", day)
                        .headers(caller("MMA", null, "VR05")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String picture(String region, String org) throws Exception {
        return mvc.perform(get("/api/v1/regions/{r}/capacity", region).headers(hospital(org)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Every projected table's rows, without the columns a replay cannot reproduce (serial ids, wall-clock times). */
    private Map<String, List<String>> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("location", "to_jsonb(t)");
        tables.put("bed_history", "to_jsonb(t) - 'id' - 'projected_at'");
        tables.put("bed_current", "to_jsonb(t)");
        tables.put("threshold_history", "to_jsonb(t) - 'id'");
        tables.put("visibility_history", "to_jsonb(t) - 'id'");
        tables.put("contacts", "to_jsonb(t)");
        tables.put("processed_event", "to_jsonb(t) - 'processed_at'");
        tables.put("parked_record", "to_jsonb(t) - 'id' - 'parked_at'");
        tables.put("consumer_offset", "to_jsonb(t)");
        tables.put("stop_event", "to_jsonb(t) - 'id' - 'projected_at'");
        tables.put("stop", "to_jsonb(t)");
        tables.put("stop_announcement", "to_jsonb(t)");
        tables.put("stop_refusal", "to_jsonb(t)");
        tables.put("stop_lapse", "to_jsonb(t)");
        tables.put("module_history", "to_jsonb(t) - 'id' - 'projected_at'");
        tables.put("module_current", "to_jsonb(t)");
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        tables.forEach((table, row) -> snapshot.put(table, jdbc.queryForList(
                "select (" + row + ")::text as r from " + table + " t order by 1", String.class)));
        return snapshot;
    }
}
