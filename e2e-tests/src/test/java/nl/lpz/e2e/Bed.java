package nl.lpz.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A bed event of the contract ({@code BedEvent}), built fluently; immutable, each {@code with…} returns a copy with a
 * fresh {@code eventId} unless {@link #eventId(String)} sets one.
 */
record Bed(String eventId, String locationId, String departmentId, String bedId, String status, String specialistisch,
           String specialisme, String snijdendBeschouwend, boolean covid, String patientCovidStatus, Instant occurredAt) {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** An AVAILABLE non-COVID bed of the given element, reported now. */
    static Bed at(String locationId, String departmentId, String bedId, String specialistisch) {
        return new Bed(UUID.randomUUID().toString(), locationId, departmentId, bedId, "AVAILABLE", specialistisch,
                null, null, false, null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    Bed eventId(String id) {
        return new Bed(id, locationId, departmentId, bedId, status, specialistisch, specialisme, snijdendBeschouwend,
                covid, patientCovidStatus, occurredAt);
    }

    /** Another bed with the same labels (a fresh eventId). */
    Bed bed(String bedId) {
        return new Bed(UUID.randomUUID().toString(), locationId, departmentId, bedId, status, specialistisch,
                specialisme, snijdendBeschouwend, covid, patientCovidStatus, occurredAt);
    }

    Bed available() {
        return fresh("AVAILABLE", covid, null, occurredAt);
    }

    Bed occupied(String patientCovidStatus) {
        return fresh("OCCUPIED", covid, patientCovidStatus, occurredAt);
    }

    Bed reserved() {
        return fresh("RESERVED", covid, null, occurredAt);
    }

    Bed blocked() {
        return fresh("BLOCKED", covid, null, occurredAt);
    }

    Bed covidCapacity(boolean covid) {
        return fresh(status, covid, patientCovidStatus, occurredAt);
    }

    Bed at(Instant occurredAt) {
        return fresh(status, covid, patientCovidStatus, occurredAt.truncatedTo(ChronoUnit.MILLIS));
    }

    Bed element(String specialistisch) {
        return new Bed(UUID.randomUUID().toString(), locationId, departmentId, bedId, status, specialistisch,
                specialisme, snijdendBeschouwend, covid, patientCovidStatus, occurredAt);
    }

    Bed labels(String specialisme, String snijdendBeschouwend) {
        return new Bed(UUID.randomUUID().toString(), locationId, departmentId, bedId, status, specialistisch,
                specialisme, snijdendBeschouwend, covid, patientCovidStatus, occurredAt);
    }

    private Bed fresh(String status, boolean covid, String patientCovidStatus, Instant occurredAt) {
        return new Bed(UUID.randomUUID().toString(), locationId, departmentId, bedId, status, specialistisch,
                specialisme, snijdendBeschouwend, covid, patientCovidStatus, occurredAt);
    }

    /** The event as the contract's JSON; {@code occurredAt} with the Amsterdam offset. */
    ObjectNode json() {
        ObjectNode e = snapshotJson();
        ObjectNode withId = Api.JSON.createObjectNode();
        withId.put("eventId", eventId);
        withId.setAll(e);
        return withId;
    }

    /** The bed as an entry of a full snapshot: a BedEvent without {@code eventId}. */
    ObjectNode snapshotJson() {
        ObjectNode e = Api.JSON.createObjectNode();
        e.put("locationId", locationId);
        e.put("departmentId", departmentId);
        e.put("bedId", bedId);
        e.put("status", status);
        ObjectNode labels = e.putObject("labels");
        labels.put("specialistisch", specialistisch);
        if (specialisme == null) {
            labels.putNull("specialisme");
        } else {
            labels.put("specialisme", specialisme);
        }
        if (snijdendBeschouwend == null) {
            labels.putNull("snijdendBeschouwend");
        } else {
            labels.put("snijdendBeschouwend", snijdendBeschouwend);
        }
        labels.put("covid", covid);
        if (patientCovidStatus == null) {
            e.putNull("patientCovidStatus");
        } else {
            e.put("patientCovidStatus", patientCovidStatus);
        }
        e.put("occurredAt", wire(occurredAt));
        return e;
    }

    /** An instant as the contract writes it: ISO-8601 with the Amsterdam offset. */
    static String wire(Instant instant) {
        return WIRE.format(OffsetDateTime.ofInstant(instant, AMSTERDAM));
    }

    /** {@code {"events":[...]}}. */
    static ObjectNode batch(Bed... beds) {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (Bed b : beds) {
            events.add(b.json());
        }
        return body;
    }

    static ObjectNode batch(java.util.List<Bed> beds) {
        return batch(beds.toArray(Bed[]::new));
    }
}
