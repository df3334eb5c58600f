package nl.lpz.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import nl.lpz.capacity.CapacitySpringTest;
import org.springframework.http.MediaType;
import org.junit.jupiter.api.Test;

class TopologyAndSettingsWebTest extends CapacitySpringTest {

    private static String location(String organisationId, String safetyRegionId, String roazRegionId) {
        return """
                {"organisationId":"%s","name":"Ziekenhuis Test","roazRegionId":"%s","safetyRegionId":"%s",
                 "careOffered":["SEH","SR","PCI"],"locationType":"Algemeen ziekenhuis","latitude":52.1,"longitude":5.1}"""
                .formatted(organisationId, roazRegionId, safetyRegionId);
    }

    @Test
    void givenNewLocation_whenAdminPutsTwice_then201Then200AndOneEvent() throws Exception {
        String id = newId("loc");
        String body = location(newId("org"), "VR09", "ROAZ-MN");
        admin(putJson("/api/v1/locations/" + id, body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.locationId").value(id))
                .andExpect(jsonPath("$.careOffered", hasSize(3)));
        admin(putJson("/api/v1/locations/" + id, body)).andExpect(status().isOk());
        assertThat(eventsOf(id)).isEqualTo(1);
        as(getPath("/api/v1/locations/" + id), "MKA", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.safetyRegionId").value("VR09"))
                .andExpect(jsonPath("$.roazRegionId").value("ROAZ-MN"));
        as(getPath("/api/v1/safety-regions/VR09/locations"), "RCPS", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations[*].locationId", hasItem(id)));
        as(getPath("/api/v1/regions/ROAZ-MN/locations"), "LCPS", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations[*].locationId", hasItem(id)));
    }

    @Test
    void givenBadTopologyRequests_whenPut_thenProblemCodes() throws Exception {
        String id = newId("loc");
        as(putJson("/api/v1/locations/" + id, location("o1", "VR09", "ROAZ-MN")), "HOSPITAL", "o1")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        admin(putJson("/api/v1/locations/" + id, location("o1", "VR26", "ROAZ-MN")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
        admin(putJson("/api/v1/locations/" + id, location("o1", "VR09", "ROAZ-XX")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_ROAZ_REGION"));
        admin(putJson("/api/v1/locations/" + id, location("o1", "VR09", "ROAZ-MN").replace("\"PCI\"", "\"ICU\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        admin(putJson("/api/v1/locations/bad%20id", location("o1", "VR09", "ROAZ-MN")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_ID"));
        admin(putJson("/api/v1/locations/" + id, location("o 1", "VR09", "ROAZ-MN")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_ID"));
        assertThat(eventsOf(id)).isZero();
        as(getPath("/api/v1/locations/" + id), "MKA", null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(getPath("/api/v1/safety-regions/VR99/locations"), "MKA", null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
        as(getPath("/api/v1/regions/ROAZ-XX/locations"), "MKA", null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_ROAZ_REGION"));
    }

    @Test
    void givenOwnLocation_whenHospitalSetsThresholdsAndContacts_thenStoredAndVisibleOnGet() throws Exception {
        String id = newId("loc");
        String org = newId("org");
        registerLocation(id, org);
        as(putJson("/api/v1/locations/" + id + "/thresholds",
                "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1}]}"), "HOSPITAL", org)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true));
        as(putJson("/api/v1/locations/" + id + "/contacts", """
                {"regiehouderSeh":[{"name":"Dr. A","phone":"+31 20 1234567"}],
                 "beddencoordinator":[{"name":"B","phone":"+31 20 7654321"}]}"""), "HOSPITAL", org)
                .andExpect(status().isOk());
        as(getPath("/api/v1/locations/" + id), "HOSPITAL", org)
                .andExpect(jsonPath("$.thresholds[0].specialistisch").value("IC_BEADEMD"))
                .andExpect(jsonPath("$.thresholds[0].beds").value(1))
                .andExpect(jsonPath("$.contacts.regiehouderSeh[0].name").value("Dr. A"));
        String setBy = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%ThresholdsSet'", String.class, id);
        assertThat(setBy).contains("\"organisation\":\"" + org + "\"").contains("test-hospital");
    }

    @Test
    void givenSettingsRequests_whenNotAllowedOrInvalid_thenProblemCodes() throws Exception {
        String id = newId("loc");
        String org = newId("org");
        registerLocation(id, org);
        String thresholds = "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1}]}";
        as(putJson("/api/v1/locations/" + id + "/thresholds", thresholds), "HOSPITAL", "someone-else")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(putJson("/api/v1/locations/" + id + "/thresholds", thresholds), "RCPS", org)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        as(putJson("/api/v1/locations/" + id + "/thresholds", thresholds.replace("IC_BEADEMD", "NOPE")),
                "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_LABEL_ELEMENT"));
        as(putJson("/api/v1/locations/" + id + "/thresholds", thresholds.replace("1}", "-1}")), "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(putJson("/api/v1/locations/" + newId("loc") + "/thresholds", thresholds), "HOSPITAL", org)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(putJson("/api/v1/locations/" + id + "/contacts", "{\"regiehouderSeh\":[{\"name\":\"A\"}],"
                + "\"beddencoordinator\":[]}"), "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(putJson("/api/v1/locations/" + id + "/contacts", "{\"regiehouderSeh\":[],\"beddencoordinator\":[]}"),
                "HOSPITAL", "someone-else")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void givenOwnLocation_whenCareProfileSet_thenShownOnGet_andOthersOrBadLevelsAreRefused() throws Exception {
        String id = newId("loc");
        String org = newId("org");
        registerLocation(id, org);
        String profile = "{\"traumaLevel\":2,\"strokeIat\":true,\"nicuLevel\":2}";
        as(putJson("/api/v1/locations/" + id + "/care-profile", profile), "HOSPITAL", org)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.careProfile.picu").value(false));
        as(putJson("/api/v1/locations/" + id + "/care-profile", profile), "HOSPITAL", org)
                .andExpect(jsonPath("$.changed").value(false));
        as(getPath("/api/v1/locations/" + id), "MKA", null)
                .andExpect(jsonPath("$.careProfile.traumaLevel").value(2))
                .andExpect(jsonPath("$.careProfile.strokeIat").value(true))
                .andExpect(jsonPath("$.careProfile.nicuLevel").value(2))
                .andExpect(jsonPath("$.careProfile.obstetricsLevel").doesNotExist());
        admin(putJson("/api/v1/locations/" + id + "/care-profile", "{\"traumaLevel\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));

        as(putJson("/api/v1/locations/" + id + "/care-profile", profile), "HOSPITAL", "someone-else")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(putJson("/api/v1/locations/" + id + "/care-profile", profile), "RCPS", null)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        as(putJson("/api/v1/locations/" + id + "/care-profile", "{\"nicuLevel\":4}"), "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        // the test location offers SEH and CCU, no acute obstetric care
        as(putJson("/api/v1/locations/" + id + "/care-profile", "{\"obstetricsLevel\":1}"), "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("CARE_NOT_OFFERED"));
        admin(putJson("/api/v1/locations/" + newId("loc") + "/care-profile", profile))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    /** JSON string escapes: a NUL, a lone high surrogate, and a value longer than any name or code. */
    private static final List<String> BAD_TEXTS = List.of("A\\u0000B", "A\\uD800B", "X".repeat(10_000));

    @Test
    void givenUnstorableTextOrOutOfRangeNumber_whenLocationPut_then400AndNothingAppended() throws Exception {
        String id = newId("loc");
        String valid = location(newId("org"), "VR09", "ROAZ-MN");
        List<String> bodies = new ArrayList<>();
        for (String bad : BAD_TEXTS) {
            bodies.add(valid.replace("\"Ziekenhuis Test\"", "\"" + bad + "\""));
            bodies.add(valid.replace("\"Algemeen ziekenhuis\"", "\"" + bad + "\""));
            bodies.add(valid.replace("\"VR09\"", "\"" + bad + "\""));
            bodies.add(valid.replace("\"ROAZ-MN\"", "\"" + bad + "\""));
        }
        bodies.add(valid.replace("52.1", "90.5"));
        bodies.add(valid.replace("5.1}", "-180.5}"));
        bodies.add(valid.replace("52.1", "1e400"));
        for (String body : bodies) {
            admin(putJson("/api/v1/locations/" + id, body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }
        assertThat(eventsOf(id)).isZero();
    }

    @Test
    void givenUnstorableTextOrTooManyBeds_whenThresholdsOrContactsPut_then400AndNothingAppended()
            throws Exception {
        String id = newId("loc");
        String org = newId("org");
        registerLocation(id, org);
        String thresholds = "{\"thresholds\":[{\"specialistisch\":\"IC_BEADEMD\",\"beds\":1}]}";
        String contacts = """
                {"regiehouderSeh":[{"name":"Dr. A","phone":"+31 20 1234567"}],
                 "beddencoordinator":[{"name":"B","phone":"+31 20 7654321"}]}""";
        List<String[]> requests = new ArrayList<>();
        for (String bad : BAD_TEXTS) {
            requests.add(new String[] {"thresholds", thresholds.replace("IC_BEADEMD", bad)});
            requests.add(new String[] {"contacts", contacts.replace("Dr. A", bad)});
            requests.add(new String[] {"contacts", contacts.replace("+31 20 1234567", bad)});
            requests.add(new String[] {"contacts", contacts.replace("\"B\"", "\"" + bad + "\"")});
            requests.add(new String[] {"contacts", contacts.replace("+31 20 7654321", bad)});
        }
        requests.add(new String[] {"thresholds", thresholds.replace("1}", "10001}")});
        for (String[] request : requests) {
            as(putJson("/api/v1/locations/" + id + "/" + request[0], request[1]), "HOSPITAL", org)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }
        as(putJson("/api/v1/locations/" + id + "/thresholds", thresholds.replace("1}", "10000}")), "HOSPITAL", org)
                .andExpect(status().isOk());
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void givenOrganisationWithLocation_whenHospitalSharesIt_thenVisibilityChangedOnceAndOthersRefused()
            throws Exception {
        String org = newId("org");
        registerLocation(newId("loc"), org);
        String shared = "{\"shared\":true,\"releaseHistory\":true}";
        as(putJson("/api/v1/organisations/" + org + "/visibility", shared), "HOSPITAL", org)
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        as(putJson("/api/v1/organisations/" + org + "/visibility", shared), "HOSPITAL", org)
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        assertThat(eventsOf("organisation:" + org)).isEqualTo(1);
        as(putJson("/api/v1/organisations/" + org + "/visibility", shared), "HOSPITAL", "someone-else")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ORGANISATION"));
        as(putJson("/api/v1/organisations/" + org + "/visibility", "{\"releaseHistory\":true}"), "HOSPITAL", org)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        String empty = newId("org");
        as(putJson("/api/v1/organisations/" + empty + "/visibility", shared), "HOSPITAL", empty)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_ORGANISATION"));
    }

    @Test
    void givenCodeList_whenRead_thenVersionAndElementsWithIcuFlags() throws Exception {
        as(getPath("/api/v1/code-lists/labels"), "PUBLIC_AGGREGATE", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("1"))
                .andExpect(jsonPath("$.specialistisch[0].code").value("IC_BEADEMD"))
                .andExpect(jsonPath("$.specialistisch[0].name").isString())
                .andExpect(jsonPath("$.specialistisch[0].icu").value(true))
                .andExpect(jsonPath("$.specialistisch[0].childrenIcu").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.specialistisch[?(@.code == 'PICU')].childrenIcu").value("PICU"))
                .andExpect(jsonPath("$.specialistisch[?(@.code == 'NICU')].childrenIcu").value("NICU"))
                .andExpect(jsonPath("$.specialisme[0].code").isString())
                .andExpect(jsonPath("$.specialisme[0].name").isString());
    }

    @Test
    void givenService_whenOpenApiRequested_thenContractPathsListed() throws Exception {
        mvc.perform(getPath("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/bed-events']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/bed-events'].post.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/locations/{locationId}']").exists());
    }
}
