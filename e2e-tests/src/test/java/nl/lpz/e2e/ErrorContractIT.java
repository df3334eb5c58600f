package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectProblem;
import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.elementCodes;
import static nl.lpz.e2e.Lpz.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error of the contract's capacity endpoints, through the gateway: RFC 9457 {@code application/problem+json}
 * with a {@code code}, never a 500, never a partial write. Where the contract fixes the code it is asserted exactly;
 * for generic 400s (malformed JSON, unknown enum, missing field, ids) any of the platform's 400 codes
 * ({@code nl.lpz.contract.ProblemCodes}) that fits is accepted.
 */
class ErrorContractIT {
    static final String[] BAD_REQUEST = {"MALFORMED_REQUEST", "INVALID_FIELD"};
    static final String[] BAD_ID = {"INVALID_ID", "INVALID_FIELD", "MALFORMED_REQUEST"};
    static final String BED_EVENTS = "/api/v1/bed-events";

    static String loc;
    static Bed bed;

    @BeforeAll
    static void aLocationOfTheAmcWithOneAvailableIcBed() {
        loc = Lpz.newLocation(AMC_ORG);
        bed = Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available().at(Instant.now().minusSeconds(300));
        Lpz.pushAll(Api.epd(AMC_ORG), bed);
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0));
    }

    // ---- 401 ------------------------------------------------------------------------------------------------------

    @Test
    void givenNoToken_whenCallingTheApi_thenEveryCallIs401Unauthenticated() {
        expectProblem(Api.send("GET", "/api/v1/regions/" + ROAZ_NHF + "/capacity", null, null, null), 401, "UNAUTHENTICATED");
        expectProblem(Api.send("POST", BED_EVENTS, null, Bed.batch(bed.occupied("COVID")).toString(), "application/json"),
                401, "UNAUTHENTICATED");
        expectProblem(Api.send("GET", "/api/v1/locations/" + loc, null, null, null), 401, "UNAUTHENTICATED");
        expectProblem(Api.send("GET", "/api/v1/code-lists/labels", null, null, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void givenAnInvalidOrTamperedToken_whenCallingTheApi_then401Unauthenticated() {
        String body = Bed.batch(bed.occupied("COVID")).toString();
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Bearer not-a-jwt", body, "application/json"),
                401, "UNAUTHENTICATED");
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Basic ZTJlOmUyZQ==", body, "application/json"),
                401, "UNAUTHENTICATED");
        // a genuine token of VUmc whose organisation claim is rewritten to the AMC: the signature no longer matches
        String[] parts = Api.epd(VUMC_ORG).token().split("\\.");
        assertThat(parts).as("a JWS compact token").hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains(VUMC_ORG);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace(VUMC_ORG, AMC_ORG).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Bearer " + forged, body, "application/json"),
                401, "UNAUTHENTICATED");
        // unsigned ("alg":"none") token with the AMC's organisation
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace(VUMC_ORG, AMC_ORG).getBytes(StandardCharsets.UTF_8)) + ".";
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Bearer " + none, body, "application/json"),
                401, "UNAUTHENTICATED");
        assertUnchanged();
    }

    @Test
    void givenIdentityHeadersSentByTheClient_whenCallingTheApi_thenTheGatewayIgnoresThem() {
        String body = Bed.batch(bed.occupied("COVID")).toString();
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, null, body, "application/json",
                "X-Lpz-Subject", "intruder", "X-Lpz-Roles", "EPD_SYSTEM,ADMIN", "X-Lpz-Organisation", AMC_ORG),
                401, "UNAUTHENTICATED");
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Bearer " + Api.epd(VUMC_ORG).token(), body,
                "application/json", "X-Lpz-Organisation", AMC_ORG, "X-Lpz-Roles", "ADMIN"),
                403, "FORBIDDEN_ORGANISATION");
        assertUnchanged();
    }

    // ---- 403 ------------------------------------------------------------------------------------------------------

    @Test
    void givenOrganisationB_whenItWritesOrganisationAsBedsThresholdsVisibilityOrContacts_then403AndNothingIsAppended() {
        Api.Identity epdB = Api.epd(VUMC_ORG);
        Api.Identity hospitalB = Api.hospital(VUMC_ORG);

        expectProblem(Lpz.push(epdB, bed.occupied("COVID")), 403, "FORBIDDEN_ORGANISATION");
        expectProblem(Api.put(epdB, "/api/v1/locations/" + loc + "/beds",
                SnapshotResyncIT.snapshot(Instant.now().minusSeconds(1))), 403, "FORBIDDEN_ORGANISATION");
        expectProblem(Api.put(hospitalB, "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("IC_BEADEMD", 1)), 403, "FORBIDDEN_ORGANISATION");
        expectProblem(Api.put(hospitalB, "/api/v1/organisations/" + AMC_ORG + "/visibility",
                VisibilityIT.visibility(false, false)), 403, "FORBIDDEN_ORGANISATION");
        expectProblem(Api.put(hospitalB, "/api/v1/locations/" + loc + "/contacts", contacts()), 403,
                "FORBIDDEN_ORGANISATION");

        assertUnchanged();
        // the owner may do what B may not
        Api.expect2xx(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + loc + "/contacts", contacts()));
    }

    @Test
    void givenARoleThatMayNotWrite_whenItWrites_then403ForbiddenRole() {
        expectProblem(Lpz.push(Api.mka(VR13), bed.occupied("COVID")), 403, "FORBIDDEN_ROLE");
        expectProblem(Lpz.push(Api.rcps(ROAZ_NHF), bed.occupied("COVID")), 403, "FORBIDDEN_ROLE");
        expectProblem(Api.put(Api.mka(VR13), "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("IC_BEADEMD", 1)), 403, "FORBIDDEN_ROLE");
        // settings belong to the HOSPITAL role, not to the EPD system of the same organisation
        expectProblem(Api.put(Api.epd(AMC_ORG), "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("IC_BEADEMD", 1)), 403, "FORBIDDEN_ROLE");
        // topology is ADMIN's
        String newLoc = Lpz.unique("E2E");
        expectProblem(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + newLoc,
                Lpz.locationBody(AMC_ORG, "not allowed", ROAZ_NHF, VR13, "SEH")), 403, "FORBIDDEN_ROLE");
        expectProblem(Api.put(Api.epd(AMC_ORG), "/api/v1/locations/" + newLoc,
                Lpz.locationBody(AMC_ORG, "not allowed", ROAZ_NHF, VR13, "SEH")), 403, "FORBIDDEN_ROLE");
        expectProblem(Api.get(Api.admin(), "/api/v1/locations/" + newLoc), 404, "NOT_FOUND", "UNKNOWN_LOCATION");
        assertUnchanged();
    }

    @Test
    void givenARegionalRoleOfAnotherRegion_whenItReadsTheRegionalPicture_then403ForbiddenRegion() {
        String capacity = "/api/v1/regions/" + ROAZ_NHF + "/capacity";
        expectProblem(Api.get(Api.rcps(Lpz.OTHER_REGION), capacity), 403, "FORBIDDEN_REGION");
        expectProblem(Api.get(Api.mka("VR01"), capacity), 403, "FORBIDDEN_REGION");
        Api.expectStatus(Api.get(Api.mka(VR13), capacity), 200);
        // public users get aggregated figures only, never the per-hospital picture
        expectProblem(Api.get(new Api.Identity("e2e-public", List.of("PUBLIC_AGGREGATE"), null, null), capacity), 403,
                "FORBIDDEN_ROLE");
    }

    @Test
    void givenAMalformedAsOf_whenReadingTheRegionalPicture_then400Problem() {
        expectProblem(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF + "/capacity?asOf=yesterday"), 400,
                BAD_REQUEST);
    }

    // ---- 400 ------------------------------------------------------------------------------------------------------

    @Test
    void givenMalformedJson_whenPosted_then400Problem() {
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, "{\"events\":[{\"eventId\":"), 400, BAD_REQUEST);
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, "not json at all"), 400, BAD_REQUEST);
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + Lpz.unique("E2E"), "{\"organisationId\":"), 400,
                BAD_REQUEST);
        expectProblem(Api.put(Api.hospital(AMC_ORG), "/api/v1/locations/" + loc + "/thresholds", "{\"thresholds\":[{]}"),
                400, BAD_REQUEST);
        expectProblem(Api.put(Api.hospital(AMC_ORG), "/api/v1/organisations/" + AMC_ORG + "/visibility", "{\"shared\":"),
                400, BAD_REQUEST);
        assertUnchanged();
    }

    @Test
    void givenAnUnknownEnumValue_whenPosted_then400Problem() {
        expectProblem(Lpz.push(Api.epd(AMC_ORG), withField(bed.occupied("COVID"), "status", "SLEEPING")), 400, BAD_REQUEST);
        expectProblem(Lpz.push(Api.epd(AMC_ORG), withField(bed.occupied("COVID"), "patientCovidStatus", "MAYBE")), 400,
                BAD_REQUEST);
        ObjectNode badLabel = Bed.batch(bed.occupied("COVID"));
        ((ObjectNode) badLabel.get("events").get(0).get("labels")).put("snijdendBeschouwend", "BOTH");
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, badLabel), 400, BAD_REQUEST);
        ObjectNode badCare = Lpz.locationBody(AMC_ORG, "x", ROAZ_NHF, VR13, "SEH", "ICU");
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + Lpz.unique("E2E"), badCare), 400, BAD_REQUEST);
        assertUnchanged();
    }

    @Test
    void givenAMissingField_whenPosted_then400Problem() {
        for (String field : List.of("eventId", "status", "labels", "occurredAt")) {
            ObjectNode body = Bed.batch(bed.occupied("COVID"));
            ((ObjectNode) body.get("events").get(0)).remove(field);
            expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, body), 400, BAD_REQUEST);
        }
        // a missing id is also an id outside the pattern
        for (String field : List.of("locationId", "departmentId", "bedId")) {
            ObjectNode body = Bed.batch(bed.occupied("COVID"));
            ((ObjectNode) body.get("events").get(0)).remove(field);
            expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, body), 400, BAD_ID);
        }
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, "{}"), 400, BAD_REQUEST);
        ObjectNode noName = Lpz.locationBody(AMC_ORG, "x", ROAZ_NHF, VR13, "SEH");
        noName.remove("name");
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + Lpz.unique("E2E"), noName), 400, BAD_REQUEST);
        ObjectNode noOrganisation = Lpz.locationBody(AMC_ORG, "x", ROAZ_NHF, VR13, "SEH");
        noOrganisation.remove("organisationId");
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + Lpz.unique("E2E"), noOrganisation), 400, BAD_ID);
        assertUnchanged();
    }

    @Test
    void givenAnIdOutsideThePattern_whenUsed_then400Problem() {
        String tooLong = "x".repeat(65);
        expectProblem(Api.get(Api.admin(), "/api/v1/locations/" + tooLong), 400, BAD_ID);
        expectProblem(Api.get(Api.admin(), "/api/v1/locations/bad!id"), 400, BAD_ID);
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + tooLong,
                Lpz.locationBody(AMC_ORG, "x", ROAZ_NHF, VR13, "SEH")), 400, BAD_ID);
        expectProblem(Api.put(Api.admin(), "/api/v1/locations/" + Lpz.unique("E2E"),
                Lpz.locationBody("org with spaces", "x", ROAZ_NHF, VR13, "SEH")), 400, BAD_ID);
        expectProblem(Lpz.push(Api.epd(AMC_ORG), withField(bed.occupied("COVID"), "bedId", "bed/1")), 400, BAD_ID);
        expectProblem(Lpz.push(Api.epd(AMC_ORG), withField(bed.occupied("COVID"), "departmentId", tooLong)), 400, BAD_ID);
        expectProblem(Lpz.push(Api.epd(AMC_ORG), withField(bed.occupied("COVID"), "bedId", "")), 400, BAD_ID);
        expectProblem(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + tooLong + "/capacity"), 400, BAD_ID);
        assertUnchanged();
    }

    @Test
    void givenASingleEventMoreThanFiveMinutesInTheFuture_whenPushed_then400OccurredInFuture() {
        Bed future = bed.occupied("COVID").at(Instant.now().plusSeconds(600));

        expectProblem(Lpz.push(Api.epd(AMC_ORG), future), 400, "OCCURRED_IN_FUTURE");

        assertUnchanged();
    }

    @Test
    void givenAnEventTwoMinutesAhead_whenPushed_thenItIsWithinTheFiveMinuteToleranceAndAccepted() {
        String own = Lpz.newLocation(AMC_ORG);
        Lpz.pushAll(Api.epd(AMC_ORG), Bed.at(own, "K", "bed-1", "MC").available().at(Instant.now().plusSeconds(120)));
    }

    @Test
    void givenASingleEventWithAnUnknownLabelElement_whenPushed_then400UnknownLabelElement() {
        expectProblem(Lpz.push(Api.epd(AMC_ORG), bed.element("IC_DELUXE").occupied("COVID")), 400,
                "UNKNOWN_LABEL_ELEMENT");
        expectProblem(Lpz.push(Api.epd(AMC_ORG), bed.labels("ASTROLOGIE", null).occupied("COVID")), 400,
                "UNKNOWN_LABEL_ELEMENT");
        assertUnchanged();
    }

    @Test
    void givenAMixedBatch_whenPushed_then202AcceptsTheValidEventsAndRejectsEachInvalidOneWithItsCode() {
        String own = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Bed good = Bed.at(own, "K", "good", "KLINIEK_VOLWASSENEN").available().at(t);
        Bed unknownElement = Bed.at(own, "K", "bad-1", "KLINIEK_DELUXE").available().at(t);
        Bed unknownSpecialisme = Bed.at(own, "K", "bad-2", "MC").labels("ASTROLOGIE", null).available().at(t);
        Bed future = Bed.at(own, "K", "bad-3", "MC").available().at(Instant.now().plusSeconds(900));

        Lpz.BatchResult r = Lpz.accepted(Lpz.push(Api.epd(AMC_ORG), good, unknownElement, unknownSpecialisme, future));

        assertThat(List.of(r.accepted(), r.duplicates(), r.stale()))
                .as("[accepted, duplicates, stale] of %s", r.response()).containsExactly(1, 0, 0);
        assertThat(r.rejected()).as("rejected of %s", r.response()).hasSize(3);
        assertRejected(r, unknownElement.eventId(), "UNKNOWN_LABEL_ELEMENT");
        assertRejected(r, unknownSpecialisme.eventId(), "UNKNOWN_LABEL_ELEMENT");
        assertRejected(r, future.eventId(), "OCCURRED_IN_FUTURE");
        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, own,
                x -> assertFigures(element(x, "KLINIEK_VOLWASSENEN"), 1, 1, 0));
        assertThat(elementCodes(l)).containsExactly("KLINIEK_VOLWASSENEN");
    }

    @Test
    void givenAnEmptyBatchOrMoreThan1000Events_whenPushed_then400() {
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, "{\"events\":[]}"), 400, BAD_REQUEST);
        expectProblem(Api.post(Api.epd(AMC_ORG), BED_EVENTS, Bed.batch(beds(loc, 1001))), 400, BAD_REQUEST);
        assertUnchanged();
    }

    @Test
    void givenExactly1000Events_whenPushed_thenAllAreAccepted() {
        String own = Lpz.newLocation(AMC_ORG);
        Lpz.pushAll(Api.epd(AMC_ORG), beds(own, 1000));
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, own,
                l -> assertFigures(element(l, "KLINIEK_VOLWASSENEN"), 1000, 1000, 0));
    }

    @Test
    void givenABodyOverOneMebibyte_whenPosted_then413WithOrWithoutContentLength() {
        // a valid one-event batch padded with whitespace past 1 MiB: too large, nothing else wrong with it
        String event = Bed.batch(bed.occupied("COVID")).toString();
        String padded = event.substring(0, event.length() - 1) + " ".repeat(1024 * 1024 + 1) + "}";
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        String auth = "Bearer " + Api.epd(AMC_ORG).token();

        expectProblem(Api.exchange("POST", BED_EVENTS, auth, HttpRequest.BodyPublishers.ofByteArray(bytes),
                "application/json"), 413, "PAYLOAD_TOO_LARGE");
        expectProblem(Api.exchange("POST", BED_EVENTS, auth,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), "application/json"),
                413, "PAYLOAD_TOO_LARGE");
        assertUnchanged();
    }

    @Test
    void givenOddBodies_whenSentToTheWriteEndpoints_thenEachIsA400ProblemNeverA500() {
        Api.Identity epd = Api.epd(AMC_ORG);
        Api.Identity hospital = Api.hospital(AMC_ORG);
        expectProblem(Api.post(epd, BED_EVENTS, "[]"), 400, BAD_REQUEST);
        expectProblem(Api.post(epd, BED_EVENTS, "{\"events\":null}"), 400, BAD_REQUEST);
        expectProblem(Api.post(epd, BED_EVENTS, "{\"events\":[null]}"), 400, BAD_REQUEST);
        expectProblem(Api.post(epd, BED_EVENTS, "{\"events\":\"all\"}"), 400, BAD_REQUEST);
        expectProblem(Lpz.push(epd, withField(bed.occupied("COVID"), "eventId", "not-a-uuid")), 400, BAD_REQUEST);
        expectProblem(Lpz.push(epd, withField(bed.occupied("COVID"), "occurredAt", "yesterday")), 400, BAD_REQUEST);
        // "All times are ISO-8601 with offset"
        expectProblem(Lpz.push(epd, withField(bed.occupied("COVID"), "occurredAt", "2026-11-23T10:15:00")), 400,
                BAD_REQUEST);
        ObjectNode covidText = Bed.batch(bed.occupied("COVID"));
        ((ObjectNode) covidText.get("events").get(0).get("labels")).put("covid", "perhaps");
        expectProblem(Api.post(epd, BED_EVENTS, covidText), 400, BAD_REQUEST);
        expectProblem(Api.put(epd, "/api/v1/locations/" + loc + "/beds", "{\"beds\":[]}"), 400, BAD_REQUEST);
        expectProblem(Api.put(hospital, "/api/v1/locations/" + loc + "/thresholds",
                "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":\"many\"}]}"), 400, BAD_REQUEST);
        expectProblem(Api.put(hospital, "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("IC_DELUXE", 1)), 400, "UNKNOWN_LABEL_ELEMENT");
        expectProblem(Api.put(hospital, "/api/v1/organisations/" + AMC_ORG + "/visibility",
                "{\"shared\":\"maybe\",\"releaseHistory\":true}"), 400, BAD_REQUEST);
        expectProblem(Api.put(hospital, "/api/v1/locations/" + loc + "/contacts", "{\"regiehouderSeh\":\"Jan\"}"),
                400, BAD_REQUEST);
        expectProblem(Api.get(Api.rcps(ROAZ_NHF), "/api/v1/regions/" + ROAZ_NHF + "/capacity?asOf=2026-13-45T00:00:00Z"),
                400, BAD_REQUEST);
        // a negative threshold is not a threshold; which 4xx is the service's choice, a 5xx never
        Api.Response negative = Api.put(hospital, "/api/v1/locations/" + loc + "/thresholds",
                ThresholdsIT.thresholds("IC_BEADEMD", -1));
        assertThat(negative.status()).as("%s", negative).isBetween(400, 499);
        expectProblem(negative, negative.status(), BAD_REQUEST);
        expectProblem(Api.sendWithHeaders("POST", BED_EVENTS, "Bearer " + epd.token(),
                Bed.batch(bed.occupied("COVID")).toString(), "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertUnchanged();
    }

    /**
     * Every write endpoint of every service, sent a body that is not JSON by its Content-Type (or none at all), answers
     * 415 UNSUPPORTED_MEDIA_TYPE as problem+json and changes nothing; an id with a NUL or other control character in
     * the path is a 400, never a 5xx (issue 14: these reached 500 on the stop, validation and contacts endpoints).
     */
    @Test
    void givenANonJsonContentType_whenSentToEveryWriteEndpoint_then415ProblemAndNothingChanges() {
        String amc = "100101";
        String stop = "VR13.SEH.0123456789abcdef0123456789abcdef";
        List<Object[]> endpoints = List.of(
                new Object[] {"POST", BED_EVENTS, Api.epd(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/locations/" + amc, Api.admin()},
                new Object[] {"PUT", "/api/v1/locations/" + amc + "/beds", Api.epd(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/locations/" + amc + "/contacts", Api.hospital(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/locations/" + amc + "/thresholds", Api.hospital(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/organisations/" + AMC_ORG + "/visibility", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/modules/spoed/reports", Api.epd(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/modules/spoed/providers/" + loc + "/units", Api.epd(AMC_ORG)},
                new Object[] {"POST", "/api/v1/birth-care/refusals", Api.midwife("VP-e2e", "ROAZ-NHF")},
                new Object[] {"POST", "/api/v1/validation/" + AMC_ORG + "/submissions", Api.hospital(AMC_ORG)},
                new Object[] {"PUT", "/api/v1/validation/" + AMC_ORG + "/differences/d1", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/compliance/modules/COVID/activation", Api.admin()},
                new Object[] {"POST", "/api/v1/stops", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/stops/" + stop + "/extend", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/stops/" + stop + "/end", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/stop-announcements", Api.hospital(AMC_ORG)},
                new Object[] {"POST", "/api/v1/safety-regions/VR13/stops/lapse", Api.mma("VR13")});
        List<String> wrong = new ArrayList<>();
        for (Object[] e : endpoints) {
            Api.Identity as = (Api.Identity) e[2];
            for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                    null}) {
                Api.Response r = Api.sendWithHeaders((String) e[0], (String) e[1], "Bearer " + as.token(),
                        "{\"kind\":\"SEH\"}", type);
                if (r.status() != 415 || !r.contentType().startsWith("application/problem+json")
                        || !r.body().contains("\"UNSUPPORTED_MEDIA_TYPE\"")) {
                    wrong.add(e[0] + " " + e[1] + " as " + type + " -> " + r.status() + " [" + r.contentType() + "] "
                            + r.body());
                }
            }
        }
        for (String bad : new String[] {"%00100101", "1001%0001", "%0A", "%7F"}) {
            for (String[] e : new String[][] {{"PUT", "/api/v1/locations/" + bad + "/contacts"},
                    {"GET", "/api/v1/locations/" + bad}, {"POST", "/api/v1/stops/" + bad + "/end"}}) {
                Api.Response r = Api.send(e[0], e[1], e[0].equals("GET") ? Api.admin() : Api.hospital(AMC_ORG),
                        e[0].equals("GET") ? null : "{}", e[0].equals("GET") ? null : "application/json");
                if (r.status() < 400 || r.status() > 499 || !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(e[0] + " " + e[1] + " -> " + r.status() + " [" + r.contentType() + "] " + r.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertUnchanged();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static void assertRejected(Lpz.BatchResult r, String eventId, String code) {
        JsonNode found = null;
        for (JsonNode x : r.rejected()) {
            if (eventId.equals(x.path("eventId").asText())) {
                found = x;
            }
        }
        assertThat(found).as("rejection of %s in %s", eventId, r.response()).isNotNull();
        assertThat(found.path("code").asText()).as("code of %s", found).isEqualTo(code);
        assertThat(found.path("detail").asText("")).as("detail of %s", found).isNotBlank();
    }

    private static ObjectNode withField(Bed b, String field, String value) {
        ObjectNode body = Bed.batch(b);
        ((ObjectNode) body.get("events").get(0)).put(field, value);
        return body;
    }

    private static List<Bed> beds(String location, int n) {
        Bed template = Bed.at(location, "K", "x", "KLINIEK_VOLWASSENEN").available().at(Instant.now().minusSeconds(60));
        List<Bed> beds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            beds.add(template.bed("bed-" + i));
        }
        return beds;
    }

    private static ObjectNode contacts() {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode seh = body.putArray("regiehouderSeh");
        seh.addObject().put("name", "J. de Vries").put("phone", "+31205669111");
        ArrayNode beds = body.putArray("beddencoordinator");
        beds.addObject().put("name", "A. Jansen").put("phone", "+31205660000");
        return body;
    }

    /**
     * The location still shows exactly its one available IC bed, unthresholded and shared: checked after a later
     * sentinel event of the owner has become visible, so anything appended before it would have been seen.
     */
    private static void assertUnchanged() {
        Bed sentinel = Bed.at(loc, Lpz.unique("S"), "s", "PAAZ").available().at(Instant.now().minusSeconds(1));
        Lpz.pushAll(Api.epd(AMC_ORG), sentinel);
        JsonNode l = awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, x -> {
            assertThat(x).as("%s still shared", loc).isNotNull();
            assertThat(instant(x.get("lastEventAt"))).isEqualTo(sentinel.occurredAt());
        });
        assertFigures(element(l, "IC_BEADEMD"), 1, 1, 0);
        assertFigures(element(l, "IC_BEADEMD").get("covid"), 0, 0, 0);
        assertThat(l.path("patients").path("covid").asInt(-1)).isZero();
    }
}
