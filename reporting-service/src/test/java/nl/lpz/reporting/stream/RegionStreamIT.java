package nl.lpz.reporting.stream;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The regional SSE stream: live changes, resume with Last-Event-ID, hidden organisations, heartbeats. */
class RegionStreamIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STREAM = "/api/v1/regions/{roazRegionId}/stream";
    private static final Pattern EVENT = Pattern.compile("id:(\\d+)\\nevent:capacity\\ndata:(\\{[^\\n]*})");

    private final List<MvcResult> streams = new ArrayList<>();
    private String region;
    private String org;
    private String loc;

    @BeforeEach
    void aSharedLocation() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        send(publish(Fixtures.location(loc, org, region, "VR03")), publish(Fixtures.visibility(org, true, true, at(0))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(
                        get("/api/v1/regions/{r}/capacity", region).headers(rcps(region)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locations", hasSize(1))));
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(s -> s.getRequest().getAsyncContext().complete());
    }

    private MvcResult open(HttpHeaders headers) throws Exception {
        MvcResult result = mvc.perform(get(STREAM, region).headers(headers)).andExpect(request().asyncStarted())
                .andReturn();
        streams.add(result);
        return result;
    }

    private record Event(long id, String data) {
    }

    private static List<Event> events(MvcResult stream) throws Exception {
        List<Event> events = new ArrayList<>();
        Matcher m = EVENT.matcher(stream.getResponse().getContentAsString());
        while (m.find()) {
            events.add(new Event(Long.parseLong(m.group(1)), m.group(2)));
        }
        return events;
    }

    private java.util.Optional<Event> changeAt(MvcResult stream, java.time.Instant lastEventAt) throws Exception {
        return eventsFor(stream, loc).stream()
                .filter(e -> e.data().contains("\"lastEventAt\":\"" + lastEventAt + "\"")).findFirst();
    }

    private static List<Event> eventsFor(MvcResult stream, String locationId) throws Exception {
        return events(stream).stream().filter(e -> e.data().contains("\"locationId\":\"" + locationId + "\"")).toList();
    }

    @Test
    void givenASubscriber_whenBedsChange_thenItReceivesACapacityEventWithTheLocationAndItsDataAge() throws Exception {
        MvcResult stream = open(rcps(region));

        send(publish(bed(loc, org, "B1").at(at(7)).event()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(stream, loc)).anySatisfy(e -> assertThat(
                e.data()).contains("\"lastEventAt\":\"" + at(7) + "\"").contains("\"changedAt\":\"")));
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
    }

    @Test
    void givenAClientThatSawChangeN_whenItReconnectsWithLastEventId_thenItGetsTheLaterChangesThenLiveOnes()
            throws Exception {
        MvcResult first = open(rcps(region));
        send(publish(bed(loc, org, "B1").at(at(1)).event()));
        // the location's registration may also reach this subscriber as a change: pick the bed changes by content
        await().atMost(WAIT).untilAsserted(() -> assertThat(changeAt(first, at(1))).isPresent());
        long seen = changeAt(first, at(1)).orElseThrow().id();
        send(publish(bed(loc, org, "B2").at(at(2)).event()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(changeAt(first, at(2))).isPresent());
        long missed = changeAt(first, at(2)).orElseThrow().id();

        HttpHeaders resume = rcps(region);
        resume.add("Last-Event-ID", Long.toString(seen));
        MvcResult resumed = open(resume);

        await().atMost(WAIT).untilAsserted(() -> assertThat(events(resumed)).extracting(Event::id).contains(missed));
        assertThat(events(resumed)).extracting(Event::id).allMatch(id -> id > seen);
        send(publish(bed(loc, org, "B3").at(at(3)).event()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(resumed, loc)).hasSize(2));
        List<Long> ids = events(resumed).stream().map(Event::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenTheQueryParameterFallback_whenResuming_thenItActsAsLastEventId() throws Exception {
        MvcResult first = open(rcps(region));
        send(publish(bed(loc, org, "B1").at(at(1)).event()), publish(bed(loc, org, "B2").at(at(2)).event()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(first, loc)).isNotEmpty());
        long last = eventsFor(first, loc).get(eventsFor(first, loc).size() - 1).id();

        MvcResult resumed = mvc.perform(get(STREAM, region).param("lastEventId", Long.toString(last - 1))
                .headers(rcps(region))).andExpect(request().asyncStarted()).andReturn();
        streams.add(resumed);

        await().atMost(WAIT).untilAsserted(() -> assertThat(events(resumed)).extracting(Event::id).contains(last));
    }

    @Test
    void givenAHiddenOrganisation_whenItsBedsChange_thenOnlyItsOwnSubscribersAreTold() throws Exception {
        String hiddenOrg = unique("ORG");
        String hiddenLoc = unique("LOC");
        send(publish(Fixtures.location(hiddenLoc, hiddenOrg, region, "VR03")));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where location_id = ?", Long.class, hiddenLoc) == 1);
        MvcResult regional = open(rcps(region));
        MvcResult own = open(hospital(hiddenOrg));

        send(publish(bed(hiddenLoc, hiddenOrg, "B1").at(at(1)).event()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(own, hiddenLoc)).isNotEmpty());
        send(publish(bed(loc, org, "B1").at(at(2)).event()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(regional, loc)).isNotEmpty());

        assertThat(eventsFor(regional, hiddenLoc)).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsFor(own, loc)).isNotEmpty());
    }

    @Test
    void givenStopsInTwoVrsAndBedChanges_whenAnMkaAndARavOfOneVrFollow_thenEachIsToldWhatItMayReadOnly()
            throws Exception {
        String otherLoc = unique("LOC");
        send(publish(Fixtures.location(otherLoc, org, region, "VR04")));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from location where location_id = ?", Long.class, otherLoc) == 1);
        MvcResult mka = open(caller("MKA", null, "VR03"));
        MvcResult rav = open(caller("RAV", "RAV-03", "VR03"));
        MvcResult regional = open(rcps(region));

        StopFixtures.Stop own = StopFixtures.Stop.of("VR03", region, CareKind.SEH, loc, org, Instant.now(), 60);
        StopFixtures.Stop other = StopFixtures.Stop.of("VR04", region, CareKind.SEH, otherLoc, org, Instant.now(), 60);
        send(StopFixtures.publish(other.declared()), StopFixtures.publish(own.declared()));
        send(publish(bed(loc, org, "B1").at(at(3)).event()));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(regional.getResponse().getContentAsString()).contains(own.stopId(), other.stopId());
            assertThat(eventsFor(regional, loc)).isNotEmpty();
            assertThat(mka.getResponse().getContentAsString()).contains(own.stopId());
            assertThat(rav.getResponse().getContentAsString()).contains(own.stopId());
            assertThat(eventsFor(mka, loc)).isNotEmpty();
        });
        // the other VR's stop is not the MKA's nor the RAV's to read, and a RAV reads no bed figures
        assertThat(mka.getResponse().getContentAsString()).doesNotContain(other.stopId());
        assertThat(rav.getResponse().getContentAsString()).doesNotContain(other.stopId());
        assertThat(rav.getResponse().getContentAsString()).doesNotContain("event:capacity");
    }

    @Test
    void givenARavOrHapOfAnotherRegion_whenItOpensTheStream_thenItIsRefused() throws Exception {
        mvc.perform(get(STREAM, region).headers(caller("HAP", "HAP-1", "VR13")).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get("/api/v1/regions/{r}/capacity", region).headers(caller("RAV", null, "VR03")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
    }

    @Test
    void givenAnIdleStream_whenTheHeartbeatIntervalPasses_thenACommentKeepsItOpen() throws Exception {
        MvcResult stream = open(rcps(region));

        await().atMost(WAIT).untilAsserted(() -> assertThat(stream.getResponse().getContentAsString())
                .contains(":heartbeat"));
    }

    @Test
    void givenACallerOfAnotherRegion_whenItOpensTheStream_thenItIsRefused() throws Exception {
        mvc.perform(get(STREAM, region).headers(rcps(unique("ROAZ"))).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        mvc.perform(get(STREAM, region).headers(rcps(region)).header("Last-Event-ID", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }
}
