package nl.lpz.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.contract.IdentityHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The acute-care map's endpoints against the reference population: reachability nationally and per region, a
 * scenario defined by the RCPS of a region (event-sourced, read back with the same result), and the refusals.
 */
class AcuteCareMapWebTest extends CapacitySpringTest {
    private static final String REACH = "/api/v1/acute-care-map/reachability";
    private static final String SCENARIOS = "/api/v1/acute-care-map/scenarios";

    private ResultActions rcps(MockHttpServletRequestBuilder request, String roaz) throws Exception {
        return as(request.header(IdentityHeaders.REGION, roaz), "RCPS", null);
    }

    private void registerEd(String locationId, String organisationId, String care, double lat, double lon)
            throws Exception {
        admin(putJson("/api/v1/locations/" + locationId, """
                {"organisationId":"%s","name":"Ziekenhuis %s","roazRegionId":"ROAZ-NN","safetyRegionId":"VR01",
                 "careOffered":["%s"],"latitude":%s,"longitude":%s}""".formatted(organisationId, locationId, care,
                lat, lon))).andExpect(status().is2xxSuccessful());
    }

    @Test
    void givenTheReferencePopulation_whenReachabilityIsAsked_thenEveryInhabitantIsCountedNationallyAndPerRegion()
            throws Exception {
        as(getPath(REACH), "PUBLIC_AGGREGATE", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionKind").value("NATIONAL"))
                .andExpect(jsonPath("$.populationTotal").value(17_472_870))
                .andExpect(jsonPath("$.model", startsWith("modelled")))
                .andExpect(jsonPath("$.normMinutes").value(45.0))
                .andExpect(jsonPath("$.bySafetyRegion.length()").value(25));
        String vr13 = as(getPath(REACH + "?region=VR13"), "MKA", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionKind").value("SAFETY_REGION"))
                .andExpect(jsonPath("$.populationTotal").value(1_091_450))
                .andReturn().getResponse().getContentAsString();
        long within = ((Number) JsonPath.read(vr13, "$.populationWithin45")).longValue();
        long beyond = ((Number) JsonPath.read(vr13, "$.populationBeyond45")).longValue();
        assertThat(within + beyond).isEqualTo(1_091_450L);
        as(getPath(REACH + "?region=ROAZ-NHF"), "LCPS", null)
                .andExpect(jsonPath("$.regionKind").value("ROAZ_REGION"))
                .andExpect(jsonPath("$.careKind").value("SEH"));
        // acute obstetrics against the same norm: fewer sites, the same population
        as(getPath(REACH + "?care=VERLOSKUNDE"), "LCPS", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.careKind").value("VERLOSKUNDE"))
                .andExpect(jsonPath("$.populationTotal").value(17_472_870));
        as(getPath(REACH + "?care=PCI"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(getPath(REACH + "?region=VR99"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
        as(getPath(REACH + "?region=ROAZ-XX"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_ROAZ_REGION"));
    }

    @Test
    void givenAnRcps_whenItClosesAnEdOfItsRegion_thenTheScenarioIsKeptAndReadBackWithTheSameResult()
            throws Exception {
        String remote = newId("loc");
        registerEd(remote, newId("org"), "SEH", 53.44, 6.83); // the far north-east coast of Groningen
        String body = """
                {"name":"SEH %s dicht","closeSeh":["%s"]}""".formatted(remote, remote);

        String answer = rcps(postJson(SCENARIOS, body), "ROAZ-NN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", startsWith("sc-")))
                .andExpect(jsonPath("$.scope").value("ROAZ-NN"))
                .andExpect(jsonPath("$.modelled").value(true))
                .andExpect(jsonPath("$.result.baseline.populationTotal").value(
                        org.hamcrest.Matchers.greaterThan(1_000_000)))
                .andExpect(jsonPath("$.result.affectedAreas[0].fromLocationId").value(remote))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        long before = ((Number) JsonPath.read(answer, "$.result.baseline.populationBeyond45")).longValue();
        long after = ((Number) JsonPath.read(answer, "$.result.scenario.populationBeyond45")).longValue();
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(eventsOf("scenario:" + id)).isEqualTo(1);

        String again = rcps(getPath(SCENARIOS + "/" + id), "ROAZ-NN").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(again, "$.result")).isEqualTo(JsonPath.read(answer, "$.result"));
        rcps(getPath(SCENARIOS), "ROAZ-NN").andExpect(jsonPath("$[?(@.id == '" + id + "')].name").exists());
        rcps(getPath(SCENARIOS + "/" + id), "ROAZ-ZWN")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_SCENARIO"));
        as(getPath(SCENARIOS + "/" + id), "HOSPITAL", newId("org"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_SCENARIO"));
    }

    @Test
    void givenBadScenarios_whenPosted_thenStableCodesAndNothingIsKept() throws Exception {
        String noEd = newId("loc");
        registerEd(noEd, newId("org"), "CCU", 53.2, 6.5);
        long scenarios = jdbc.queryForObject("SELECT count(*) FROM acute_care_scenario", Long.class);

        as(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[\"" + newId("nope") + "\"]}"), "LCPS", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[\"" + noEd + "\"]}"), "ADMIN", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CARE_NOT_OFFERED"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"careKind\":\"VERLOSKUNDE\",\"closeSeh\":[\"" + noEd + "\"]}"),
                "ADMIN", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CARE_NOT_OFFERED"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[]}"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(postJson(SCENARIOS, "{\"closeSeh\":[\"" + noEd + "\"]}"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[\"bad id\"]}"), "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_ID"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"openSeh\":[{\"name\":\"N\",\"latitude\":40,\"longitude\":5}]}"),
                "LCPS", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        as(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[\"" + noEd + "\"]}"), "HOSPITAL", "o1")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        String seh = newId("loc");
        registerEd(seh, newId("org"), "SEH", 53.3, 6.6);
        rcps(postJson(SCENARIOS, "{\"name\":\"x\",\"closeSeh\":[\"" + seh + "\"]}"), "ROAZ-NHF")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM acute_care_scenario", Long.class)).isEqualTo(scenarios);

        // an ED opened at coordinates only brings people nearer
        as(postJson(SCENARIOS, "{\"name\":\"nieuw\",\"openSeh\":[{\"name\":\"SEH Schiermonnikoog\","
                + "\"latitude\":53.48,\"longitude\":6.16}]}"), "LCPS", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope").doesNotExist())
                .andExpect(jsonPath("$.result.receiving[0].name").value("SEH Schiermonnikoog"));
    }

    /** {@code perDay} Spoed passages (arrivals) of the location on each of the {@code days} days before today. */
    private void arrivals(String location, String organisation, int days, int perDay) throws Exception {
        java.time.Instant noon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                .atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
        List<String> passages = new java.util.ArrayList<>();
        for (int d = 1; d <= days; d++) {
            for (int i = 0; i < perDay; i++) {
                passages.add("""
                        {"eventId":"%s","providerId":"%s","unitKind":"seh","unitId":"SEH-1","moments":{"arrival":"%s"}}"""
                        .formatted(java.util.UUID.randomUUID(), location, noon.minus(java.time.Duration.ofDays(d))
                                .plusSeconds(60L * i)));
            }
        }
        as(postJson("/api/v1/modules/spoed/passages", "{\"passages\":[" + String.join(",", passages) + "]}"),
                "EPD_SYSTEM", organisation).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(days * perDay));
    }

    @Test
    void givenAnEdWithSpoedPassages_whenLimitedToDaytime_thenItsNightInflowComesFromItsMeasuredArrivals()
            throws Exception {
        String remote = newId("loc");
        String organisation = newId("org");
        registerEd(remote, organisation, "SEH", 53.41, 6.70); // Warffum (each test its own point)
        arrivals(remote, organisation, 8, 6); // 6 a day on 8 days
        assertThat(jdbc.queryForObject("SELECT sum(arrivals) FROM ed_arrivals_daily WHERE location_id = ?",
                Long.class, remote)).isEqualTo(48L);

        String answer = rcps(postJson(SCENARIOS, """
                {"name":"SEH %s alleen overdag","limitHours":[{"locationId":"%s","opens":"08:00","closes":"20:00"}]}"""
                .formatted(remote, remote)), "ROAZ-NN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.limitHours[0].locationId").value(remote))
                .andExpect(jsonPath("$.limitHours[0].opens").value("08:00:00"))
                .andExpect(jsonPath("$.result.inflowSources[0].locationId").value(remote))
                .andExpect(jsonPath("$.result.inflowSources[0].source").value("SPOED_FIGURES"))
                .andExpect(jsonPath("$.result.inflowSources[0].arrivalsPerDay").value(6.0))
                .andReturn().getResponse().getContentAsString();
        // while it is open, nothing changes; the night is its closure
        assertThat((Object) JsonPath.read(answer, "$.result.scenarioDuringHours"))
                .isEqualTo(JsonPath.read(answer, "$.result.baseline"));
        List<Double> inflow = JsonPath.read(answer, "$.result.receiving[*].expectedExtraArrivalsPerDay");
        assertThat(inflow.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(3.0,
                org.assertj.core.api.Assertions.within(0.2));
        // the measured arrivals are kept in the scenario: read again, the same result
        String id = JsonPath.read(answer, "$.id");
        arrivals(remote, organisation, 8, 2);
        assertThat((Object) JsonPath.read(rcps(getPath(SCENARIOS + "/" + id), "ROAZ-NN")
                .andReturn().getResponse().getContentAsString(), "$.result"))
                .isEqualTo(JsonPath.read(answer, "$.result"));

        long scenarios = jdbc.queryForObject("SELECT count(*) FROM acute_care_scenario", Long.class);
        for (String bad : List.of("{\"locationId\":\"%s\",\"opens\":\"8:00\",\"closes\":\"20:00\"}",
                "{\"locationId\":\"%s\",\"opens\":\"08:00\",\"closes\":\"08:00\"}",
                "{\"locationId\":\"%s\",\"opens\":\"08:00\",\"closes\":\"24:00\"}",
                "{\"locationId\":\"%s\",\"opens\":\"08:00\"}")) {
            rcps(postJson(SCENARIOS, "{\"name\":\"x\",\"limitHours\":[" + bad.formatted(remote) + "]}"), "ROAZ-NN")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }
        rcps(postJson(SCENARIOS, ("{\"name\":\"x\",\"closeSeh\":[\"%s\"],\"limitHours\":[{\"locationId\":\"%s\","
                + "\"opens\":\"08:00\",\"closes\":\"20:00\"}]}").formatted(remote, remote)), "ROAZ-NN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        rcps(postJson(SCENARIOS, ("{\"name\":\"x\",\"limitHours\":[{\"locationId\":\"%s\","
                + "\"opens\":\"08:00\",\"closes\":\"20:00\"}]}").formatted(remote)), "ROAZ-NHF")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_REGION"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM acute_care_scenario", Long.class)).isEqualTo(scenarios);
    }

    @Test
    void givenUnavailableSites_whenReachabilityAndAreasAreAsked_thenTheyCountAsClosed_andNothingIsKept()
            throws Exception {
        String remote = newId("loc");
        registerEd(remote, newId("org"), "SEH", 53.37, 6.33); // Ulrum
        String base = as(getPath(REACH + "?region=VR01"), "MKA", null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String without = as(getPath(REACH + "?region=VR01&unavailable=" + remote), "MKA", null)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(without, "$.emergencyDepartments")).intValue())
                .isEqualTo(((Number) JsonPath.read(base, "$.emergencyDepartments")).intValue() - 1);
        assertThat(((Number) JsonPath.read(without, "$.transport.within15")).longValue())
                .isLessThan(((Number) JsonPath.read(base, "$.transport.within15")).longValue());

        String areas = as(getPath("/api/v1/acute-care-map/areas?region=VR01"), "PUBLIC_AGGREGATE", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model", startsWith("modelled")))
                .andExpect(jsonPath("$.careKind").value("SEH"))
                .andReturn().getResponse().getContentAsString();
        List<Integer> population = JsonPath.read(areas, "$.areas[*].population");
        assertThat(population.stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(((Number) JsonPath.read(base, "$.populationTotal")).longValue());
        List<String> nearest = JsonPath.read(areas, "$.areas[*].nearestLocationId");
        assertThat(nearest).contains(remote);
        String areasWithout = as(getPath("/api/v1/acute-care-map/areas?region=VR01&unavailable=" + remote), "MKA",
                null).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(areasWithout, "$.areas[*].nearestLocationId")).doesNotContain(remote);

        as(getPath(REACH + "?unavailable=" + newId("nope")), "MKA", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        as(getPath(REACH + "?unavailable=bad%20id"), "MKA", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_ID"));
        as(getPath(REACH + "?care=VERLOSKUNDE&unavailable=" + remote), "MKA", null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("CARE_NOT_OFFERED"));
    }
}
