package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.instant;
import static nl.lpz.e2e.Lpz.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged to the EPD may be lost if capacity-service is killed afterwards (the event store is the outbox);
 * a reporting-service killed while projecting resumes without losing or double-counting a record.
 */
@Order(Integer.MAX_VALUE)
class CrashRecoveryIT {
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 100;
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void givenBatchesAcknowledgedWith202_whenCapacityServiceIsKilled9RightAfterTheLastAndRestarted_thenEveryEventIsVisibleExactlyOnce() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        List<List<Bed>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Bed> batch = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                Bed bed = Bed.at(loc, "D" + b, "bed-" + b + "-" + i, i % 10 == 0 ? "IC_BEADEMD" : "KLINIEK_VOLWASSENEN")
                        .at(t.plusMillis(b * PER_BATCH + i));
                batch.add(i % 2 == 0 ? bed.available() : bed.occupied(i % 4 == 1 ? "COVID" : "NON_COVID"));
            }
            batches.add(batch);
        }
        // per batch: IC_BEADEMD beds i=0,10,..,90 (all even → available); ward beds 90: 40 available, 50 occupied
        int ic = BATCHES * 10;
        int ward = BATCHES * 90;
        int wardOccupied = BATCHES * 50;
        int covidPatients = BATCHES * 25;
        Instant last = t.plusMillis(BATCHES * PER_BATCH - 1);

        for (List<Bed> batch : batches) {
            Lpz.pushAll(Api.epd(AMC_ORG), batch);
        }
        Platform.kill9(Platform.CAPACITY);
        JsonNode atKill = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), loc);
        System.out.printf("CrashRecoveryIT: at the SIGKILL of capacity-service, %s of %d acknowledged beds were visible%n",
                atKill == null ? 0 : atKill.path("totals").path("capacity").asInt(), BATCHES * PER_BATCH);
        Platform.start(Platform.CAPACITY);

        await("gateway routes to the restarted capacity-service").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.get(Api.epd(AMC_ORG), "/api/v1/code-lists/labels").status() == 200);
        await("every acknowledged event in the regional read model").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode l = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), loc);
                    assertThat(l).as("location %s", loc).isNotNull();
                    assertFigures(element(l, "IC_BEADEMD"), ic, ic, 0);
                    assertFigures(element(l, "KLINIEK_VOLWASSENEN"), ward, ward - wardOccupied, wardOccupied);
                    assertThat(instant(l.get("lastEventAt"))).isEqualTo(last);
                    assertThat(l.path("patients").path("covid").asInt(-1)).isEqualTo(covidPatients);
                    assertThat(l.path("patients").path("nonCovid").asInt(-1)).isEqualTo(wardOccupied - covidPatients);
                });

        // the idempotency keys survived the crash: every event again is a duplicate, and nothing is counted twice
        for (List<Bed> batch : batches) {
            Lpz.BatchResult again = Lpz.accepted(Lpz.push(Api.epd(AMC_ORG), batch));
            assertThat(List.of(again.accepted(), again.duplicates(), again.stale()))
                    .as("[accepted, duplicates, stale] of a resent batch: %s", again.response())
                    .containsExactly(0, PER_BATCH, 0);
        }
        Bed sentinel = Bed.at(loc, "SENTINEL", "s-1", "PAAZ").available().at(Instant.now().minusSeconds(1));
        Lpz.pushAll(Api.epd(AMC_ORG), sentinel);
        JsonNode l = Lpz.awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc,
                x -> assertThat(instant(x.get("lastEventAt"))).isEqualTo(sentinel.occurredAt()));
        assertFigures(element(l, "IC_BEADEMD"), ic, ic, 0);
        assertFigures(element(l, "KLINIEK_VOLWASSENEN"), ward, ward - wardOccupied, wardOccupied);
        assertThat(l.path("patients").path("covid").asInt(-1)).isEqualTo(covidPatients);
    }

    @Test
    void givenEventsBeingProjected_whenReportingServiceIsKilled9AndRestarted_thenTheReadModelEndsWithEveryEventCountedOnce() {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        List<Bed> all = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Bed> batch = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                // every bed reported twice: available, then occupied (COVID for every fourth bed)
                Bed bed = Bed.at(loc, "D" + b, "bed-" + b + "-" + i, "KLINIEK_VOLWASSENEN")
                        .at(t.plusMillis(3L * (b * PER_BATCH + i)));
                batch.add(bed.available());
                batch.add(bed.occupied(i % 4 == 0 ? "COVID" : "NON_COVID")
                        .at(t.plusMillis(3L * (b * PER_BATCH + i) + 1)));
            }
            Lpz.pushAll(Api.epd(AMC_ORG), batch);
            all.addAll(batch);
        }
        Platform.kill9(Platform.REPORTING);
        Platform.start(Platform.REPORTING);

        int beds = BATCHES * PER_BATCH;
        Instant last = all.get(all.size() - 1).occurredAt();
        await("every event in the regional read model after the restart").atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode l = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF), loc);
                    assertThat(l).as("location %s", loc).isNotNull();
                    assertFigures(element(l, "KLINIEK_VOLWASSENEN"), beds, 0, beds);
                    assertThat(instant(l.get("lastEventAt"))).isEqualTo(last);
                    assertThat(l.path("patients").path("covid").asInt(-1)).isEqualTo(beds / 4);
                    assertThat(l.path("patients").path("nonCovid").asInt(-1)).isEqualTo(beds - beds / 4);
                });
        // and the history: half-way through, exactly the beds reported by then
        // bed n is reported available at t+3n ms and occupied at t+3n+1 ms: as of t+1499 ms beds 0..499 are occupied
        Instant middle = t.plusMillis(3L * (beds / 2) - 1);
        JsonNode then = location(Lpz.capacity(Api.rcps(ROAZ_NHF), ROAZ_NHF, middle), loc);
        assertThat(then).as("%s as of %s", loc, middle).isNotNull();
        assertFigures(element(then, "KLINIEK_VOLWASSENEN"), beds / 2, 0, beds / 2);
    }
}
