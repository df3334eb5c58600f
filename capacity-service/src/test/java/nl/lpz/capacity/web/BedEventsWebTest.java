package nl.lpz.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.lpz.capacity.CapacitySpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class BedEventsWebTest extends CapacitySpringTest {
    private String location;
    private String organisation;
    private final Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    @BeforeEach
    void registerOwnLocation() throws Exception {
        organisation = newId("org");
        location = newId("loc");
        registerLocation(location, organisation);
    }

    @Test
    void givenOwnLocation_whenEpdPostsEvents_then202WithCountsAndEventsAppended() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(a, location, "B1", "OCCUPIED", t),
                bedEvent(b, location, "B2", "RESERVED", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"accepted":2,"duplicates":0,"stale":0,"rejected":[]}""", true));
        assertThat(eventsOf(location)).isEqualTo(3);
    }

    @Test
    void givenAcceptedEvent_whenSameEventIdPostedAgain_thenDuplicateAndNothingAppended() throws Exception {
        UUID a = UUID.randomUUID();
        String body = batch(bedEvent(a, location, "B1", "AVAILABLE", t));
        as(postJson("/api/v1/bed-events", body), "HOSPITAL", organisation).andExpect(status().isAccepted());
        long before = eventsOf(location);
        as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(eventsOf(location)).isEqualTo(before);
    }

    @Test
    void givenANumberForAnEnumOrAFractionForACount_whenPosted_then400AndNothingAppended() throws Exception {
        long before = eventsOf(location);
        String event = bedEvent(UUID.randomUUID(), location, "B1", "OCCUPIED", t);
        as(postJson("/api/v1/bed-events", batch(event.replace("\"status\":\"OCCUPIED\"", "\"status\":1"))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        as(postJson("/api/v1/bed-events", batch(event.replace("\"patientCovidStatus\":null",
                "\"patientCovidStatus\":1"))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest());
        as(put("/api/v1/locations/" + location + "/thresholds").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1.5}]}"),
                "HOSPITAL", organisation)
                .andExpect(status().isBadRequest());
        assertThat(eventsOf(location)).isEqualTo(before);
    }

    @Test
    void givenNewerReport_whenOlderReportArrives_thenCountedStale() throws Exception {
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "OCCUPIED",
                t.plusSeconds(60)))), "EPD_SYSTEM", organisation).andExpect(status().isAccepted());
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.stale").value(1));
    }

    @Test
    void givenMixedBatch_whenOneEventHasUnknownElement_thenOthersAcceptedAndItRejected() throws Exception {
        UUID bad = UUID.randomUUID();
        String unknown = bedEvent(bad, location, "B9", "AVAILABLE", t).replace("IC_BEADEMD", "NO_SUCH_ELEMENT");
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t),
                unknown)), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected", hasSize(1)))
                .andExpect(jsonPath("$.rejected[0].eventId").value(bad.toString()))
                .andExpect(jsonPath("$.rejected[0].code").value("UNKNOWN_LABEL_ELEMENT"))
                .andExpect(jsonPath("$.rejected[0].detail").isString());
    }

    @Test
    void givenOnlyUnknownElements_whenPosted_then400UnknownLabelElementWithRejectedList() throws Exception {
        String unknown = bedEvent(UUID.randomUUID(), location, "B9", "AVAILABLE", t)
                .replace("\"specialisme\":null", "\"specialisme\":\"NOPE\"");
        as(postJson("/api/v1/bed-events", batch(unknown)), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_LABEL_ELEMENT"))
                .andExpect(jsonPath("$.rejected", hasSize(1)));
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenEventTenMinutesAhead_whenPosted_then400OccurredInFuture() throws Exception {
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE",
                Instant.now().plusSeconds(600)))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("OCCURRED_IN_FUTURE"))
                .andExpect(jsonPath("$.rejected[0].code").value("OCCURRED_IN_FUTURE"));
    }

    @Test
    void givenUnknownLocation_whenPosted_then404UnknownLocation() throws Exception {
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), newId("nowhere"), "B1", "AVAILABLE",
                t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
    }

    @Test
    void givenLocationOfOrganisationB_whenOrganisationAPostsForItAndItsOwn_then403AndNothingAppended()
            throws Exception {
        String other = newId("loc");
        String otherOrganisation = newId("org");
        registerLocation(other, otherOrganisation);
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t),
                bedEvent(UUID.randomUUID(), other, "B1", "AVAILABLE", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        assertThat(eventsOf(location)).isEqualTo(1);
        assertThat(eventsOf(other)).isEqualTo(1);
    }

    @Test
    void givenReadOnlyRole_whenPosting_then403ForbiddenRole() throws Exception {
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t))),
                "MKA", organisation)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
    }

    @Test
    void givenNoIdentity_whenPosting_then401() throws Exception {
        mvc.perform(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE",
                        t))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$..code", hasItem("UNAUTHENTICATED")));
    }

    @Test
    void givenStructuralErrors_whenPosting_then400AndNothingWritten() throws Exception {
        String valid = bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t);
        List<String> bodies = List.of(
                "{\"events\":[",
                batch(valid.replace("\"AVAILABLE\"", "\"FREE\"")),
                batch(valid.replace("\"specialistisch\":\"IC_BEADEMD\",", "")),
                batch(valid.replace(",\"covid\":false", "")),
                batch(valid.replace("\"status\":\"AVAILABLE\",", "")),
                batch(valid.replaceAll(",\"occurredAt\":\"[^\"]*\"", "")),
                batch(valid.replaceAll("\"eventId\":\"[^\"]*\",", "")),
                batch(valid.replace("\"bedId\":\"B1\"", "\"bedId\":\"B 1/x\"")),
                batch(valid, valid.replace("\"departmentId\":\"IC\"", "\"departmentId\":\"\"")),
                "{\"events\":[]}",
                "{}");
        for (String body : bodies) {
            as(postJson("/api/v1/bed-events", body), "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").isString());
        }
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenThousandAndOneEvents_whenPosting_then400() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(bedEvent(UUID.randomUUID(), location, "B" + i, "AVAILABLE", t));
        }
        as(postJson("/api/v1/bed-events", batch(events.toArray(String[]::new))), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    /** JSON string escapes: a NUL, a lone high surrogate, and a value far longer than any code. */
    static final List<String> BAD_TEXTS = List.of("A\\u0000B", "A\\uD800B", "X".repeat(10_000));

    @Test
    void givenSentinelOr1999OccurredAt_whenPosted_then400OccurredTooEarlyAndNothingAppended() throws Exception {
        for (String occurredAt : List.of("-999999999-01-01T00:00:00Z", "1999-12-31T23:59:59+01:00")) {
            String event = bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t)
                    .replace(t.toString(), occurredAt);
            as(postJson("/api/v1/bed-events", batch(event)), "EPD_SYSTEM", organisation)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("OCCURRED_TOO_EARLY"))
                    .andExpect(jsonPath("$.rejected[0].code").value("OCCURRED_TOO_EARLY"));
        }
        assertThat(eventsOf(location)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bed_event_receipt WHERE organisation_id = ?",
                Long.class, organisation)).isZero();
    }

    @Test
    void givenMixedBatch_whenOneEventBeforeTheBackfillHorizon_thenOthersAcceptedAndItRejected() throws Exception {
        UUID early = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t),
                bedEvent(early, location, "B2", "AVAILABLE", Instant.now().minus(401, ChronoUnit.DAYS)))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].eventId").value(early.toString()))
                .andExpect(jsonPath("$.rejected[0].code").value("OCCURRED_TOO_EARLY"));
        assertThat(eventsOf(location)).isEqualTo(2);
    }

    @Test
    void givenSnapshotAsOfSentinel_whenPut_then400OccurredTooEarlyAndNothingAppended() throws Exception {
        as(putJson("/api/v1/locations/" + location + "/beds",
                "{\"asOf\":\"-999999999-01-01T00:00:00Z\",\"beds\":[]}"), "EPD_SYSTEM", organisation)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("OCCURRED_TOO_EARLY"));
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenUnstorableTextInEachTextField_whenPostedOrPut_then400AndNothingAppended() throws Exception {
        String valid = bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t);
        for (String bad : BAD_TEXTS) {
            List<String> events = List.of(
                    valid.replace("\"specialistisch\":\"IC_BEADEMD\"", "\"specialistisch\":\"" + bad + "\""),
                    valid.replace("\"specialisme\":null", "\"specialisme\":\"" + bad + "\""),
                    valid.replace("\"departmentId\":\"IC\"", "\"departmentId\":\"" + bad + "\""),
                    valid.replace("\"bedId\":\"B1\"", "\"bedId\":\"" + bad + "\""),
                    valid.replace("\"locationId\":\"" + location + "\"", "\"locationId\":\"" + bad + "\""));
            for (String event : events) {
                as(postJson("/api/v1/bed-events", batch(event)), "EPD_SYSTEM", organisation)
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.oneOf("INVALID_FIELD",
                                "INVALID_ID")));
                String snapshot = "{\"asOf\":\"" + t + "\",\"beds\":[" + event + "]}";
                if (!event.contains("\"locationId\":\"" + bad)) {
                    as(putJson("/api/v1/locations/" + location + "/beds", snapshot), "EPD_SYSTEM", organisation)
                            .andExpect(status().isBadRequest())
                            .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.oneOf("INVALID_FIELD",
                                    "INVALID_ID")));
                }
            }
        }
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenOrganisationJUsedEventId_whenOrganisationISendsTheSameId_thenAcceptedAsItsOwnEvent() throws Exception {
        String otherLocation = newId("loc");
        String otherOrganisation = newId("org");
        registerLocation(otherLocation, otherOrganisation);
        UUID shared = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(shared, otherLocation, "B1", "AVAILABLE", t))),
                "EPD_SYSTEM", otherOrganisation)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.accepted").value(1));
        as(postJson("/api/v1/bed-events", batch(bedEvent(shared, location, "B1", "AVAILABLE", t))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"accepted":1,"duplicates":0,"stale":0,"rejected":[]}""", true));
        assertThat(eventsOf(location)).isEqualTo(2);
    }

    @Test
    void givenAcceptedEvent_whenSameIdWithOtherPayloadInRequestSpanningTwoLocations_then409AndNothingAppended()
            throws Exception {
        String secondLocation = newId("loc");
        registerLocation(secondLocation, organisation);
        UUID reused = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(reused, location, "B1", "AVAILABLE", t))),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted());
        long before = eventsOf(location);
        long secondBefore = eventsOf(secondLocation);
        as(postJson("/api/v1/bed-events", batch(
                        bedEvent(UUID.randomUUID(), secondLocation, "B1", "AVAILABLE", t),
                        bedEvent(UUID.randomUUID(), location, "B2", "AVAILABLE", t),
                        bedEvent(reused, location, "B1", "OCCUPIED", t))),
                "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"))
                .andExpect(jsonPath("$.eventIds", hasSize(1)))
                .andExpect(jsonPath("$.eventIds[0]").value(reused.toString()))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(reused.toString())));
        assertThat(eventsOf(location)).isEqualTo(before);
        assertThat(eventsOf(secondLocation)).isEqualTo(secondBefore);
    }

    @Test
    void givenTwoEventsWithOneIdAndDifferentPayloads_whenPostedTogether_then409AndNothingAppended()
            throws Exception {
        UUID id = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(id, location, "B1", "AVAILABLE", t),
                bedEvent(id, location, "B1", "BLOCKED", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVENT_ID_CONFLICT"))
                .andExpect(jsonPath("$.eventIds[0]").value(id.toString()));
        assertThat(eventsOf(location)).isEqualTo(1);
    }

    @Test
    void givenAcceptedEvent_whenResentWithTheSameInstantInAnotherOffset_thenDuplicate() throws Exception {
        UUID id = UUID.randomUUID();
        as(postJson("/api/v1/bed-events", batch(bedEvent(id, location, "B1", "AVAILABLE", t))),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted());
        long before = eventsOf(location);
        String sameInstant = t.atOffset(java.time.ZoneOffset.ofHours(1)).toString();
        as(postJson("/api/v1/bed-events", batch(bedEvent(id, location, "B1", "AVAILABLE", t)
                .replace(t.toString(), sameInstant))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"accepted":0,"duplicates":1,"stale":0,"rejected":[]}""", true));
        assertThat(eventsOf(location)).isEqualTo(before);
    }

    @Test
    void givenBeds_whenSnapshotOmitsOne_then202AndBedRemoved() throws Exception {
        as(postJson("/api/v1/bed-events", batch(bedEvent(UUID.randomUUID(), location, "B1", "AVAILABLE", t),
                bedEvent(UUID.randomUUID(), location, "B2", "AVAILABLE", t))), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted());
        String snapshot = """
                {"asOf":"%s","beds":[{"locationId":"%s","departmentId":"IC","bedId":"B1","status":"OCCUPIED",
                  "labels":{"specialistisch":"IC_BEADEMD","covid":false},"patientCovidStatus":"NON_COVID",
                  "occurredAt":"%s"}]}""".formatted(t.plusSeconds(120), location, t.plusSeconds(60));
        as(putJson("/api/v1/locations/" + location + "/beds", snapshot), "EPD_SYSTEM", organisation)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.changed").value(1))
                .andExpect(jsonPath("$.removed").value(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%BedRemoved'", Long.class, location)).isEqualTo(1);
    }

    @Test
    void givenOtherOrganisation_whenSnapshotPut_then403AndNothingAppended() throws Exception {
        as(putJson("/api/v1/locations/" + location + "/beds", "{\"asOf\":\"" + t + "\",\"beds\":[]}"),
                "EPD_SYSTEM", newId("org"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        assertThat(eventsOf(location)).isEqualTo(1);
    }
}
