package nl.lpz.reporting.modules;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.ModuleFixtures.KIND;
import static nl.lpz.reporting.ModuleFixtures.MODULE;
import static nl.lpz.reporting.ModuleFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Stop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The test-only module, which exists only as a definition file of test-support: its figures published on
 * {@code lpz.capacity.modules.v1} as capacity-service does, read back through HTTP (now, asOf, the reader rules),
 * announced on the region's SSE stream, and counted in delivery compliance.
 */
class ModulesIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PICTURE = "/api/v1/regions/{roazRegionId}/modules/{moduleId}";
    private static final String COMPLIANCE = "/api/v1/compliance/modules";
    private static final String LEAD_TIMES = "/api/v1/regions/{roazRegionId}/modules/{moduleId}/lead-times";
    private static final String PERIOD_REPORT = "/api/v1/regions/{roazRegionId}/modules/{moduleId}/period-report";
    private static final Pattern MODULE_EVENT = Pattern.compile("id:(\\d+)\\nevent:module\\ndata:(\\{[^\\n]*})");
    private static final HttpHeaders ADMIN = caller("ADMIN", null, null);

    private final List<MvcResult> streams = new ArrayList<>();
    private String region;
    private String org;
    private String loc;
    private String orgB;
    private String locB;

    @BeforeEach
    void twoLocationsOfARegion() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        orgB = unique("ORG");
        locB = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR07")), publish(Fixtures.location(locB, orgB, region,
                "VR07")));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where roaz_region_id = ?", Long.class, region) == 2);
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(s -> s.getRequest().getAsyncContext().complete());
    }

    private ResultActions read(String roazRegionId, String moduleId, HttpHeaders caller) throws Exception {
        return mvc.perform(get(PICTURE, roazRegionId, moduleId).headers(caller));
    }

    private static List<String> moduleEvents(MvcResult stream) throws Exception {
        List<String> events = new ArrayList<>();
        Matcher m = MODULE_EVENT.matcher(stream.getResponse().getContentAsString());
        while (m.find()) {
            events.add(m.group(2));
        }
        return events;
    }

    @Test
    void givenFiguresOnTheModuleTopic_whenTheRegionIsRead_thenTheyComeBack_andTheStreamAnnouncesTheUnit()
            throws Exception {
        MvcResult stream = mvc.perform(get("/api/v1/regions/{r}/stream", region).headers(rcps(region)))
                .andExpect(request().asyncStarted()).andReturn();
        streams.add(stream);
        Instant occurred = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);

        send(publish(unit(loc, org, "P1").values(Map.of("places", 4L, "taken", 1L, "waitMinutes", 7L)).at(occurred)
                .reported()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> read(region, MODULE, rcps(region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moduleId").value(MODULE))
                .andExpect(jsonPath("$.moduleName.nl").value("Proefmodule"))
                .andExpect(jsonPath("$.roazRegionId").value(region))
                .andExpect(jsonPath("$.detail").value("PROVIDER"))
                .andExpect(jsonPath("$.freshness").value("PT15M"))
                .andExpect(jsonPath("$.providers", hasSize(1)))
                .andExpect(jsonPath("$.providers[0].providerId").value(loc))
                .andExpect(jsonPath("$.providers[0].name").value("Ziekenhuis " + loc))
                .andExpect(jsonPath("$.providers[0].units[0].unitKind").value(KIND))
                .andExpect(jsonPath("$.providers[0].units[0].unitId").value("P1"))
                .andExpect(jsonPath("$.providers[0].units[0].definitionVersion").value(1))
                .andExpect(jsonPath("$.providers[0].units[0].values.places").value(4))
                .andExpect(jsonPath("$.providers[0].units[0].values.waitMinutes").value(7))
                .andExpect(jsonPath("$.providers[0].units[0].statuses.state").value("GREEN"))
                .andExpect(jsonPath("$.providers[0].units[0].occurredAt").value(occurred.toString()))
                .andExpect(jsonPath("$.providers[0].units[0].stale").value(false))
                .andExpect(jsonPath("$.totals[0].unitKind").value(KIND))
                .andExpect(jsonPath("$.totals[0].units").value(1))
                .andExpect(jsonPath("$.totals[0].staleUnits").value(0))
                .andExpect(jsonPath("$.totals[0].values.taken").value(1))
                .andExpect(jsonPath("$.totals[0].statuses.state.GREEN").value(1))
                .andExpect(jsonPath("$.totals[0].statuses.state.RED").value(0)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(moduleEvents(stream)).anySatisfy(data ->
                assertThat(data).contains("\"moduleId\":\"" + MODULE + "\"", "\"providerId\":\"" + loc + "\"",
                        "\"unitKind\":\"" + KIND + "\"", "\"unitId\":\"P1\"")));

        mvc.perform(get(PICTURE, region, MODULE).param("asOf", occurred.minusSeconds(1).toString())
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value(occurred.minusSeconds(1).toString()))
                .andExpect(jsonPath("$.providers", hasSize(0)))
                .andExpect(jsonPath("$.totals[0].units").value(0));
        mvc.perform(get(PICTURE, region, MODULE).param("asOf", occurred.plusSeconds(60).toString())
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.providers[0].units[0].ageSeconds").value(60));
    }

    @Test
    void givenSubscribersOfTheRegionsStream_thenModuleEventsReachOnlyThoseWhoseReaderRulesShowTheProvider()
            throws Exception {
        MvcResult rcpsStream = mvc.perform(get("/api/v1/regions/{r}/stream", region).headers(rcps(region)))
                .andExpect(request().asyncStarted()).andReturn();
        // the MKA reads the region's stream (beds, stops) but has no reader rule for the test module
        MvcResult mkaStream = mvc.perform(get("/api/v1/regions/{r}/stream", region)
                        .headers(caller("MKA", null, "VR07")))
                .andExpect(request().asyncStarted()).andReturn();
        streams.add(rcpsStream);
        streams.add(mkaStream);

        send(publish(unit(loc, org, "P1").at(Instant.now().minusSeconds(30)).reported()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(moduleEvents(rcpsStream)).anySatisfy(data ->
                assertThat(data).contains("\"providerId\":\"" + loc + "\"")));
        // one poll hands a change to every subscriber of the region in turn: the MKA's was decided with the RCPS's
        assertThat(moduleEvents(mkaStream)).as("no module event for a reader without a rule").isEmpty();

        // resuming after the module event (Last-Event-ID) replays the same rule
        MvcResult resumed = mvc.perform(get("/api/v1/regions/{r}/stream", region)
                        .headers(caller("MKA", null, "VR07")).header("Last-Event-ID", "0"))
                .andExpect(request().asyncStarted()).andReturn();
        streams.add(resumed);
        MvcResult resumedRcps = mvc.perform(get("/api/v1/regions/{r}/stream", region)
                        .headers(rcps(region)).header("Last-Event-ID", "0"))
                .andExpect(request().asyncStarted()).andReturn();
        streams.add(resumedRcps);
        await().atMost(WAIT).untilAsserted(() -> assertThat(moduleEvents(resumedRcps)).isNotEmpty());
        assertThat(moduleEvents(resumed)).isEmpty();
    }

    @Test
    void givenTheModulesReaderRules_whenCallersOfEveryKindRead_thenEachGetsWhatItsRuleAllows() throws Exception {
        send(publish(unit(loc, org, "P1").at(Instant.now().minusSeconds(60)).reported()),
                publish(unit(locB, orgB, "P1").at(Instant.now().minusSeconds(60)).reported()));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> read(region, MODULE, caller("LCPS", null, null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.providers", hasSize(2))));

        read(region, MODULE, caller("PUBLIC_AGGREGATE", null, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value("AGGREGATE"))
                .andExpect(jsonPath("$.providers", hasSize(0)))
                .andExpect(jsonPath("$.totals[0].units").value(2));
        read(region, MODULE, caller("EPD_SYSTEM", orgB, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.providers", hasSize(1)))
                .andExpect(jsonPath("$.providers[0].providerId").value(locB));
        read(region, MODULE, hospital(org)).andExpect(status().isOk()).andExpect(jsonPath("$.providers", hasSize(2)));
        read(region, MODULE, rcps(unique("ROAZ"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        read(region, MODULE, caller("MKA", null, "VR07")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        read(region, MODULE, caller("EPD_SYSTEM", null, null)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        read(region, "geen-module", rcps(region)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        read(unique("ROAZ"), MODULE, caller("LCPS", null, null)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
        read("ROAZ 1", MODULE, rcps(region)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_ID"));
        mvc.perform(get(PICTURE, region, MODULE).param("asOf", "yesterday").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    @Test
    void givenOneOfTwoLocationsReporting_whenComplianceIsAsked_thenHalfOfTheRegionDeliversAgainstTheKpiOfToday()
            throws Exception {
        double required = ModuleFixtures.catalogue().current(MODULE).orElseThrow()
                .requiredShare(LocalDate.now(ZoneId.of("Europe/Amsterdam"))).orElseThrow();
        send(publish(unit(loc, org, "P1").at(Instant.now().minusSeconds(300)).reported()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(COMPLIANCE)
                        .param("moduleId", MODULE).param("roazRegionId", region).headers(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modules", hasSize(1)))
                .andExpect(jsonPath("$.modules[0].moduleId").value(MODULE))
                .andExpect(jsonPath("$.modules[0].window").value("PT24H"))
                .andExpect(jsonPath("$.modules[0].requiredShare").value(required))
                .andExpect(jsonPath("$.modules[0].kpi.share").value(required))
                .andExpect(jsonPath("$.modules[0].regions", hasSize(1)))
                .andExpect(jsonPath("$.modules[0].regions[0].roazRegionId").value(region))
                .andExpect(jsonPath("$.modules[0].regions[0].expected").value(2))
                .andExpect(jsonPath("$.modules[0].regions[0].delivering").value(1))
                .andExpect(jsonPath("$.modules[0].regions[0].share").value(0.5))
                .andExpect(jsonPath("$.modules[0].regions[0].meetsKpi").value(0.5 >= required))
                .andExpect(jsonPath("$.modules[0].national.expected").isNumber()));

        mvc.perform(get(COMPLIANCE).headers(rcps(region))).andExpect(status().isOk())
                .andExpect(jsonPath("$.modules[*].moduleId", hasItems(MODULE, "spoed", "geboortezorg")))
                .andExpect(jsonPath("$.modules[0].regions", hasSize(1)))
                .andExpect(jsonPath("$.modules[0].regions[0].roazRegionId").value(region));
        mvc.perform(get(COMPLIANCE).param("roazRegionId", region).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(COMPLIANCE).headers(hospital(org)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(COMPLIANCE).param("moduleId", "geen-module").headers(ADMIN))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        mvc.perform(get(COMPLIANCE).param("roazRegionId", unique("ROAZ")).headers(caller("LCPS", null, null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
    }

    /** A passage of a shipped definition with lead times (Spoed v3: ED, moments arrival .. departure). */
    private static Fixtures.Published edPassage(String location, String organisation, String... momentsAndTimes) {
        Map<String, Instant> moments = new LinkedHashMap<>();
        for (int i = 0; i < momentsAndTimes.length; i += 2) {
            moments.put(momentsAndTimes[i], Instant.parse("2026-11-23T" + momentsAndTimes[i + 1] + ":00Z"));
        }
        return publish(ModuleFixtures.passage("spoed", 3, location, organisation, "seh", "SEH-1", moments));
    }

    private static String intervalOf(String providerId, String interval, String field) {
        return "$.providers[?(@.providerId == '" + providerId + "')].units[0].days[0].intervals[?(@.interval == '"
                + interval + "')]." + field;
    }

    @Test
    void givenPassagesOnTheModuleTopic_whenTheRegionsLeadTimesAreRead_thenMedianP90AndShareOverTheNormPerDay()
            throws Exception {
        Fixtures.Published seen = edPassage(loc, org, "arrival", "08:00", "triage", "08:10", "seenByDoctor", "08:40",
                "departure", "12:30");
        Fixtures.Published noMoments = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModulePassageRecorded", """
                {"moduleId":"spoed","definitionVersion":3,"providerKind":"HOSPITAL_LOCATION","providerId":"%s",
                 "organisationId":"%s","unitKind":"seh","unitId":"SEH-1","moments":{},
                 "occurredAt":"2026-11-23T08:00:00Z"}""".formatted(loc, org));
        send(seen, seen, noMoments,
                edPassage(loc, org, "arrival", "08:05", "triage", "08:25", "seenByDoctor", "09:35",
                        "departure", "10:05"),
                edPassage(loc, org, "arrival", "08:10", "triage", "08:15"),
                edPassage(locB, orgB, "arrival", "09:00", "triage", "09:02"));

        // one passage twice, one parked: 3 at the location, the later records projected past the poison one
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(LEAD_TIMES, region, "spoed")
                        .param("from", "2026-11-23").param("to", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals[0].days[0].passages").value(4)));
        mvc.perform(get(LEAD_TIMES, region, "spoed").param("from", "2026-11-23").param("to", "2026-11-23")
                        .headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moduleId").value("spoed"))
                .andExpect(jsonPath("$.roazRegionId").value(region))
                .andExpect(jsonPath("$.from").value("2026-11-23"))
                .andExpect(jsonPath("$.to").value("2026-11-23"))
                .andExpect(jsonPath("$.detail").value("PROVIDER"))
                .andExpect(jsonPath("$.providers", hasSize(2)))
                .andExpect(jsonPath("$.providers[?(@.providerId == '" + loc + "')].units[0].unitKind",
                        contains("seh")))
                .andExpect(jsonPath("$.providers[?(@.providerId == '" + loc + "')].units[0].days[0].passages",
                        contains(3)))
                // 5, 10, 20 minutes: median 10, p90 at rank 1.8 = 18; over 15 minutes: 1 of 3
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "passages"), contains(3)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "medianMinutes"), contains(10.0)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "p90Minutes"), contains(18.0)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "normMinutes"), contains(15.0)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "overNorm"), contains(1)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToTriage", "overNormShare"), contains(0.333)))
                // 40 and 90 minutes; the third passage was not seen by a doctor
                .andExpect(jsonPath(intervalOf(loc, "arrivalToDoctor", "passages"), contains(2)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToDoctor", "medianMinutes"), contains(65.0)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToDoctor", "p90Minutes"), contains(85.0)))
                .andExpect(jsonPath(intervalOf(loc, "arrivalToDoctor", "overNormShare"), contains(0.5)))
                // 270 and 120 minutes against 4 hours
                .andExpect(jsonPath(intervalOf(loc, "lengthOfStay", "medianMinutes"), contains(195.0)))
                .andExpect(jsonPath(intervalOf(loc, "lengthOfStay", "normMinutes"), contains(240.0)))
                .andExpect(jsonPath(intervalOf(loc, "lengthOfStay", "overNorm"), contains(1)))
                .andExpect(jsonPath("$.totals[0].unitKind").value("seh"))
                // 2, 5, 10, 20 minutes over both locations: median 7.5, p90 at rank 2.7 = 17; over 15: 1 of 4
                .andExpect(jsonPath("$.totals[0].days[0].intervals[0].interval").value("arrivalToTriage"))
                .andExpect(jsonPath("$.totals[0].days[0].intervals[0].medianMinutes").value(7.5))
                .andExpect(jsonPath("$.totals[0].days[0].intervals[0].p90Minutes").value(17.0))
                .andExpect(jsonPath("$.totals[0].days[0].intervals[0].overNormShare").value(0.25));
        assertThat(jdbc.queryForObject("select count(*) from parked_record where topic = ? and record_key = ? "
                + "and reason = 'INCOMPLETE'", Long.class, Topics.CAPACITY_MODULES, loc)).isOne();

        mvc.perform(get(LEAD_TIMES, region, "spoed").param("from", "2026-11-23").param("to", "2026-11-23")
                        .headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value("AGGREGATE"))
                .andExpect(jsonPath("$.providers", hasSize(0)))
                // two organisations: the public sees neither their counts nor their times
                .andExpect(jsonPath("$.totals[0].days[0].suppressed").value("TOO_FEW_ORGANISATIONS"))
                .andExpect(jsonPath("$.totals[0].days[0].passages").value(nullValue()))
                .andExpect(jsonPath("$.totals[0].days[0].intervals[0].medianMinutes").value(nullValue()));
        mvc.perform(get(LEAD_TIMES, region, "spoed").param("from", "2026-11-23").param("to", "2026-11-23")
                        .headers(caller("EPD_SYSTEM", orgB, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.providers", hasSize(1)))
                .andExpect(jsonPath("$.providers[0].providerId").value(locB))
                .andExpect(jsonPath("$.totals[0].days[0].passages").value(1));
        mvc.perform(get(LEAD_TIMES, region, "spoed").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString()));
        mvc.perform(get(LEAD_TIMES, region, "spoed").param("from", "2026-11-24").param("to", "2026-11-23")
                        .headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(LEAD_TIMES, region, "spoed").param("from", "2026-01-01").param("to", "2026-04-03")
                        .headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(LEAD_TIMES, region, "geen-module").headers(rcps(region)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        mvc.perform(get(LEAD_TIMES, region, "spoed").headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
    }

    @Test
    void givenReportsStopsAndPassagesOfASpoedDay_whenTheRoazOfficeAsksTheDaysReport_thenPerVrAndRegion()
            throws Exception {
        String orgD = unique("ORG");
        String locD = unique("LOC");
        send(publish(Fixtures.location(locD, orgD, region, "VR08")));
        Map<String, Long> calm = Map.of("waiting", 3L, "inTreatment", 5L, "waitingForAdmission", 1L,
                "longestWaitMinutes", 40L, "treatmentPlaces", 10L);
        Map<String, Long> overfull = Map.of("waiting", 10L, "inTreatment", 10L, "waitingForAdmission", 4L,
                "longestWaitMinutes", 200L, "treatmentPlaces", 10L);
        Stop overMidnight = Stop.of("VR07", region, CareKind.SEH, loc, org, Instant.parse("2026-11-23T22:00:00Z"),
                120);
        send(publish(unit(loc, org, "SEH-1").module("spoed").kind("seh").version(4).values(calm)
                        .at(Fixtures.at(10)).reported()),
                publish(unit(locB, orgB, "SEH-1").module("spoed").kind("seh").version(4).values(overfull)
                        .at(Fixtures.at(10)).reported()),
                StopFixtures.publish(overMidnight.declared()),
                edPassage(loc, org, "arrival", "08:00", "triage", "08:10", "seenByDoctor", "08:40"));

        // crowding 0.8 (DRUK) and 2.0 (GEVAARLIJK_OVERVOL); the stop's last hour lies after the day
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(PERIOD_REPORT, region, "spoed")
                        .param("day", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.reports").value(2))
                .andExpect(jsonPath("$.region.expected").value(3))
                .andExpect(jsonPath("$.region.units[0].stops[0].stops").value(1))
                .andExpect(jsonPath("$.region.units[0].leadTimes[0].passages").value(1)));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("day", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moduleId").value("spoed"))
                .andExpect(jsonPath("$.from").value("2026-11-23"))
                .andExpect(jsonPath("$.to").value("2026-11-23"))
                .andExpect(jsonPath("$.days").value(1))
                .andExpect(jsonPath("$.periodStart").value("2026-11-22T23:00:00Z"))
                .andExpect(jsonPath("$.periodEnd").value("2026-11-23T23:00:00Z"))
                .andExpect(jsonPath("$.safetyRegions[*].safetyRegionId", contains("VR07", "VR08")))
                .andExpect(jsonPath("$.safetyRegions[0].providers").value(2))
                .andExpect(jsonPath("$.safetyRegions[0].expected").value(2))
                .andExpect(jsonPath("$.safetyRegions[0].reports").value(2))
                .andExpect(jsonPath("$.safetyRegions[1].providers").value(0))
                .andExpect(jsonPath("$.safetyRegions[1].expected").value(1))
                .andExpect(jsonPath("$.region.safetyRegionId").value(nullValue()))
                .andExpect(jsonPath("$.region.expected").value(3))
                .andExpect(jsonPath("$.region.units[0].unitKind").value("seh"))
                .andExpect(jsonPath("$.region.units[0].levels[0].level").value("crowding"))
                .andExpect(jsonPath("$.region.units[0].levels[0].reports").value(2))
                .andExpect(jsonPath("$.region.units[0].levels[0].bands[*].value",
                        contains("RUSTIG", "DRUK", "ZEER_DRUK", "OVERVOL", "GEVAARLIJK_OVERVOL")))
                .andExpect(jsonPath("$.region.units[0].levels[0].bands[*].reports", contains(0, 1, 0, 0, 1)))
                .andExpect(jsonPath("$.region.units[0].levels[0].bands[1].share").value(0.5))
                .andExpect(jsonPath("$.region.units[0].stops[*].kind", contains("SEH", "SR", "EHH")))
                .andExpect(jsonPath("$.region.units[0].stops[0].minutes").value(60))
                .andExpect(jsonPath("$.safetyRegions[1].units[0].stops[0].stops").value(0))
                .andExpect(jsonPath("$.region.units[0].leadTimes[*].interval",
                        contains("arrivalToTriage", "arrivalToDoctor", "lengthOfStay")))
                .andExpect(jsonPath("$.region.units[0].leadTimes[0].medianMinutes").value(10.0))
                .andExpect(jsonPath("$.region.units[0].leadTimes[1].medianMinutes").value(40.0))
                .andExpect(jsonPath("$.region.units[0].leadTimes[1].overNorm").value(0))
                .andExpect(jsonPath("$.region.units[0].leadTimes[2].passages").value(0));

        // the ambulance service and the GP post of a VR of the region read the EDs' openness (seed 004), each with
        // the stops of its own VR only: the SEH stop in VR07 is shown to VR07's RAV, not to VR08's HAP
        String unitOfLoc = "$.providers[?(@.providerId == '" + loc + "')].units[0]";
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(PICTURE, region, "spoed")
                        .param("asOf", "2026-11-23T22:30:00Z").headers(caller("RAV", "RAV-07", "VR07")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value("PROVIDER"))
                .andExpect(jsonPath(unitOfLoc + ".stops[0].kind", contains("SEH"))));
        mvc.perform(get(PICTURE, region, "spoed").param("asOf", "2026-11-23T22:30:00Z")
                        .headers(caller("HAP", "HAP-08", "VR08")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.providers[?(@.providerId == '" + loc + "')]", hasSize(1)))
                .andExpect(jsonPath(unitOfLoc + ".stops[0]").doesNotExist());
        mvc.perform(get(PICTURE, region, "spoed").headers(caller("RAV", "RAV-13", "VR13")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("quarter", "2026-Q4").headers(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-10-01"))
                .andExpect(jsonPath("$.to").value("2026-12-31"))
                .andExpect(jsonPath("$.days").value(92))
                .andExpect(jsonPath("$.region.units[0].stops[0].minutes").value(120));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("from", "2026-11-23").param("to", "2026-11-24")
                        .headers(caller("LCPS", null, null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(2));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("day", "2026-11-23").param("quarter", "2026-Q4")
                        .headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("quarter", "2026-Q5").headers(rcps(region)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("day", "2026-11-23")
                        .headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("day", "2026-11-23")
                        .headers(caller("EPD_SYSTEM", org, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(PERIOD_REPORT, region, "spoed").param("day", "2026-11-23").headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(PERIOD_REPORT, region, "geen-module").param("day", "2026-11-23").headers(rcps(region)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
    }
}
