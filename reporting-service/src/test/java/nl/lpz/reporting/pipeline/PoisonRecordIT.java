package nl.lpz.reporting.pipeline;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record the projection cannot apply never stops it: the good records around it become visible within seconds, the
 * poison one is parked (stored, counted, listed) and can be replayed after the fix.
 */
class PoisonRecordIT extends ReportingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAPACITY = "/api/v1/regions/{roazRegionId}/capacity";

    @Autowired
    MeterRegistry meters;

    @Test
    void givenAnEventFromBeforeThePlatformEpochBetweenGoodOnes_whenConsumed_thenTheGoodOnesAreShownAndItIsParked()
            throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        double parkedBefore = parked("OUT_OF_RANGE");
        // the record of the incident: an EPD's occurredAt of -999999999-01-01, which no timestamptz can hold
        Published poison = publish(bed(loc, org, "B2").at(Instant.parse("-999999999-01-01T00:00:00Z")).event());
        send(publish(Fixtures.location(loc, org, region, "VR07")), publish(Fixtures.visibility(org, true, true, at(0))),
                publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()),
                poison,
                publish(bed(loc, org, "B3").status(BedStatus.OCCUPIED).at(at(2)).event()));

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                        .headers(rcps(region)))
                .andExpect(jsonPath("$.locations[0].totals.capacity").value(2))
                .andExpect(jsonPath("$.locations[0].totals.occupied").value(1)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select reason from parked_record where event_id = ?", String.class, poison.eventId()))
                .containsExactly("OUT_OF_RANGE"));
        assertThat(parked("OUT_OF_RANGE") - parkedBefore).isEqualTo(1.0);
        mvc.perform(get("/internal/parked")).andExpect(status().isOk())
                .andExpect(jsonPath("$.records[?(@.eventId == '" + poison.eventId() + "')].reason")
                        .value("OUT_OF_RANGE"));
    }

    @Test
    void givenARecordTheDatabaseRefusesEveryTime_whenConsumed_thenItIsParkedTheOthersAreShownAndAReplayAfterTheFixAppliesIt()
            throws Exception {
        String region = unique("ROAZ");
        String org = unique("ORG");
        String loc = unique("LOC");
        String poisonBed = unique("POISON");
        // a deterministic database failure for one record, as a constraint the projection cannot meet would give
        jdbc.execute("""
                create or replace function test_poison_bed() returns trigger language plpgsql as $$
                begin
                    if new.bed_id like 'POISON-%' then
                        raise exception 'poisoned bed %', new.bed_id using errcode = '22023';
                    end if;
                    return new;
                end $$""");
        jdbc.execute("create or replace trigger test_poison_bed before insert on bed_history for each row "
                + "execute function test_poison_bed()");
        Published poison = publish(bed(loc, org, poisonBed).status(BedStatus.OCCUPIED).at(at(3)).event());
        try {
            send(publish(Fixtures.location(loc, org, region, "VR07")),
                    publish(Fixtures.visibility(org, true, true, at(0))),
                    publish(bed(loc, org, "B1").status(BedStatus.AVAILABLE).at(at(1)).event()),
                    poison,
                    publish(bed(loc, org, "B2").status(BedStatus.AVAILABLE).at(at(2)).event()));

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> mvc.perform(get(CAPACITY, region)
                            .headers(rcps(region)))
                    .andExpect(jsonPath("$.locations[0].totals.available").value(2)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForMap(
                    "select reason, attempts, error from parked_record where event_id = ?", poison.eventId()))
                    .containsEntry("reason", "PROJECTION_FAILED").containsEntry("attempts", 3)
                    .hasEntrySatisfying("error", e -> assertThat((String) e).contains("poisoned bed")));
            mvc.perform(get("/actuator/health/projection")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/actuator/health/projection"))
                    .andExpect(jsonPath("$.details.parkedOpen").value(greaterThanOrEqualTo(1))));
        } finally {
            jdbc.execute("drop trigger if exists test_poison_bed on bed_history");
        }

        // after the fix: the replay projects it and closes it
        String answer = mvc.perform(post("/internal/parked/replay").param("consumer", "regional-capacity"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains(poison.eventId());
        assertThat(jdbc.queryForObject("select replayed_at is not null from parked_record where event_id = ?",
                Boolean.class, poison.eventId())).isTrue();
        mvc.perform(get(CAPACITY, region).headers(rcps(region)))
                .andExpect(jsonPath("$.locations[0].totals.capacity").value(3))
                .andExpect(jsonPath("$.locations[0].totals.occupied").value(1));
        List<Map<String, Object>> open = jdbc.queryForList(
                "select * from parked_record where event_id = ? and replayed_at is null", poison.eventId());
        assertThat(open).isEmpty();
    }

    private double parked(String reason) {
        return meters.find("lpz.consumer.records.parked").tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
