package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.assertFigures;
import static nl.lpz.e2e.Lpz.awaitLocation;
import static nl.lpz.e2e.Lpz.element;
import static nl.lpz.e2e.Lpz.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/regions/{roaz}/stream}: capacity changes as SSE, resumable with {@code Last-Event-ID}. */
class RegionStreamIT {
    private static final String STREAM = "/api/v1/regions/" + ROAZ_NHF + "/stream";

    @Test
    void givenAStreamListener_whenABedChanges_thenACapacityEventArrivesAndAReconnectWithLastEventIdReplaysWhatWasMissed()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        Instant t1 = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        Instant t2 = t1.plusSeconds(10);
        String firstId;
        try (SseClient stream = SseClient.open(Api.rcps(ROAZ_NHF), STREAM, null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");

            Lpz.pushAll(Api.epd(AMC_ORG), Bed.at(loc, "IC", "bed-1", "IC_BEADEMD").available().at(t1));

            SseClient.Event e = nextFor(stream, loc, t1);
            assertThat(e.name()).isEqualTo("capacity");
            assertThat(e.id()).as("event id").isNotBlank();
            JsonNode data = Api.JSON.readTree(e.data());
            assertThat(data.path("changedAt").isTextual()).as("changedAt in %s", data).isTrue();
            firstId = e.id();
        }

        // missed while disconnected
        Lpz.pushAll(Api.epd(AMC_ORG), Bed.at(loc, "IC", "bed-2", "IC_BEADEMD").occupied("COVID").at(t2));
        awaitLocation(Api.rcps(ROAZ_NHF), ROAZ_NHF, loc, l -> assertFigures(element(l, "IC_BEADEMD"), 2, 1, 1));

        try (SseClient resumed = SseClient.open(Api.rcps(ROAZ_NHF), STREAM, firstId)) {
            assertThat(resumed.status).isEqualTo(200);
            SseClient.Event e = nextFor(resumed, loc, t2);
            assertThat(e.name()).isEqualTo("capacity");
            assertThat(resumed.received()).as("replayed after Last-Event-ID %s", firstId)
                    .allSatisfy(x -> assertThat(Long.parseLong(x.id())).isGreaterThan(Long.parseLong(firstId)));
        }
    }

    private static boolean about(SseClient.Event e, String locationId, Instant lastEventAt) {
        try {
            JsonNode data = Api.JSON.readTree(e.data());
            return locationId.equals(data.path("locationId").asText(null)) && data.path("lastEventAt").isTextual()
                    && instant(data.get("lastEventAt")).equals(lastEventAt);
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    /**
     * The next event telling the location's newest bed report is {@code lastEventAt}, within 10 s (others' changes
     * in the region, and the announcement of the location's registration, may come in between).
     */
    private static SseClient.Event nextFor(SseClient stream, String locationId, Instant lastEventAt) throws Exception {
        long deadline = System.nanoTime() + Lpz.VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event e = stream.next(Duration.ofMillis(200));
            if (e != null && about(e, locationId, lastEventAt)) {
                return e;
            }
        }
        throw new AssertionError("no SSE event for " + locationId + " with lastEventAt " + lastEventAt + " within "
                + Lpz.VISIBLE_WITHIN + "; received " + stream.received());
    }
}
