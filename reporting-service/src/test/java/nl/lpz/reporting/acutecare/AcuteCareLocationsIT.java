package nl.lpz.reporting.acutecare;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ReportingIntegrationTest;
import nl.lpz.reporting.StopFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The map's locations read from registrations, stops, opening hours and Spoed reports published as capacity-service
 * and stop-service do, with each caller's view of their state and crowding.
 */
class AcuteCareLocationsIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOCATIONS = "/api/v1/acute-care-map/locations";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final HttpHeaders LCPS = caller("LCPS", null, null);

    static LocationRegistered located(String locationId, String organisationId, String roaz, String vr,
                                      Double latitude, Double longitude, CareKind... care) {
        return new LocationRegistered(LocationId.of(locationId), new OrganisationId(organisationId),
                "Ziekenhuis " + locationId, new RoazRegionId(roaz), new SafetyRegionId(vr), Set.of(care),
                "Algemeen ziekenhuis", latitude, longitude, Instant.now().minus(Duration.ofDays(1)), Actor.SYSTEM);
    }

    /** An ED report of the Spoed module: (waiting + inTreatment) / treatmentPlaces is its crowding. */
    static Published edReport(String locationId, String organisationId, long waiting, long inTreatment, long places,
                              Instant at) {
        return publish(new ModuleFixtures.Unit("spoed", 5, locationId, organisationId, "seh", "SEH-1",
                Map.of("waiting", waiting, "inTreatment", inTreatment, "waitingForAdmission", 0L,
                        "treatmentPlaces", places), Map.of("openness", "OPEN"), at, false).reported());
    }

    @Test
    void givenStopsHoursAndEdReports_whenTheMapIsRead_thenEachLocationShowsItsStateAndCrowdingToWhoMayReadThem()
            throws Exception {
        String roaz = unique("ROAZ");
        String vrA = unique("VR");
        String vrB = unique("VR");
        String shared = unique("ORG");
        String hidden = unique("ORG");
        String onStop = unique("LOC");
        String closed = unique("LOC");
        String open = unique("LOC");
        String notShared = unique("LOC");
        String noPosition = unique("LOC");
        String noAcute = unique("LOC");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the closed ED opens only two days from today, 10:00-11:00 Dutch time: closed whenever the test runs
        LocalDate opensOn = LocalDate.now(AMSTERDAM).plusDays(2);
        DayOfWeek day = opensOn.getDayOfWeek();
        Instant opensAt = opensOn.atTime(10, 0).atZone(AMSTERDAM).toInstant();
        StopFixtures.Stop stop = StopFixtures.Stop.of(vrA, roaz, CareKind.SEH, onStop, shared,
                now.minus(Duration.ofMinutes(10)), 120);
        send(publish(located(onStop, shared, roaz, vrA, 52.37, 4.89, CareKind.SEH, CareKind.PCI)),
                publish(located(closed, shared, roaz, vrA, 52.1, 5.1, CareKind.SEH)),
                publish(located(open, shared, roaz, vrA, 52.2, 5.2, CareKind.SEH, CareKind.VERLOSKUNDE)),
                publish(located(notShared, hidden, roaz, vrB, 52.3, 5.3, CareKind.SEH)),
                publish(located(noPosition, shared, roaz, vrA, null, null, CareKind.SEH)),
                publish(located(noAcute, shared, roaz, vrA, 52.4, 5.4)),
                publish(Fixtures.visibility(shared, true, false, now.minus(Duration.ofHours(1)))),
                publish(new OpeningHoursSet(LocationId.of(closed), new OrganisationId(shared), CareKind.SEH,
                        List.of(new OpeningPeriod(day, LocalTime.of(10, 0), LocalTime.of(11, 0))),
                        now.minus(Duration.ofHours(1)), Actor.SYSTEM)),
                // the reference topology described one, a person the other (the map says which is which)
                publish(new CareProfileSet(LocationId.of(open), new OrganisationId(shared),
                        new CareProfile(2, true, null, false, null), now.minus(Duration.ofHours(2)),
                        Actor.REFERENCE_TOPOLOGY)),
                publish(new CareProfileSet(LocationId.of(onStop), new OrganisationId(shared),
                        new CareProfile(1, true, null, false, null), now.minus(Duration.ofHours(2)),
                        new Actor("bc-jansen", shared))),
                // 5 patients on 10 places: 0.5, DRUK (0.47 < x <= 0.93)
                edReport(open, shared, 2, 3, 10, now.minus(Duration.ofMinutes(5))),
                edReport(notShared, hidden, 9, 11, 10, now.minus(Duration.ofMinutes(5))));
        send(StopFixtures.publish(stop.declared()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(LOCATIONS)
                        .param("region", roaz).headers(LCPS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value(roaz))
                .andExpect(jsonPath("$.regionKind").value("ROAZ_REGION"))
                .andExpect(jsonPath("$.locations.length()").value(4))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", onStop).value("STOP"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].latitude", onStop).value(52.37))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].longitude", onStop).value(4.89))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].careKind", onStop).value("SEH"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].stopUntil", onStop)
                        .value(stop.expectedEnd().toString()))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].stopSince", onStop)
                        .value(stop.startedAt().toString()))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[1].careKind", onStop).value("PCI"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[1].state", onStop).value("OPEN"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", closed).value("CLOSED"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].closedUntil", closed)
                        .value(opensAt.toString()))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].hours[0].day", closed)
                        .value(day.name()))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].hours[0].opens", closed)
                        .value("10:00"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", open).value("OPEN"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].hours", open).value("24/7"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[1].careKind", open)
                        .value("VERLOSKUNDE"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].stateHidden", open).value(false))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].careProfile.traumaLevel", open).value(2))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].careProfileReference", open).value(true))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].careProfileReference", onStop)
                        .value(false))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].careProfileReference", closed)
                        .value(false))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowding", open).value("DRUK"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowdingAt", open)
                        .value(now.minus(Duration.ofMinutes(5)).toString()))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowdingStale", open).value(false))
                // an organisation whose figures are not shared: its ED's crowding is not shown to others
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowding", notShared)
                        .value(contains(nullValue())))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", notShared).value("OPEN")));

        // the dispatcher of VR A reads the stops of VR A only, and the Spoed module of its ROAZ region
        mvc.perform(get(LOCATIONS).param("region", roaz).headers(caller("MKA", null, vrA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", onStop).value("STOP"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowding", open).value("DRUK"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].stateHidden", notShared).value(true))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", notShared)
                        .value(contains(nullValue())))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].hours", notShared)
                        .value("24/7"));
        // the hidden organisation reads its own ED's crowding
        mvc.perform(get(LOCATIONS).param("region", vrB).headers(caller("HOSPITAL", hidden, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionKind").value("SAFETY_REGION"))
                .andExpect(jsonPath("$.locations.length()").value(1))
                .andExpect(jsonPath("$.locations[0].locationId").value(notShared))
                .andExpect(jsonPath("$.locations[0].crowding").value("GEVAARLIJK_OVERVOL"));
        // the MMA reads the stops of its VR but not the Spoed module; a midwife reads neither
        mvc.perform(get(LOCATIONS).param("region", vrA).headers(caller("MMA", null, vrA)))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", onStop).value("STOP"))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowding", open)
                        .value(contains(nullValue())));
        mvc.perform(get(LOCATIONS).param("region", vrA).headers(caller("MIDWIFE", unique("ORG"), null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].stateHidden", onStop).value(true))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].state", onStop)
                        .value(contains(nullValue())))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].acute[0].stopUntil", onStop)
                        .value(contains(nullValue())))
                .andExpect(jsonPath("$.locations[?(@.locationId == '%s')].crowding", open)
                        .value(contains(nullValue())));

        mvc.perform(get(LOCATIONS).headers(caller("PUBLIC_AGGREGATE", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(LOCATIONS).param("region", "VR99").headers(LCPS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_SAFETY_REGION"));
        mvc.perform(get(LOCATIONS).param("region", unique("ROAZ")).headers(LCPS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_ROAZ_REGION"));
        mvc.perform(get(LOCATIONS).param("region", "VR 1; drop").headers(LCPS))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD"));
    }

    @Test
    void givenAboutOneHundredTwentyLocations_whenTheNationalMapIsRead_thenItAnswersInTensOfMilliseconds()
            throws Exception {
        String roaz = unique("ROAZ");
        List<Published> records = new ArrayList<>();
        List<Published> stops = new ArrayList<>();
        Instant now = Instant.now();
        List<String> vrs = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            vrs.add(unique("VR"));
            orgs.add(unique("ORG"));
        }
        for (int i = 0; i < 120; i++) {
            String vr = vrs.get(i % 10);
            String org = orgs.get(i % 60);
            String location = unique("LOC");
            records.add(publish(located(location, org, roaz, vr, 51 + i / 100.0, 4 + i / 100.0, CareKind.SEH,
                    CareKind.SR, CareKind.PCI)));
            records.add(edReport(location, org, i % 7, 2, 5, now));
            if (i % 10 == 0) {
                stops.add(StopFixtures.publish(StopFixtures.Stop.of(vr, roaz, CareKind.SEH, location, org, now, 60)
                        .declared()));
            }
        }
        send(records.toArray(Published[]::new));
        send(stops.toArray(Published[]::new));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(LOCATIONS)
                        .param("region", roaz).headers(LCPS))
                .andExpect(jsonPath("$.locations.length()").value(120))
                .andExpect(jsonPath("$.locations[?(@.acute[0].state == 'STOP')].locationId", hasSize(12))));

        for (int i = 0; i < 5; i++) {
            mvc.perform(get(LOCATIONS).headers(LCPS)).andExpect(status().isOk());
        }
        int rounds = 20;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            mvc.perform(get(LOCATIONS).headers(LCPS)).andExpect(status().isOk());
        }
        long millis = (System.nanoTime() - started) / rounds / 1_000_000;
        Integer count = jdbc.queryForObject("select count(*) from location where latitude is not null",
                Integer.class);
        System.out.printf("acute-care map, national answer: %d ms on average over %d reads, %d located locations%n",
                millis, rounds, count);
        assertThat(millis).isLessThan(500);
    }
}
