package nl.lpz.reporting.profile;

import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.contacts;
import static nl.lpz.reporting.Fixtures.location;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.thresholds;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.Fixtures.visibility;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A location's registration, care profile, contacts, opening hours, thresholds, visibility and beds published as
 * capacity-service does, read back as its profile page by its own hospital, a reader of another organisation and a
 * public reader.
 */
class LocationProfileIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROFILE = "/api/v1/locations/{locationId}/profile";

    @Test
    void givenALocationWithItsSettings_whenItsProfileIsRead_thenCareContactsModulesAndHistoryShow() throws Exception {
        String org = unique("ORG");
        String loc = unique("LOC");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Actor coordinator = new Actor("bc-jansen", org);
        CareProfile profile = new CareProfile(2, true, 2, false, null);
        send(publish(location(loc, org, "ROAZ-NHF", "VR13")),
                publish(new CareProfileSet(LocationId.of(loc), OrganisationId.of(org), profile, now.minusSeconds(60),
                        coordinator)),
                publish(contacts(loc, org)),
                publish(new OpeningHoursSet(LocationId.of(loc), OrganisationId.of(org), CareKind.SEH,
                        List.of(new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(22, 0))),
                        now.minusSeconds(30), coordinator)),
                publish(thresholds(loc, org, now.minusSeconds(20), new Threshold("IC_BEADEMD", 1))),
                publish(visibility(org, true, true, now.minusSeconds(10))),
                publish(bed(loc, org, "B1").at(now.minusSeconds(5)).event()),
                publish(bed(loc, org, "B2").at(now.minusSeconds(5)).covid(true).event()));

        // the beds and the topology come on two topics: wait for both
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(PROFILE, loc)
                        .headers(hospital(org)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history", hasSize(6)))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].units").value(2)));

        mvc.perform(get(PROFILE, loc).headers(hospital(org)))
                .andExpect(jsonPath("$.name").value("Ziekenhuis " + loc))
                .andExpect(jsonPath("$.own").value(true))
                .andExpect(jsonPath("$.shared").value(true))
                .andExpect(jsonPath("$.care.offered[0]").value("SEH"))
                .andExpect(jsonPath("$.care.profile.traumaLevel").value(2))
                .andExpect(jsonPath("$.care.profileSource").value("SET"))
                .andExpect(jsonPath("$.care.profile.strokeIat").value(true))
                .andExpect(jsonPath("$.care.openingHours.SEH[0].day").value("MONDAY"))
                .andExpect(jsonPath("$.contacts.regiehouderSeh[0].name").value("Jan de Vries"))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].delivering").value(true))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'COVID')].units").value(1))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'spoed')].expected").value(true))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'spoed')].delivering").value(false))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'geboortezorg')].expected").value(false))
                // newest first: visibility, thresholds, opening hours, care profile, then contacts and registration
                .andExpect(jsonPath("$.history", hasSize(6)))
                .andExpect(jsonPath("$.history[0].kind").value("VISIBILITY"))
                .andExpect(jsonPath("$.history[1].kind").value("THRESHOLDS"))
                .andExpect(jsonPath("$.history[2].kind").value("OPENING_HOURS"))
                .andExpect(jsonPath("$.history[3].kind").value("CARE_PROFILE"))
                .andExpect(jsonPath("$.history[3].by.subject").value("bc-jansen"))
                .andExpect(jsonPath("$.history[3].details.traumaLevel").value(2))
                .andExpect(jsonPath("$.history[5].kind").value("REGISTERED"))
                .andExpect(jsonPath("$.history[5].details.careOffered[0]").value("SEH"))
                .andExpect(jsonPath("$.historyTruncated").value(false));

        // another organisation: no thresholds, no persons, but the delivery while the figures are shared
        mvc.perform(get(PROFILE, loc).headers(caller("MKA", null, "VR13")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.own").value(false))
                .andExpect(jsonPath("$.history", hasSize(5)))
                .andExpect(jsonPath("$.history[?(@.kind == 'THRESHOLDS')]", hasSize(0)))
                .andExpect(jsonPath("$.history[2].kind").value("CARE_PROFILE"))
                .andExpect(jsonPath("$.history[2].by.subject").doesNotExist())
                .andExpect(jsonPath("$.history[2].by.organisation").value(org))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].units").value(2));

        // hidden again: others see which modules, not what is delivered
        send(publish(visibility(org, false, false, now.minusSeconds(1))));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(PROFILE, loc)
                        .headers(caller("LCPS", null, null)))
                .andExpect(jsonPath("$.shared").value(false))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].units", hasSize(0)))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].expected").value(true)));
        mvc.perform(get(PROFILE, loc).headers(caller("ADMIN", null, null)))
                .andExpect(jsonPath("$.modules[?(@.moduleId == 'KLINIEK')].units").value(2));
    }

    @Test
    void givenBadRequests_whenRead_thenTheContractsCodes() throws Exception {
        String org = unique("ORG");
        String loc = unique("LOC");
        send(publish(location(loc, org, "ROAZ-NHF", "VR13")));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(PROFILE, loc)
                .headers(caller("MIDWIFE", "VP1", "ROAZ-NHF"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.care.profile").isEmpty())
                .andExpect(jsonPath("$.history", hasSize(1))));
        mvc.perform(get(PROFILE, loc).headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(PROFILE, unique("LOC")).headers(hospital(org)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNKNOWN_LOCATION"));
        mvc.perform(get(PROFILE, "bad id").headers(hospital(org)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_ID"));
    }
}
