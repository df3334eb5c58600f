package nl.lpz.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden fixtures: every published event revision has a JSON file under {@code events/<Event>/rev-<n>.json}. A
 * fixture must read into today's record and write back to the same JSON; when that fails, a field changed and the
 * event needs a new revision and an upcaster, not an edited fixture.
 */
class EventFixturesTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<String> eventTypes() {
        return Stream.of("LocationRegistered", "BedStatusChanged", "BedRemoved", "ThresholdsSet", "ContactsUpdated",
                "VisibilityChanged", "StopDeclared", "StopExtended", "StopEnded", "StopExpired", "StopExpiryWarned",
                "StopsLapsed", "StopRefused", "StopAnnounced", "StopAnnouncementLapsed", "PlannedStopReminder",
                "ModuleFiguresReported", "ModuleUnitRemoved", "ModulePassageRecorded", "OpeningHoursSet",
                "BirthRefusalRecorded", "CareProfileSet", "ScenarioDefined", "AuditEntryRecorded");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void givenTheGoldenFixture_whenReadAndWrittenWithTheKafkaSerializer_thenTheJsonIsUnchanged(
            String type) throws IOException {
        Class<?> eventClass = EventJson.classOf(type).orElseThrow();
        String revision = eventClass.getAnnotation(Revision.class).value();
        byte[] fixture = fixture(type, revision);

        Object event = EventJson.read(type, fixture).orElseThrow();
        byte[] written = EventJson.toBytes(event);

        assertThat(event).isInstanceOf(eventClass);
        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(fixture));
        assertThat(EventJson.fromBytes(written, eventClass)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void givenAnEventType_thenItStartsAtRevision1WithAFixture(String type) throws IOException {
        Class<?> eventClass = EventJson.classOf(type).orElseThrow();
        assertThat(eventClass.getAnnotation(Revision.class)).isNotNull();
        assertThat(fixture(type, "1")).isNotEmpty();
    }

    /**
     * An additive revision (fields added, none changed) needs no upcaster: its older fixtures must still read into
     * today's record. A revision that changes a field fails here and needs its upcaster.
     */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void givenAnOlderRevisionsFixture_whenRead_thenItReadsIntoTodaysRecord(String type) throws IOException {
        Class<?> eventClass = EventJson.classOf(type).orElseThrow();
        int current = Integer.parseInt(eventClass.getAnnotation(Revision.class).value());
        for (int revision = 1; revision < current; revision++) {
            assertThat(EventJson.read(type, fixture(type, String.valueOf(revision)))).get().isInstanceOf(eventClass);
        }
    }

    @org.junit.jupiter.api.Test
    void givenAnUnknownType_whenRead_thenNothingIsReturned() {
        assertThat(EventJson.read("SomethingNew", "{}".getBytes())).isEmpty();
    }

    private static byte[] fixture(String type, String revision) throws IOException {
        try (InputStream in = EventFixturesTest.class.getResourceAsStream(
                "/events/" + type + "/rev-" + revision + ".json")) {
            assertThat(in).as("fixture for %s rev %s", type, revision).isNotNull();
            return in.readAllBytes();
        }
    }
}
