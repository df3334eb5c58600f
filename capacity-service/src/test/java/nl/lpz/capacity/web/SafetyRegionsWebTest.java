package nl.lpz.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.contract.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code GET /api/v1/safety-regions}: the reference table of safety regions, for every role. */
class SafetyRegionsWebTest extends CapacitySpringTest {

    @Test
    void givenTheReferenceTable_whenListed_thenAll25SortedByIdWithNameAndRoazRegion() throws Exception {
        String body = as(getPath("/api/v1/safety-regions"), "MKA", null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(25)))
                .andExpect(jsonPath("$[0].safetyRegionId").value("VR01"))
                .andExpect(jsonPath("$[0].name").value("Groningen"))
                .andExpect(jsonPath("$[0].roazRegionId").value("ROAZ-NN"))
                .andExpect(jsonPath("$[12].safetyRegionId").value("VR13"))
                .andExpect(jsonPath("$[12].name").value("Amsterdam-Amstelland"))
                .andExpect(jsonPath("$[12].roazRegionId").value("ROAZ-NHF"))
                .andExpect(jsonPath("$[24].safetyRegionId").value("VR25"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<Map<String, String>> listed = JsonPath.read(body, "$");
        assertThat(listed).isSortedAccordingTo(Comparator.comparing(r -> r.get("safetyRegionId")));
        assertThat(listed).allSatisfy(r -> assertThat(r).containsOnlyKeys("safetyRegionId", "name", "roazRegionId"));
        assertThat(listed.stream().map(r -> String.join(",", r.get("safetyRegionId"), r.get("name"),
                r.get("roazRegionId"))).toList()).isEqualTo(referenceRows());
    }

    @Test
    void givenEveryRole_whenListed_thenTheSameList() throws Exception {
        String expected = as(getPath("/api/v1/safety-regions"), "ADMIN", null).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (Role role : Role.values()) {
            String organisation = role == Role.HOSPITAL || role == Role.EPD_SYSTEM ? "100101" : null;
            as(getPath("/api/v1/safety-regions"), role.name(), organisation)
                    .andExpect(status().isOk())
                    .andExpect(content().json(expected, true));
        }
    }

    @Test
    void givenNoIdentity_whenListed_then401() throws Exception {
        mvc.perform(getPath("/api/v1/safety-regions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void givenACallerWithoutAPlatformRole_whenListed_then403ForbiddenRole() throws Exception {
        as(getPath("/api/v1/safety-regions"), "SOMETHING_ELSE", null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
    }

    @Test
    void givenService_whenOpenApiRequested_thenTheListingIsDocumentedWithoutTheCaller() throws Exception {
        mvc.perform(getPath("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/safety-regions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/safety-regions'].get.parameters").doesNotExist());
    }

    /** The module's copy of the reference table (safety region, name, ROAZ region), sorted by id. */
    private static List<String> referenceRows() throws IOException {
        try (InputStream in = SafetyRegionsWebTest.class.getResourceAsStream("/topology/roaz_regions_by_safety_region.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1))
                    .map(f -> String.join(",", f[0], f[1], f[2]))
                    .sorted()
                    .toList();
        }
    }
}
