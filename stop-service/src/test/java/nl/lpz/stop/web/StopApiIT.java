package nl.lpz.stop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.stop.query.Topology;
import nl.lpz.stop.support.Seed;
import nl.lpz.stop.support.Store;
import nl.lpz.stop.support.SharedContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every endpoint and error code of the stop procedure, against the real store (one shared context). */
class StopApiIT extends SharedContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    Topology topology;
    @Autowired
    JdbcTemplate jdbc;

    String vr;
    String a;
    String b;

    @BeforeEach
    void twoProvidersOfSeh() {
        vr = Seed.freshRegion();
        a = vr + "-a";
        b = vr + "-b";
        Seed.register(topology, Seed.location(a, "org-" + a, "ROAZ-NHF", vr, Set.of(CareKind.SEH, CareKind.PCI)));
        Seed.register(topology, Seed.location(b, "org-" + b, "ROAZ-NHF", vr, Set.of(CareKind.SEH)));
    }

    static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String subject, String roles,
                                            String organisation, String region) {
        request.contentType(MediaType.APPLICATION_JSON).header(IdentityHeaders.SUBJECT, subject)
                .header(IdentityHeaders.ROLES, roles);
        if (organisation != null) {
            request.header(IdentityHeaders.ORGANISATION, organisation);
        }
        if (region != null) {
            request.header(IdentityHeaders.REGION, region);
        }
        return request;
    }

    ResultActions declare(String location, String json) throws Exception {
        return mvc.perform(as(post("/api/v1/stops"), "seh-" + location, "HOSPITAL", "org-" + location, null)
                .content(json));
    }

    static String stop(String location, String kind, int minutes) {
        return "{\"locationId\":\"" + location + "\",\"kind\":\"" + kind + "\",\"type\":\"UNPLANNED\","
                + "\"expectedDurationMinutes\":" + minutes + ",\"reason\":\"piek\",\"mkaContacted\":false}";
    }

    String declaredStopId(String location, int minutes) throws Exception {
        String body = declare(location, stop(location, "SEH", minutes)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.stopId");
    }

    static void problem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value(code));
    }

    // -------------------------------------------------------------------------------------------- declare

    @Test
    void givenTwoProviders_whenOneDeclares_then201WithGraceAndExpectedEnd() throws Exception {
        String body = declare(a, stop(a, "SEH", 90)).andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.safetyRegionId").value(vr))
                .andExpect(jsonPath("$.normTimeMinutes").value(120))
                .andReturn().getResponse().getContentAsString();
        Instant started = Instant.parse(JsonPath.read(body, "$.startedAt"));
        assertThat(Instant.parse(JsonPath.<String>read(body, "$.expectedEnd"))).isEqualTo(started.plus(90, ChronoUnit.MINUTES));
        assertThat(Instant.parse(JsonPath.<String>read(body, "$.graceUntil"))).isEqualTo(started.plus(20, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void givenTheOtherProviderStopped_whenTheLastDeclares_then409LastInRegionAndTheRefusalIsStored()
            throws Exception {
        declaredStopId(a, 60);
        problem(declare(b, stop(b, "SEH", 60)), 409, "LAST_IN_REGION");
        declare(b, stop(b, "SEH", 60)).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MMA")));
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopDeclared", "StopRefused", "StopRefused");
    }

    @Test
    void givenAnActiveStop_whenTheLocationDeclaresAgain_then409StopAlreadyActive() throws Exception {
        declaredStopId(a, 60);
        problem(declare(a, stop(a, "SEH", 60)), 409, "STOP_ALREADY_ACTIVE");
    }

    @Test
    void givenALocationWithoutCcu_whenItDeclaresACcuStop_then422CareNotOffered() throws Exception {
        problem(declare(a, stop(a, "CCU", 60)), 422, "CARE_NOT_OFFERED");
    }

    @Test
    void givenAStopOfMoreThanTwiceTheNormWithoutMkaContact_then422() throws Exception {
        problem(declare(a, stop(a, "SEH", 241)), 422, "LONG_STOP_NEEDS_MKA_CONTACT");
        declare(a, stop(a, "SEH", 241).replace("\"mkaContacted\":false", "\"mkaContacted\":true"))
                .andExpect(status().isCreated());
    }

    @Test
    void givenARegionWithANormTimeOfOneHour_whenAStopOf150Minutes_then422() throws Exception {
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-SHORT", vr, Set.of(CareKind.SEH)));
        problem(declare(c, stop(c, "SEH", 150)), 422, "LONG_STOP_NEEDS_MKA_CONTACT");
        declare(c, stop(c, "SEH", 120)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.normTimeMinutes").value(60));
    }

    @Test
    void givenARegionThatAllowsNoStops_whenDeclared_then422StopsNotAllowed() throws Exception {
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NONE", vr, Set.of(CareKind.SEH)));
        problem(declare(c, stop(c, "SEH", 30)), 422, "STOPS_NOT_ALLOWED");
    }

    @Test
    void givenALocationOfAnotherOrganisation_whenDeclared_then403ForbiddenOrganisation() throws Exception {
        problem(mvc.perform(as(post("/api/v1/stops"), "seh-x", "HOSPITAL", "org-" + b, null)
                .content(stop(a, "SEH", 30))), 403, "FORBIDDEN_ORGANISATION");
    }

    @Test
    void givenAnMkaAccount_whenItDeclares_then403ForbiddenRole() throws Exception {
        problem(mvc.perform(as(post("/api/v1/stops"), "mka", "MKA", null, vr).content(stop(a, "SEH", 30))), 403,
                "FORBIDDEN_ROLE");
    }

    @Test
    void givenNoIdentity_whenDeclared_then401() throws Exception {
        mvc.perform(post("/api/v1/stops").contentType(MediaType.APPLICATION_JSON).content(stop(a, "SEH", 30)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("\"code\":\"UNAUTHENTICATED\"")));
    }

    @Test
    void givenAnUnknownLocation_whenDeclared_then404() throws Exception {
        problem(mvc.perform(as(post("/api/v1/stops"), "s", "HOSPITAL", "org-x", null)
                .content(stop("nowhere", "SEH", 30))), 404, "NOT_FOUND");
    }

    @Test
    void givenMalformedRequests_then400AndNothingStored() throws Exception {
        problem(declare(a, stop(a, "ICU", 30)), 400, "MALFORMED_REQUEST");
        problem(declare(a, "{\"locationId\":\"" + a + "\""), 400, "MALFORMED_REQUEST");
        problem(declare(a, stop(a, "SEH", 0)), 400, "INVALID_FIELD");
        problem(declare(a, stop(a, "SEH", 30).replace("\"reason\":\"piek\",", "")), 400, "INVALID_FIELD");
        problem(declare(a, stop("bad id!", "SEH", 30)), 400, "INVALID_ID");
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).isEmpty();
    }

    @Test
    void givenADeclarationWithAnUnstorableReasonOrAnnouncementId_then400AndNothingAppended()
            throws Exception {
        problem(declare(a, stop(a, "SEH", 30).replace("\"piek\"", "\"piek\\u0000\"")), 400, "INVALID_FIELD");
        declare(a, stop(a, "SEH", 30).replace("\"piek\"", "\"piek\\ud83d\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reason")));
        problem(declare(a, stop(a, "SEH", 30).replace("\"piek\"", "\"piek\\u001b[2J\"")), 400, "INVALID_FIELD");
        problem(declare(a, stop(a, "SEH", 30).replace("}", ",\"announcementId\":\"bad id!\"}")), 400, "INVALID_ID");
        problem(declare(a, stop(a, "SEH", 30).replace(":30,", ":99999999999,")), 400, "MALFORMED_REQUEST");
        // the only provider would store a refusal carrying the reason: not even that
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NHF", vr, Set.of(CareKind.CCU)));
        problem(declare(c, stop(c, "CCU", 30).replace("\"piek\"", "\"piek\\u0000\"")), 400, "INVALID_FIELD");
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).isEmpty();
        assertThat(Store.eventTypes(jdbc, vr + "/CCU")).isEmpty();
    }

    @Test
    void givenAnActiveStop_whenExtendedEndedOrLapsedWithAnUnstorableReason_then400AndNothingAppended()
            throws Exception {
        String id = declaredStopId(a, 60);
        problem(extend(a, id, "{\"expectedDurationMinutes\":90,\"reason\":\"x\\u0000\"}"), 400, "INVALID_FIELD");
        problem(extend(a, id, "{\"expectedDurationMinutes\":2147483647,\"mkaContacted\":true}"), 400,
                "INVALID_FIELD");
        problem(mvc.perform(as(post("/api/v1/stops/" + id + "/end"), "seh", "HOSPITAL", "org-" + a, null)
                .content("{\"reason\":\"klaar\\udc00\"}")), 400, "INVALID_FIELD");
        problem(mvc.perform(as(post("/api/v1/safety-regions/" + vr + "/stops/lapse"), "mma", "MMA", null, vr)
                .content("{\"kind\":\"SEH\",\"reason\":\"\\u0007\"}")), 400, "INVALID_FIELD");
        problem(mvc.perform(as(post("/api/v1/safety-regions/VR!13/stops/lapse"), "mma", "MMA", null, vr)
                .content("{\"kind\":\"SEH\"}")), 400, "INVALID_ID");
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopDeclared");
    }

    // ------------------------------------------------------------------ presentatiestop (kind VERLOSKUNDE)

    @Test
    void givenTwoObstetricUnits_whenOneDeclaresAPresentatiestop_thenItsNormIsFourHoursTheOtherIsRefusedLastInRegion()
            throws Exception {
        String c = vr + "-c";
        String d = vr + "-d";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NHF", vr, Set.of(CareKind.SEH,
                CareKind.VERLOSKUNDE)));
        Seed.register(topology, Seed.location(d, "org-" + d, "ROAZ-NHF", vr, Set.of(CareKind.VERLOSKUNDE)));
        problem(declare(a, stop(a, "VERLOSKUNDE", 60)), 422, "CARE_NOT_OFFERED");

        // five hours: more than twice an SEH norm, within twice the presentatiestop's own
        String body = declare(c, stop(c, "VERLOSKUNDE", 300)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("VERLOSKUNDE"))
                .andExpect(jsonPath("$.normTimeMinutes").value(240))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.stopId");
        assertThat(id).startsWith(vr + ".VERLOSKUNDE.");
        problem(declare(d, stop(d, "VERLOSKUNDE", 481)), 422, "LONG_STOP_NEEDS_MKA_CONTACT");
        problem(declare(d, stop(d, "VERLOSKUNDE", 60)), 409, "LAST_IN_REGION");
        declare(d, stop(d, "VERLOSKUNDE", 60)).andExpect(jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("MMA")));
        // a presentatiestop leaves the location's ED open: its SEH board is another one
        declaredStopId(c, 30);
        assertThat(Store.eventTypes(jdbc, vr + "/VERLOSKUNDE")).containsExactly("StopDeclared", "StopRefused",
                "StopRefused");

        lapse("MMA", vr, "VERLOSKUNDE").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("VERLOSKUNDE"))
                .andExpect(jsonPath("$.lapsedStopIds[0]").value(id));
        problem(end(c, id), 409, "STOP_NOT_ACTIVE");
        declare(d, stop(d, "VERLOSKUNDE", 60)).andExpect(status().isCreated());
        assertThat(Store.eventTypes(jdbc, vr + "/VERLOSKUNDE")).containsExactly("StopDeclared", "StopRefused",
                "StopRefused", "StopsLapsed", "StopDeclared");
    }

    @Test
    void givenAPresentatiestop_whenExtendedPastEightHours_thenOnlyWithMkaContact() throws Exception {
        String c = vr + "-c";
        String d = vr + "-d";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NHF", vr, Set.of(CareKind.VERLOSKUNDE)));
        Seed.register(topology, Seed.location(d, "org-" + d, "ROAZ-NHF", vr, Set.of(CareKind.VERLOSKUNDE)));
        String id = JsonPath.read(declare(c, stop(c, "VERLOSKUNDE", 240)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.stopId");
        extend(c, id, "{\"expectedDurationMinutes\":480,\"mkaContacted\":false}").andExpect(status().isOk());
        problem(extend(c, id, "{\"expectedDurationMinutes\":481,\"mkaContacted\":false}"), 422,
                "LONG_STOP_NEEDS_MKA_CONTACT");
        extend(c, id, "{\"expectedDurationMinutes\":540,\"mkaContacted\":true}").andExpect(status().isOk());
    }

    // -------------------------------------------------------------------------------------- extend / end

    ResultActions extend(String location, String stopId, String json) throws Exception {
        return mvc.perform(as(post("/api/v1/stops/" + stopId + "/extend"), "seh", "HOSPITAL", "org-" + location,
                null).content(json));
    }

    ResultActions end(String location, String stopId) throws Exception {
        return mvc.perform(as(post("/api/v1/stops/" + stopId + "/end"), "seh", "HOSPITAL", "org-" + location, null));
    }

    @Test
    void givenAnActiveStop_whenExtended_then200WithTheNewEnd() throws Exception {
        String id = declaredStopId(a, 60);
        String body = extend(a, id, "{\"expectedDurationMinutes\":90,\"mkaContacted\":false}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Instant started = Instant.parse(JsonPath.read(body, "$.startedAt"));
        assertThat(Instant.parse(JsonPath.<String>read(body, "$.expectedEnd"))).isEqualTo(started.plus(90, ChronoUnit.MINUTES));
    }

    @Test
    void givenAnActiveStop_whenTheNewDurationIsNotLonger_then422NotAnExtension() throws Exception {
        String id = declaredStopId(a, 60);
        problem(extend(a, id, "{\"expectedDurationMinutes\":60,\"mkaContacted\":false}"), 422, "NOT_AN_EXTENSION");
        problem(extend(a, id, "{\"expectedDurationMinutes\":300,\"mkaContacted\":false}"), 422,
                "LONG_STOP_NEEDS_MKA_CONTACT");
    }

    @Test
    void givenAnEndedStop_whenExtendedOrEnded_then409StopNotActive() throws Exception {
        String id = declaredStopId(a, 60);
        end(a, id).andExpect(status().isOk()).andExpect(jsonPath("$.endedAt").exists());
        problem(extend(a, id, "{\"expectedDurationMinutes\":90}"), 409, "STOP_NOT_ACTIVE");
        problem(end(a, id), 409, "STOP_NOT_ACTIVE");
        // task_data is Java-serialized (it holds NUL bytes, which no text conversion accepts): search it as bytes
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline' "
                + "and position(convert_to(?, 'UTF8') in task_data) > 0", Integer.class, id)).isZero();
    }

    @Test
    void givenAStopOfAnotherOrganisation_whenEnded_then403() throws Exception {
        String id = declaredStopId(a, 60);
        problem(end(b, id), 403, "FORBIDDEN_ORGANISATION");
    }

    @Test
    void givenStopIdsThatDoNotExist_then404Or400() throws Exception {
        problem(end(a, vr + ".SEH.0123456789abcdef0123456789abcdef"), 404, "NOT_FOUND");
        problem(end(a, "not-a-stop"), 404, "NOT_FOUND");
        problem(end(a, "x".repeat(65)), 400, "INVALID_ID");
    }

    // --------------------------------------------------------------------------------------------- lapse

    ResultActions lapse(String roles, String region, String kind) throws Exception {
        return mvc.perform(as(post("/api/v1/safety-regions/" + vr + "/stops/lapse"), "mma", roles, null, region)
                .content("{\"kind\":\"" + kind + "\"}"));
    }

    @Test
    void givenAnActiveStop_whenTheMmaOfTheRegionLapses_then200AndItIsNoLongerActive() throws Exception {
        String id = declaredStopId(a, 60);
        lapse("MMA", vr, "SEH").andExpect(status().isOk()).andExpect(jsonPath("$.lapsedStopIds[0]").value(id));
        problem(end(a, id), 409, "STOP_NOT_ACTIVE");
        declaredStopId(b, 30); // everyone is open again
    }

    @Test
    void givenAnMmaOfAnotherRegionOrAHospital_whenLapsing_then403() throws Exception {
        problem(lapse("MMA", "VR99", "SEH"), 403, "FORBIDDEN_REGION");
        problem(lapse("HOSPITAL", vr, "SEH"), 403, "FORBIDDEN_ROLE");
    }

    @Test
    void givenNoStopsEver_whenTheMmaLapses_then200WithNothingLapsed() throws Exception {
        lapse("MMA", vr, "CTT").andExpect(status().isOk()).andExpect(jsonPath("$.lapsedStopIds").isEmpty());
    }

    // ------------------------------------------------------------------------------------- announcements

    @Test
    void givenAPlannedStop_whenAnnounced_then201AndDeclaringItBeforeItsStartIs422() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(as(post("/api/v1/stop-announcements"), "seh", "HOSPITAL", "org-" + a, null)
                        .content("{\"locationId\":\"" + a + "\",\"kind\":\"PCI\",\"plannedStart\":\"" + start
                                + "\",\"plannedEnd\":\"" + start.plus(Duration.ofHours(3)) + "\",\"reason\":\"onderhoud\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.announcementId").exists());
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NHF", vr, Set.of(CareKind.PCI)));
        problem(declare(a, stop(a, "PCI", 60).replace("UNPLANNED", "PLANNED")), 422, "PLANNED_STOP_NOT_STARTED");
    }

    @Test
    void givenAnAnnouncementEndingBeforeItStarts_then422() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        problem(mvc.perform(as(post("/api/v1/stop-announcements"), "seh", "HOSPITAL", "org-" + a, null)
                .content("{\"locationId\":\"" + a + "\",\"kind\":\"SEH\",\"plannedStart\":\"" + start
                        + "\",\"plannedEnd\":\"" + start.minusSeconds(60) + "\",\"reason\":\"x\"}")), 422,
                "INVALID_ANNOUNCEMENT");
    }

    ResultActions announce(String location, String kind, String plannedStart, String plannedEnd, String reason)
            throws Exception {
        return mvc.perform(as(post("/api/v1/stop-announcements"), "seh", "HOSPITAL", "org-" + location, null)
                .content("{\"locationId\":\"" + location + "\",\"kind\":\"" + kind + "\",\"plannedStart\":\""
                        + plannedStart + "\",\"plannedEnd\":\"" + plannedEnd + "\",\"reason\":\"" + reason + "\"}"));
    }

    @Test
    void givenAnnouncementsWithSentinelOrFarInstantsOrUnstorableReasons_then400AndNothingAppended()
            throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        problem(announce(a, "SEH", start.toString(), "+999999999-12-31T23:59:59Z", "onderhoud"), 400,
                "INVALID_FIELD");
        problem(announce(a, "SEH", "1970-01-01T00:00:00Z", start.toString(), "onderhoud"), 400, "INVALID_FIELD");
        problem(announce(a, "SEH", start.toString(), start.plus(Duration.ofDays(367)).toString(), "onderhoud"), 400,
                "INVALID_FIELD");
        problem(announce(a, "SEH", start.toString(), start.plus(Duration.ofHours(3)).toString(), "on\\u0000derhoud"),
                400, "INVALID_FIELD");
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).isEmpty();

        announce(a, "SEH", start.toString(), Instant.now().plus(Duration.ofDays(365)).toString(), "verbouwing")
                .andExpect(status().isCreated());
        assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopAnnounced");
    }

    @Test
    void givenTheService_thenItsOpenapiListsTheStopEndpointsWithoutTheCaller() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/stops'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/safety-regions/{safetyRegionId}/stops/lapse'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/norm-times'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/norm-times'].get.parameters.length()")
                        .value(1))
                .andExpect(jsonPath("$.paths['/api/v1/stops'].post.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/stops'].post.summary")
                        .value(org.hamcrest.Matchers.containsString("presentatiestop")))
                .andExpect(jsonPath("$.components.schemas.DeclareStopRequest.properties.kind.enum",
                        org.hamcrest.Matchers.hasItem("VERLOSKUNDE")))
                .andExpect(jsonPath("$.components.schemas.DeclareStopRequest.properties.kind.description")
                        .value(org.hamcrest.Matchers.containsString("VERLOSKUNDE (acute obstetric care")));
    }

    // ------------------------------------------------------------------------------------------ norm times

    ResultActions normTimes(String roaz, String roles) throws Exception {
        return mvc.perform(as(get("/api/v1/regions/" + roaz + "/norm-times"), "reader", roles, null, null));
    }

    @Test
    void givenARegionWithoutSettings_whenAnyRoleReadsItsNormTimes_thenEveryKindWithItsNationalDefault()
            throws Exception {
        for (String role : new String[] {"MKA", "MMA", "HOSPITAL", "EPD_SYSTEM", "RCPS", "LCPS", "PUBLIC_AGGREGATE",
                "ADMIN"}) {
            normTimes("ROAZ-NHF", role).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(content().json("{\"roazRegionId\":\"ROAZ-NHF\",\"normTimes\":{\"SEH\":120,\"SR\":60,"
                            + "\"CTT\":120,\"EHH\":120,\"CCU\":120,\"PCI\":120,\"VERLOSKUNDE\":240}}", true));
        }
    }

    @Test
    void givenARegionalSetting_whenItsNormTimesAreRead_thenTheyAreTheNormsItsStopsGet() throws Exception {
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-SHORT", vr, Set.of(CareKind.SEH, CareKind.PCI)));
        normTimes("ROAZ-SHORT", "HOSPITAL").andExpect(status().isOk())
                .andExpect(content().json("{\"roazRegionId\":\"ROAZ-SHORT\",\"normTimes\":{\"SEH\":60,\"SR\":60,"
                        + "\"CTT\":120,\"EHH\":120,\"CCU\":120,\"VERLOSKUNDE\":240}}", true));
        declare(c, stop(c, "SEH", 30)).andExpect(status().isCreated()).andExpect(jsonPath("$.normTimeMinutes").value(60));
        problem(declare(c, stop(c, "PCI", 30)), 422, "STOPS_NOT_ALLOWED");
    }

    @Test
    void givenARegionThatAllowsNoStops_whenItsNormTimesAreRead_thenNoKindIsListed() throws Exception {
        String c = vr + "-c";
        Seed.register(topology, Seed.location(c, "org-" + c, "ROAZ-NONE", vr, Set.of(CareKind.SEH)));
        normTimes("ROAZ-NONE", "MKA").andExpect(status().isOk())
                .andExpect(content().json("{\"roazRegionId\":\"ROAZ-NONE\",\"normTimes\":{}}", true));
    }

    @Test
    void givenNormTimeReadsThatCannotBeAnswered_thenProblemCodes() throws Exception {
        problem(normTimes("ROAZ-NOWHERE", "MKA"), 404, "UNKNOWN_ROAZ_REGION");
        problem(normTimes("bad%20id", "MKA"), 400, "INVALID_ID");
        problem(normTimes("x".repeat(65), "MKA"), 400, "INVALID_ID");
        problem(normTimes("ROAZ-NHF", "SOMETHING_ELSE"), 403, "FORBIDDEN_ROLE");
        mvc.perform(get("/api/v1/regions/ROAZ-NHF/norm-times"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    // ---------------------------------------------------------------------------------------- deadlines

    @Autowired
    nl.lpz.stop.command.StopDesk desk;

    @Test
    void givenAStopOfThreeSeconds_whenItsEndPasses_thenItIsWarnedAndExpiresWithinSeconds() {
        var outcome = desk.declare(nl.lpz.events.ids.LocationId.of(a), CareKind.SEH,
                nl.lpz.events.stops.StopType.UNPLANNED, Duration.ofSeconds(3), false, "test",
                null, new nl.lpz.events.capacity.Actor("seh", "org-" + a));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Store.eventTypes(jdbc, vr + "/SEH")).containsExactly("StopDeclared", "StopExpiryWarned",
                        "StopExpired"));
        Instant recorded = Instant.parse(jdbc.queryForObject("select time_stamp from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%StopExpired'", String.class, vr + "/SEH"));
        assertThat(Duration.between(outcome.expectedEnd(), recorded)).isBetween(Duration.ZERO, Duration.ofSeconds(3));
    }
}
