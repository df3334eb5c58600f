package nl.lpz.capacity.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.contract.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/v1/modules[/{moduleId}]}: the catalogue as the service runs it, read with the test-only module
 * {@code proefmodule} (test-support).
 */
class ModulesWebTest extends CapacitySpringTest {
    static final String PROEF = "$[?(@.id == 'proefmodule')]";

    @Test
    void givenTheCatalogue_whenListed_thenEveryModulesCurrentDefinitionWithUnitsFiguresReadersAndKpis()
            throws Exception {
        as(getPath("/api/v1/modules"), "PUBLIC_AGGREGATE", null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].id", hasItem("proefmodule")))
                .andExpect(jsonPath(PROEF + ".version").value(1))
                .andExpect(jsonPath(PROEF + ".name.nl").value("Proefmodule"))
                .andExpect(jsonPath(PROEF + ".name.en").value("Test module"))
                .andExpect(jsonPath(PROEF + ".providerKinds[0]").value("HOSPITAL_LOCATION"))
                .andExpect(jsonPath(PROEF + ".freshness").value("PT15M"))
                .andExpect(jsonPath(PROEF + ".units[0].kind").value("proefpost"))
                .andExpect(jsonPath(PROEF + ".units[0].invariants[0]").value("taken <= places"));
    }

    @Test
    void givenAModule_whenReadCurrentAndByVersion_thenTheSameDefinitionWithTypedFigures() throws Exception {
        String current = as(getPath("/api/v1/modules/proefmodule"), "MKA", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("proefmodule"))
                .andExpect(jsonPath("$.units[0].figures[0].id").value("places"))
                .andExpect(jsonPath("$.units[0].figures[0].name.en").value("Places"))
                .andExpect(jsonPath("$.units[0].figures[0].type").value("COUNT"))
                .andExpect(jsonPath("$.units[0].figures[0].max").value(50))
                .andExpect(jsonPath("$.units[0].figures[0].values").doesNotExist())
                .andExpect(jsonPath("$.units[0].figures[0].required").value(true))
                .andExpect(jsonPath("$.units[0].figures[2].type").value("STATUS"))
                .andExpect(jsonPath("$.units[0].figures[2].values[0]").value("GREEN"))
                .andExpect(jsonPath("$.units[0].figures[2].values[1]").value("RED"))
                .andExpect(jsonPath("$.units[0].figures[2].max").doesNotExist())
                .andExpect(jsonPath("$.units[0].figures[3].type").value("DURATION_MINUTES"))
                .andExpect(jsonPath("$.units[0].figures[3].required").value(false))
                .andExpect(jsonPath("$.readers[0].role").value("HOSPITAL"))
                .andExpect(jsonPath("$.readers[0].scope").value("REGION"))
                .andExpect(jsonPath("$.readers[0].detail").value("PROVIDER"))
                .andExpect(jsonPath("$.kpis[0].from").value("2026-01-01"))
                .andExpect(jsonPath("$.kpis[0].share").value(0.5))
                .andExpect(jsonPath("$.kpis[1].share").value(1.0))
                .andExpect(jsonPath("$.kpis[0].source").value("test KPI"))
                .andExpect(jsonPath("$.offering").isEmpty())
                .andExpect(jsonPath("$.units[0].levels[0].id").value("fill"))
                .andExpect(jsonPath("$.units[0].levels[0].numerator[0]").value("taken"))
                .andExpect(jsonPath("$.units[0].levels[0].bands[0].upTo").value(0.5))
                .andExpect(jsonPath("$.units[0].levels[0].bands[2].level").value("HOOG"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        as(getPath("/api/v1/modules/proefmodule?version=1"), "ADMIN", null)
                .andExpect(status().isOk())
                .andExpect(content().json(current, true));
    }

    @Test
    void givenEveryRole_whenTheCatalogueIsRead_thenAnswered() throws Exception {
        for (Role role : Role.values()) {
            String organisation = role == Role.HOSPITAL || role == Role.EPD_SYSTEM ? "100101" : null;
            as(getPath("/api/v1/modules"), role.name(), organisation).andExpect(status().isOk());
        }
    }

    @Test
    void givenNoSuchModuleOrVersion_whenRead_then404UnknownModule() throws Exception {
        for (String path : new String[] {"/api/v1/modules/nosuchmodule", "/api/v1/modules/nosuchmodule?version=1",
                "/api/v1/modules/proefmodule?version=2"}) {
            as(getPath(path), "LCPS", null)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNKNOWN_MODULE"));
        }
        as(getPath("/api/v1/modules/proefmodule?version=one"), "LCPS", null)
                .andExpect(status().isBadRequest());
    }

    @Test
    void givenNoIdentity_whenRead_then401() throws Exception {
        mvc.perform(getPath("/api/v1/modules"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$..code", hasItem("UNAUTHENTICATED")));
    }

    @Test
    void givenService_whenOpenApiRequested_thenTheModulePathsAreDocumentedWithoutTheCaller() throws Exception {
        mvc.perform(getPath("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/modules'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}'].get.parameters[?(@.name == 'caller')]")
                        .isEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/reports'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/reports'].post.parameters[0].name")
                        .value("moduleId"))
                .andExpect(jsonPath("$.paths['/api/v1/modules/{moduleId}/providers/{providerId}/units'].put")
                        .exists());
    }
}
