package nl.lpz.reporting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

/** What the platform around the service relies on: the OpenAPI document and the health endpoint. */
class ServiceSurfaceIT extends ReportingIntegrationTest {

    @Test
    void givenTheRunningService_whenTheOpenApiDocumentIsRead_thenItDescribesTheCapacityStreamStopAndModuleEndpoints()
            throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/capacity'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/stream'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/safety-regions/{safetyRegionId}/stops'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/stop-statistics'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/modules/{moduleId}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/modules/{moduleId}/lead-times'].get")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/compliance/modules'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/locations/{locationId}/refusals'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{roazRegionId}/refusals/monthly'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/birth-care/refusals/mine'].get").exists())
                .andExpect(jsonPath("$.paths['/internal/rebuild']").doesNotExist());
    }

    @Test
    void givenTheRunningService_whenHealthIsAsked_thenItIsUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
