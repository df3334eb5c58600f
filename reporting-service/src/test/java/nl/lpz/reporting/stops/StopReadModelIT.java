package nl.lpz.reporting.stops;

import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Announcement;
import nl.lpz.reporting.StopFixtures.Stop;
import nl.lpz.reporting.stops.StopQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Stop records published to the real broker on {@code lpz.stops.v1} appear in the stop view, the regional stream
 * (event {@code stop}, resumable) and the statistics; a duplicated record counts once. The veiligheidsregio's are
 * the real VR01..VR25, shared with other tests in this JVM, so assertions pick this test's own stops by id.
 */
class StopReadModelIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STOPS = "/api/v1/safety-regions/{safetyRegionId}/stops";
    private static final String STATISTICS = "/api/v1/stop-statistics";
    private static final String STREAM = "/api/v1/regions/{roazRegionId}/stream";
    private static final Pattern STOP_EVENT = Pattern.compile("id:(\\d+)\\nevent:stop\\ndata:(\\{[^\\n]*})");
    private static final String VR = "VR21";

    private final List<MvcResult> streams = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String roaz;
    private String org;
    private String loc;

    @BeforeEach
    void aRegisteredLocation() {
        roaz = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        send(Fixtures.publish(Fixtures.location(loc, org, roaz, VR)));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where location_id = ?", Long.class, loc) == 1);
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(s -> s.getRequest().getAsyncContext().complete());
    }

    private static HttpHeaders mka(String vr) {
        return caller("MKA", null, vr);
    }

    private static String stop(String stopId, String field) {
        return "$.stops[?(@.stopId == '" + stopId + "')]." + field;
    }

    @Test
    void givenDeclaredStopsAndAnAnnouncementOnTheTopic_whenTheMkaReadsItsRegion_thenTheyShowWithExpiresSoon()
            throws Exception {
        Stop endingSoon = Stop.of(VR, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(55)), 60);
        Stop running = Stop.of(VR, roaz, CareKind.CTT, loc, org, now.minus(Duration.ofMinutes(5)), 120);
        Stop ended = Stop.of(VR, roaz, CareKind.PCI, loc, org, now.minus(Duration.ofMinutes(5)), 120);
        Stop pastItsEnd = Stop.of(VR, roaz, CareKind.CCU, loc, org, now.minus(Duration.ofMinutes(61)), 60);
        Announcement planned = Announcement.of(VR, CareKind.EHH, loc, org, now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(4)));

        send(StopFixtures.publish(endingSoon.declared()), StopFixtures.publish(running.declared()),
                StopFixtures.publish(ended.declared()), StopFixtures.publish(ended.ended(now)),
                StopFixtures.publish(pastItsEnd.declared()), StopFixtures.publish(planned.announced(now)));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(STOPS, VR).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.safetyRegionId").value(VR))
                .andExpect(jsonPath("$.stops[?(@.locationId == '" + loc + "')]", hasSize(2)))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "expiresSoon"), contains(true)))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "kind"), contains("SEH")))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "type"), contains("UNPLANNED")))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "reason"), contains("druk op de SEH")))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "locationName"), contains("Ziekenhuis " + loc)))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "startedAt"),
                        contains(endingSoon.startedAt().toString())))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "expectedEnd"),
                        contains(endingSoon.expectedEnd().toString())))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "graceUntil"),
                        contains(endingSoon.startedAt().plus(Duration.ofMinutes(20)).toString())))
                .andExpect(jsonPath(stop(endingSoon.stopId(), "declaredBy.subject"), contains("nurse-1")))
                .andExpect(jsonPath(stop(running.stopId(), "expiresSoon"), contains(false)))
                .andExpect(jsonPath("$.announcements[?(@.announcementId == '" + planned.announcementId()
                        + "')].plannedStart", contains(planned.plannedStart().toString())))
                .andExpect(jsonPath("$.announcements[?(@.announcementId == '" + planned.announcementId()
                        + "')].kind", contains("EHH"))));
    }

    @Test
    void givenADuplicatedStopRecord_whenConsumed_thenItCountsOnce() throws Exception {
        Stop s = Stop.of(VR, roaz, CareKind.SR, loc, org, now.minus(Duration.ofMinutes(5)), 60);
        Published extended = StopFixtures.publish(s.extended(90, now));

        // the warning follows the duplicate on the same partition (key = VR): once it is in, the duplicate was read
        send(StopFixtures.publish(s.declared()), extended, extended, StopFixtures.publish(s.warned()));

        await().atMost(WAIT).until(() -> jdbc.queryForObject("""
                select count(*) from stop_event where stop_id = ? and event_type = 'StopExpiryWarned'""",
                Long.class, s.stopId()) == 1);
        mvc.perform(get(STOPS, VR).headers(mka(VR)))
                .andExpect(jsonPath(stop(s.stopId(), "extensions"), contains(1)))
                .andExpect(jsonPath(stop(s.stopId(), "expectedEnd"),
                        contains(s.startedAt().plus(Duration.ofMinutes(90)).toString())));
        assertThat(jdbc.queryForObject("select count(*) from stop_event where stop_id = ?", Long.class, s.stopId()))
                .isEqualTo(3L);
        assertThat(jdbc.queryForList("""
                        select payload->>'change' from region_change where kind = 'stop' and payload->>'stopId' = ?
                        order by seq""", String.class, s.stopId()))
                .containsExactly("DECLARED", "EXTENDED", "EXPIRY_WARNING");
    }

    private record Event(long id, String data) {
    }

    private static List<Event> stopEvents(MvcResult stream, String stopId) throws Exception {
        List<Event> events = new ArrayList<>();
        Matcher m = STOP_EVENT.matcher(stream.getResponse().getContentAsString());
        while (m.find()) {
            if (m.group(2).contains("\"stopId\":\"" + stopId + "\"")) {
                events.add(new Event(Long.parseLong(m.group(1)), m.group(2)));
            }
        }
        return events;
    }

    private MvcResult open(HttpHeaders headers) throws Exception {
        MvcResult result = mvc.perform(get(STREAM, roaz).headers(headers)).andExpect(request().asyncStarted())
                .andReturn();
        streams.add(result);
        return result;
    }

    @Test
    void givenAStreamSubscriber_whenAStopIsDeclaredWarnedAndEnded_thenStopEventsArriveAndResumeWithLastEventId()
            throws Exception {
        MvcResult stream = open(mka(VR));
        Stop s = Stop.of(VR, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(55)), 60);

        send(StopFixtures.publish(s.declared()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stopEvents(stream, s.stopId())).hasSize(1));
        Event declared = stopEvents(stream, s.stopId()).get(0);
        assertThat(declared.data()).isEqualTo("{\"stopId\":\"" + s.stopId() + "\",\"safetyRegionId\":\"" + VR
                + "\",\"locationId\":\"" + loc + "\",\"kind\":\"SEH\",\"change\":\"DECLARED\",\"expectedEnd\":\""
                + s.expectedEnd() + "\",\"changedAt\":\"" + s.startedAt() + "\"}");

        send(StopFixtures.publish(s.warned()), StopFixtures.publish(s.ended(now)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stopEvents(stream, s.stopId())).hasSize(3));
        assertThat(stopEvents(stream, s.stopId())).extracting(Event::data)
                .anySatisfy(d -> assertThat(d).contains("\"change\":\"EXPIRY_WARNING\""))
                .anySatisfy(d -> assertThat(d).contains("\"change\":\"ENDED\""));

        HttpHeaders resume = rcps(roaz);
        resume.add("Last-Event-ID", Long.toString(declared.id()));
        MvcResult resumed = open(resume);
        await().atMost(WAIT).untilAsserted(() -> assertThat(stopEvents(resumed, s.stopId())).hasSize(2));
        assertThat(stopEvents(resumed, s.stopId())).extracting(Event::id)
                .containsExactlyElementsOf(stopEvents(stream, s.stopId()).subList(1, 3).stream().map(Event::id)
                        .toList());

        Stop next = Stop.of(VR, roaz, CareKind.SEH, loc, org, now, 60);
        send(StopFixtures.publish(next.declared()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stopEvents(resumed, next.stopId())).hasSize(1));
    }

    @Test
    void givenCallersOfVariousRoles_whenTheyReadTheStopsOfAVr_thenAccessFollowsRoleAndRegion() throws Exception {
        mvc.perform(get(STOPS, VR)).andExpect(status().isUnauthorized());
        mvc.perform(get(STOPS, VR).headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(STOPS, VR).headers(mka(VR))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(caller("MMA", null, VR))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(mka("VR20")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(STOPS, VR).headers(rcps(roaz))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(rcps(unique("ROAZ"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(STOPS, VR).headers(hospital(unique("ORG")))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(caller("EPD_SYSTEM", unique("ORG"), null))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(caller("LCPS", null, null))).andExpect(status().isOk());
        mvc.perform(get(STOPS, VR).headers(caller("ADMIN", null, null))).andExpect(status().isOk());
        mvc.perform(get(STOPS, "VR26").headers(caller("ADMIN", null, null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
        mvc.perform(get(STOPS, "VR1").headers(mka("VR1")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
    }

    @Test
    void givenStopsRefusalsAndALapse_whenStatisticsAreAsked_thenTheFiguresAreAnsweredPerVrAndKindWithinScope()
            throws Exception {
        String vr = "VR22";
        String otherRoaz = unique("ROAZ");
        String otherLoc = unique("LOC");
        send(Fixtures.publish(Fixtures.location(otherLoc, unique("ORG"), otherRoaz, vr)));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where location_id = ?", Long.class, otherLoc) == 1);
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000));
        Instant nine = day.atTime(9, 0).atZone(StopQuery.STATISTICS_ZONE).toInstant();
        Stop early = Stop.of(vr, otherRoaz, CareKind.SEH, otherLoc, "ORG-s", nine, 60);
        Stop expired = Stop.of(vr, otherRoaz, CareKind.SEH, otherLoc, "ORG-s", nine.plus(Duration.ofHours(2)), 150);
        Stop lapsed = Stop.of(vr, otherRoaz, CareKind.SR, otherLoc, "ORG-s", nine, 60);
        send(StopFixtures.publish(early.declared()),
                StopFixtures.publish(early.ended(nine.plus(Duration.ofMinutes(30)))),
                StopFixtures.publish(expired.declared()), StopFixtures.publish(expired.expired()),
                StopFixtures.publish(lapsed.declared()),
                StopFixtures.publish(StopFixtures.refused(vr, CareKind.SR, otherLoc, "ORG-s", nine.plusSeconds(60))),
                StopFixtures.publish(StopFixtures.lapse(vr, CareKind.SR, nine.plus(Duration.ofMinutes(15)), lapsed)));
        String seh = "$.statistics[?(@.safetyRegionId == '" + vr + "' && @.kind == 'SEH')].";
        String sr = "$.statistics[?(@.safetyRegionId == '" + vr + "' && @.kind == 'SR')].";

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(STATISTICS)
                        .param("from", day.toString()).param("to", day.toString()).headers(mka(vr)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(day.toString()))
                .andExpect(jsonPath(seh + "stops", contains(2)))
                .andExpect(jsonPath(seh + "totalDurationMinutes", contains(180)))
                .andExpect(jsonPath(seh + "meanDurationMinutes", contains(90.0)))
                .andExpect(jsonPath(seh + "pastNormTime", contains(1)))
                .andExpect(jsonPath(sr + "stops", contains(1)))
                .andExpect(jsonPath(sr + "totalDurationMinutes", contains(15)))
                .andExpect(jsonPath(sr + "refusedLastInRegion", contains(1)))
                .andExpect(jsonPath(sr + "lapses", contains(1))));

        mvc.perform(get(STATISTICS).param("from", day.toString()).param("to", day.toString()).headers(mka(VR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statistics", hasSize(0)));
        mvc.perform(get(STATISTICS).param("from", day.toString()).param("to", day.toString())
                        .headers(rcps(otherRoaz)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statistics[*].safetyRegionId", hasItem(vr)));
        mvc.perform(get(STATISTICS).param("from", day.toString()).param("to", day.toString()).headers(rcps(roaz)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statistics", hasSize(0)));
        mvc.perform(get(STATISTICS).param("from", day.minusDays(1).toString()).param("to", day.plusDays(1).toString())
                        .headers(caller("LCPS", null, null)))
                .andExpect(status().isOk()).andExpect(jsonPath(seh + "stops", contains(2)));
        mvc.perform(get(STATISTICS).param("from", day.toString()).param("to", day.toString())
                        .headers(caller("ADMIN", null, null)))
                .andExpect(status().isOk()).andExpect(jsonPath(sr + "lapses", contains(1)));
    }

    @Test
    void givenBadPeriodsOrRoles_whenStatisticsAreAsked_thenTheyAreRefused() throws Exception {
        HttpHeaders admin = caller("ADMIN", null, null);
        mvc.perform(get(STATISTICS).param("to", "2025-01-31").headers(admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(STATISTICS).param("from", "2025-01-01").headers(admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get(STATISTICS).param("from", "2025-02-01").param("to", "2025-01-31").headers(admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(STATISTICS).param("from", "2025-13-01").param("to", "2025-01-31").headers(admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get(STATISTICS).param("from", "2025-01-01").param("to", "2025-01-31")
                        .headers(hospital(unique("ORG"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(STATISTICS).param("from", "2025-01-01").param("to", "2025-01-31")
                        .headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(STATISTICS).param("from", "2025-01-01").param("to", "2025-01-31"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void givenAStopDeclaredExtendedAndEnded_whenReadWithAsOf_thenTheStopsAreAnsweredAsTheyStoodThen()
            throws Exception {
        Instant start = now.minus(Duration.ofHours(2));
        Stop s = Stop.of(VR, roaz, CareKind.SEH, loc, org, start, 60);
        send(StopFixtures.publish(s.declared()),
                StopFixtures.publish(s.extended(90, start.plus(Duration.ofMinutes(20)))),
                StopFixtures.publish(s.withMinutes(90).ended(start.plus(Duration.ofMinutes(80)))));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from stop where stop_id = ? and end_kind = 'ENDED'", Long.class, s.stopId()) == 1);

        String before = start.minusSeconds(60).toString();
        mvc.perform(get(STOPS, VR).param("asOf", before).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value(start.minusSeconds(60).toString()))
                .andExpect(jsonPath(stop(s.stopId(), "stopId"), hasSize(0)));
        mvc.perform(get(STOPS, VR).param("asOf", start.plus(Duration.ofMinutes(10)).toString()).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(stop(s.stopId(), "expectedEnd"), contains(s.expectedEnd().toString())))
                .andExpect(jsonPath(stop(s.stopId(), "extensions"), contains(0)));
        // an offset with an unencoded '+' (arrives as a space) is accepted, as for the capacity
        String during = start.plus(Duration.ofMinutes(55)).atOffset(java.time.ZoneOffset.ofHours(1)).toString();
        mvc.perform(get(STOPS, VR).param("asOf", during.replace('+', ' ')).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(stop(s.stopId(), "expectedEnd"),
                        contains(start.plus(Duration.ofMinutes(90)).toString())))
                .andExpect(jsonPath(stop(s.stopId(), "extensions"), contains(1)))
                .andExpect(jsonPath(stop(s.stopId(), "expiresSoon"), contains(false)));
        mvc.perform(get(STOPS, VR).param("asOf", start.plus(Duration.ofMinutes(80)).toString()).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(stop(s.stopId(), "stopId"), hasSize(0)));
        mvc.perform(get(STOPS, VR).headers(mka(VR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(stop(s.stopId(), "stopId"), hasSize(0)));

        mvc.perform(get(STOPS, VR).param("asOf", Instant.now().plus(Duration.ofMinutes(5)).toString())
                        .headers(mka(VR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(STOPS, VR).param("asOf", "gisteren").headers(mka(VR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        mvc.perform(get(STOPS, VR).param("asOf", before).headers(mka("VR20")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(STOPS, VR).param("asOf", before))
                .andExpect(status().isUnauthorized());
    }
}
