package nl.lpz.capacity.query;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.Threshold;

/** A registered location as the directory holds it. */
public record LocationView(String locationId, String organisationId, String name, String roazRegionId,
                           String safetyRegionId, List<CareKind> careOffered, String locationType, Double latitude,
                           Double longitude, List<Threshold> thresholds, Contacts contacts, Instant registeredAt,
                           Instant updatedAt) {

    public record Contacts(List<Contact> regiehouderSeh, List<Contact> beddencoordinator) {
    }
}
