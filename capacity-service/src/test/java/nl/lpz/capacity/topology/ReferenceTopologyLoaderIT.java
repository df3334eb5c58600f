package nl.lpz.capacity.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import nl.lpz.capacity.CapacitySpringTest;
import nl.lpz.capacity.query.LocationDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReferenceTopologyLoaderIT extends CapacitySpringTest {
    @Autowired
    CommandGateway commands;
    @Autowired
    LocationDirectory directory;

    @Test
    void givenEmptyStore_whenLoadedTwice_thenAllLocationsRegisteredSharedAndSecondRunEmitsNothing()
            throws Exception {
        ReferenceTopologyLoader loader = new ReferenceTopologyLoader(commands, directory, Clock.systemUTC());
        loader.run(null);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        loader.run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM location_directory WHERE location_id ~ '^[0-9]{6}$'",
                Long.class)).isEqualTo(265);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM organisation_visibility "
                + "WHERE shared AND release_history AND organisation_id ~ '^[0-9]{6}$'", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT organisation_id) FROM location_directory "
                        + "WHERE location_id ~ '^[0-9]{6}$'", Long.class));
        as(getPath("/api/v1/locations/100101"), "MKA", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value("100101"))
                .andExpect(jsonPath("$.safetyRegionId").value("VR13"))
                .andExpect(jsonPath("$.roazRegionId").value("ROAZ-NHF"))
                .andExpect(jsonPath("$.careOffered.length()").value(7))
                .andExpect(jsonPath("$.careOffered", hasItem("VERLOSKUNDE")));
        as(getPath("/api/v1/locations/100101"), "MKA", null)
                .andExpect(jsonPath("$.careProfile.traumaLevel").value(1))
                .andExpect(jsonPath("$.careProfile.nicuLevel").value(3))
                .andExpect(jsonPath("$.careProfile.picu").value(true))
                .andExpect(jsonPath("$.careProfile.obstetricsLevel").value(3));
        as(getPath("/api/v1/locations/100102"), "MKA", null)
                .andExpect(jsonPath("$.careOffered.length()").value(0))
                .andExpect(jsonPath("$.careProfile.picu").value(true))
                .andExpect(jsonPath("$.careProfile.traumaLevel").doesNotExist());
        assertThat(directory.locationsWithoutCareProfile()).noneMatch(id -> id.matches("[0-9]{6}"));
        // the five successor-municipality rows (Delfzijl 101201 → VR01, Klaaswaal/Cromstrijen 102803 → VR18)
        as(getPath("/api/v1/locations/101201"), "MKA", null).andExpect(jsonPath("$.safetyRegionId").value("VR01"));
        as(getPath("/api/v1/locations/102803"), "MKA", null).andExpect(jsonPath("$.safetyRegionId").value("VR18"));
    }
}
